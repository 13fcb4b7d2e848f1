package dev.storyflow.securityscan;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.springframework.stereotype.Component;

/**
 * The before/after comparison of a re-scan after a fix: verdict and counts before and after, and
 * which findings were fixed, remain or are new, matched by their line-independent fingerprint.
 */
@Component
class ScanComparison {

  private final ObjectMapper json;

  ScanComparison(ObjectMapper json) {
    this.json = json;
  }

  /**
   * Adds {@code comparison} to a re-scan's report: verdict and counts before and after, and which
   * findings were fixed, remain or are new (by fingerprint).
   */
  void add(Map<String, Object> after, Optional<JsonNode> before) {
    Map<String, Object> comparison = new LinkedHashMap<>();
    if (before.isEmpty()) {
      comparison.put("note", "no earlier scan to compare with");
      after.put("comparison", comparison);
      return;
    }
    JsonNode old = before.get();
    JsonNode now = json.valueToTree(after);
    comparison.put("before", brief(old));
    comparison.put("after", brief(now));
    Map<String, JsonNode> oldFindings = byFingerprint(old);
    Map<String, JsonNode> newFindings = byFingerprint(now);
    comparison.put("fixed", located(oldFindings, newFindings.keySet()));
    comparison.put("introduced", located(newFindings, oldFindings.keySet()));
    Set<String> remaining = new LinkedHashSet<>(newFindings.keySet());
    remaining.retainAll(oldFindings.keySet());
    comparison.put("remaining", remaining.stream().map(k -> location(newFindings.get(k))).toList());
    after.put("comparison", comparison);
    after.put("summary", after.get("summary") + " Before the fix: " + old.path("verdict").asText("?")
        + "; fixed " + ((List<?>) comparison.get("fixed")).size() + ", remaining " + remaining.size()
        + ", new " + ((List<?>) comparison.get("introduced")).size() + ".");
  }

  private Map<String, Object> brief(JsonNode report) {
    Map<String, Object> brief = new LinkedHashMap<>();
    brief.put("verdict", report.path("verdict").asText(null));
    brief.put("counts", json.convertValue(report.path("counts"), Map.class));
    brief.put("secrets", report.path("secrets").asInt());
    brief.put("findings", report.path("findings").size());
    return brief;
  }

  private static Map<String, JsonNode> byFingerprint(JsonNode report) {
    Map<String, JsonNode> findings = new LinkedHashMap<>();
    report.path("findings").forEach(f -> findings.put(f.path("fingerprint").asText(), f));
    return findings;
  }

  private static List<Map<String, Object>> located(Map<String, JsonNode> in, Set<String> notIn) {
    return in.entrySet().stream().filter(e -> !notIn.contains(e.getKey())).map(e -> location(e.getValue())).toList();
  }

  private static Map<String, Object> location(JsonNode f) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("rule", f.path("rule").asText());
    m.put("severity", f.path("severity").asText());
    m.put("file", f.path("file").asText());
    m.put("line", f.path("line").asInt());
    return m;
  }

}
