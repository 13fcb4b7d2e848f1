package dev.storyflow.lifecycle;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Instant;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.camunda.spin.json.SpinJsonNode;
import org.camunda.spin.plugin.variable.SpinValues;
import org.springframework.stereotype.Component;

/**
 * Records approvals that went against the evidence in the JSON variable {@code overrides}: who,
 * where, why it needed an override and the comment they gave.
 */
@Component
class OverrideLog {

  private final ObjectMapper json;

  OverrideLog(ObjectMapper json) {
    this.json = json;
  }

  void record(DelegateTask task, Status status, Decision decision) {
    ArrayNode entries = read(task.getVariable(StoryVariables.OVERRIDES));
    ObjectNode entry = entries.addObject();
    entry.put("task", task.getTaskDefinitionKey());
    entry.put("status", status == null ? null : status.name());
    Authentication user = task.getProcessEngineServices().getIdentityService().getCurrentAuthentication();
    entry.put("by", user == null ? null : user.getUserId());
    entry.put("reason", decision.override());
    entry.put("comment", decision.comment());
    entry.put("at", Instant.now().toString());
    try {
      task.setVariable(StoryVariables.OVERRIDES, SpinValues.jsonValue(json.writeValueAsString(entries)).create());
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("Cannot write overrides", e);
    }
  }

  private ArrayNode read(Object value) {
    if (value instanceof SpinJsonNode spin) {
      try {
        return (ArrayNode) json.readTree(spin.toString());
      } catch (JsonProcessingException | ClassCastException e) {
        throw new IllegalStateException("Unreadable overrides variable", e);
      }
    }
    return json.createArrayNode();
  }
}
