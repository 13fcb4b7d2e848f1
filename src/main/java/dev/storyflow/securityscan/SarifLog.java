package dev.storyflow.securityscan;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Component;

/**
 * Writes a {@code securityScan} report as a SARIF 2.1.0 log: one run per scanner (Storyflow's own
 * rules, PMD, each external scanner), rules with their level and {@code security-severity},
 * results with a masked snippet, a line-independent fingerprint and, for allowed findings,
 * {@code suppressions}. The workspace file and the API answer are both written from the report, so
 * they are the same.
 */
@Component
class SarifLog {

  static final String MEDIA_TYPE = "application/sarif+json";

  private final ObjectMapper json;

  SarifLog(ObjectMapper json) {
    this.json = json;
  }

  String write(JsonNode report) {
    ObjectNode log = json.createObjectNode();
    log.put("$schema", "https://json.schemastore.org/sarif-2.1.0.json");
    log.put("version", "2.1.0");
    ArrayNode runs = log.putArray("runs");
    Map<String, List<JsonNode>> byTool = new LinkedHashMap<>();
    Map<String, JsonNode> tools = new LinkedHashMap<>();
    report.path("tools").forEach(t -> {
      tools.put(t.path("name").asText(), t);
      byTool.put(t.path("name").asText(), new ArrayList<>());
    });
    report.path("findings").forEach(f -> byTool.computeIfAbsent(f.path("tool").asText(), k -> new ArrayList<>()).add(f));
    report.path("suppressedFindings").forEach(f -> byTool.computeIfAbsent(f.path("tool").asText(), k -> new ArrayList<>()).add(f));
    byTool.forEach((tool, findings) -> runs.add(run(tool, tools.get(tool), findings, report)));
    try {
      return json.writerWithDefaultPrettyPrinter().writeValueAsString(log);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("Cannot write SARIF", e);
    }
  }

  private ObjectNode run(String name, JsonNode tool, List<JsonNode> findings, JsonNode report) {
    ObjectNode run = json.createObjectNode();
    ObjectNode driver = run.putObject("tool").putObject("driver");
    driver.put("name", name);
    if (tool != null && tool.hasNonNull("version")) {
      driver.put("version", tool.path("version").asText());
    }
    if ("pmd".equals(name)) {
      driver.put("informationUri", "https://pmd.github.io/");
    }
    ArrayNode rules = driver.putArray("rules");
    Map<String, Integer> ruleIndex = new LinkedHashMap<>();
    for (JsonNode f : findings) {
      String id = f.path("rule").asText();
      if (!ruleIndex.containsKey(id)) {
        ruleIndex.put(id, ruleIndex.size());
        Severity severity = Severity.valueOf(f.path("severity").asText("MEDIUM"));
        ObjectNode rule = rules.addObject();
        rule.put("id", id);
        rule.putObject("shortDescription").put("text", report.path("rules").path(id).asText(id));
        rule.putObject("defaultConfiguration").put("level", severity.sarifLevel());
        ObjectNode properties = rule.putObject("properties");
        ArrayNode tags = properties.putArray("tags").add("security");
        if (f.path("secret").asBoolean()) {
          tags.add("secret");
        }
        properties.put("security-severity", severity.securitySeverity());
      }
    }
    ObjectNode invocation = run.putArray("invocations").addObject();
    invocation.put("executionSuccessful", tool == null || tool.path("ok").asBoolean(true));
    if (report.hasNonNull("startedAt")) {
      invocation.put("startTimeUtc", report.path("startedAt").asText());
    }
    if (tool != null && tool.hasNonNull("message")) {
      ObjectNode note = invocation.putArray("toolExecutionNotifications").addObject();
      note.put("level", tool.path("ok").asBoolean(true) ? "note" : "error");
      note.putObject("message").put("text", tool.path("message").asText());
    }
    ArrayNode results = run.putArray("results");
    for (JsonNode f : findings) {
      Severity severity = Severity.valueOf(f.path("severity").asText("MEDIUM"));
      ObjectNode result = results.addObject();
      result.put("ruleId", f.path("rule").asText());
      result.put("ruleIndex", ruleIndex.get(f.path("rule").asText()));
      result.put("level", severity.sarifLevel());
      result.putObject("message").put("text", f.path("message").asText());
      ObjectNode physical = result.putArray("locations").addObject().putObject("physicalLocation");
      physical.putObject("artifactLocation").put("uri", uri(f.path("file").asText()));
      ObjectNode region = physical.putObject("region");
      region.put("startLine", Math.max(1, f.path("line").asInt(1)));
      region.putObject("snippet").put("text", f.path("snippet").asText(""));
      result.putObject("partialFingerprints").put("storyflowFinding/v1", f.path("fingerprint").asText());
      result.putObject("properties").put("severity", severity.name());
      if (f.hasNonNull("suppression")) {
        ObjectNode suppression = result.putArray("suppressions").addObject();
        suppression.put("kind", f.path("suppression").asText().startsWith("inline") ? "inSource" : "external");
        suppression.put("justification", f.path("suppression").asText());
      }
    }
    return run;
  }

  private static String uri(String path) {
    try {
      return new URI(null, null, path, null).toASCIIString();
    } catch (URISyntaxException e) {
      return path;
    }
  }
}
