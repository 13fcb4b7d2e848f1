package dev.storyflow.agent;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectReader;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.springframework.stereotype.Component;

/**
 * Reads an agent's stdout: either the result JSON itself, or Claude Code's
 * {@code --output-format json} envelope ({@code type}, {@code subtype}, {@code is_error},
 * {@code result}, {@code structured_output}, {@code total_cost_usd}, {@code num_turns},
 * {@code session_id}) with the result in {@code structured_output} or as JSON inside the
 * {@code result} text. {@code is_error: true} is a failure whatever {@code subtype} says. The
 * result must match {@link ResultSchema}.
 */
@Component
class ReplyReader {

  private static final Pattern FENCED = Pattern.compile("```(?:json)?\\s*\\n(.*?)\\n?```", Pattern.DOTALL);
  private static final int QUOTE = 500;

  private static final TypeReference<List<Map<String, Object>>> FINDINGS = new TypeReference<>() {
  };

  private final ObjectMapper json;
  private final ObjectReader strict;
  private final ResultSchema schema;

  ReplyReader(ObjectMapper json, ResultSchema schema) {
    this.json = json;
    this.strict = json.reader().with(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);
    this.schema = schema;
  }

  AgentReply read(String stdout) {
    String text = stdout == null ? "" : stdout.strip();
    if (text.isEmpty()) {
      return new AgentReply(null, null, null, null, "the agent printed nothing on stdout; expected its result as JSON");
    }
    JsonNode root;
    try {
      root = strict.readTree(text);
    } catch (JsonProcessingException e) {
      return new AgentReply(null, null, null, null, "stdout is not valid JSON (" + e.getOriginalMessage()
          + "): " + quote(text));
    }
    if (!isEnvelope(root)) {
      return result(new AgentReply(null, null, null, null, null), root);
    }
    AgentReply usage = new AgentReply(decimal(root.get("total_cost_usd")),
        root.hasNonNull("num_turns") && root.get("num_turns").canConvertToInt() ? root.get("num_turns").asInt() : null,
        root.hasNonNull("session_id") ? root.get("session_id").asText() : null, null, null);
    String subtype = root.path("subtype").asText("");
    if (root.path("is_error").asBoolean(false)) {
      return usage.withProblem("the agent reported an error (is_error: true, subtype: " + subtype + "): "
          + quote(root.path("result").asText("")));
    }
    if (!subtype.isEmpty() && !"success".equals(subtype)) {
      return usage.withProblem("the agent stopped with subtype " + subtype);
    }
    JsonNode structured = root.get("structured_output");
    if (structured != null && structured.isObject()) {
      return result(usage, structured);
    }
    JsonNode inText = jsonIn(root.path("result").asText(""));
    if (inText == null) {
      return usage.withProblem("the envelope holds no result JSON, neither in structured_output nor in result: "
          + quote(root.path("result").asText("")));
    }
    return result(usage, inText);
  }

  private AgentReply result(AgentReply usage, JsonNode result) {
    List<String> problems = schema.problems(result);
    if (!problems.isEmpty()) {
      return usage.withProblem("the result does not match the schema " + ResultSchema.RESOURCE + ": "
          + String.join("; ", problems));
    }
    List<String> files = new ArrayList<>();
    result.path("changedFiles").forEach(f -> files.add(f.asText()));
    return new AgentReply(usage.costUsd(), usage.turns(), usage.sessionId(), new AgentReply.Result(
        result.get("status").asText(), result.get("summary").asText(), List.copyOf(files),
        result.hasNonNull("notes") ? result.get("notes").asText() : null,
        result.has("findings") ? json.convertValue(result.get("findings"), FINDINGS) : List.of()), null);
  }

  private static boolean isEnvelope(JsonNode root) {
    return root.isObject() && (root.has("is_error") || ("result".equals(root.path("type").asText())
        && root.has("subtype")));
  }

  /** The JSON object in a model's text answer: the whole text, a fenced block, or the outermost braces. */
  private JsonNode jsonIn(String text) {
    List<String> candidates = new ArrayList<>();
    candidates.add(text.strip());
    Matcher fenced = FENCED.matcher(text);
    while (fenced.find()) {
      candidates.add(fenced.group(1).strip());
    }
    int first = text.indexOf('{');
    int last = text.lastIndexOf('}');
    if (first >= 0 && last > first) {
      candidates.add(text.substring(first, last + 1));
    }
    for (String candidate : candidates) {
      try {
        JsonNode node = strict.readTree(candidate);
        if (node != null && node.isObject()) {
          return node;
        }
      } catch (JsonProcessingException e) {
        // try the next candidate
      }
    }
    return null;
  }

  private static BigDecimal decimal(JsonNode node) {
    return node != null && node.isNumber() ? node.decimalValue() : null;
  }

  private static String quote(String text) {
    String oneLine = text.strip();
    return oneLine.length() <= QUOTE ? oneLine : oneLine.substring(0, QUOTE) + "…";
  }
}
