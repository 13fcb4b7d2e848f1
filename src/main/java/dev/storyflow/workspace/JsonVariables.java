package dev.storyflow.workspace;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.MissingNode;
import org.camunda.spin.json.SpinJsonNode;
import org.springframework.stereotype.Component;

/** Reads the story's JSON reports (Spin values, or plain maps and strings in tests) as Jackson trees. */
@Component
class JsonVariables {

  private final ObjectMapper json;

  JsonVariables(ObjectMapper json) {
    this.json = json;
  }

  /** The variable as a JSON tree; a missing node when it is absent or not JSON. */
  JsonNode read(Object value) {
    if (value == null) {
      return MissingNode.getInstance();
    }
    try {
      if (value instanceof SpinJsonNode spin) {
        return json.readTree(spin.toString());
      }
      if (value instanceof String text) {
        return text.isBlank() ? MissingNode.getInstance() : json.readTree(text);
      }
      return json.valueToTree(value);
    } catch (JsonProcessingException | IllegalArgumentException e) {
      return MissingNode.getInstance();
    }
  }
}
