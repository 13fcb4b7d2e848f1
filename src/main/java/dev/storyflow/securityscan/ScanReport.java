package dev.storyflow.securityscan;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.camunda.spin.json.SpinJsonNode;
import org.springframework.stereotype.Component;

/**
 * Builds the {@code securityScan} report (a JSON variable): verdict, counts by severity, findings
 * with masked snippets, allowed findings, the scanners that ran. Also reads reports back from
 * variables.
 */
@Component
class ScanReport {

  /** The inputs of the gate decision, counted from a scan. */
  record Counts(boolean scanned, int critical, int high, int medium, int low, int secrets, int suppressed,
      int scannerFailures) {

    static Counts of(SecurityScanner.Result result) {
      List<Finding> active = result.active();
      return new Counts(true, count(active, Severity.CRITICAL), count(active, Severity.HIGH),
          count(active, Severity.MEDIUM), count(active, Severity.LOW), (int) active.stream().filter(Finding::secret).count(),
          result.suppressed().size(), (int) result.tools().stream().filter(t -> !t.ok()).count());
    }

    static Counts none() {
      return new Counts(false, 0, 0, 0, 0, 0, 0, 0);
    }

    private static int count(List<Finding> findings, Severity severity) {
      return (int) findings.stream().filter(f -> f.severity() == severity).count();
    }

    Map<String, Object> bySeverity() {
      Map<String, Object> counts = new LinkedHashMap<>();
      counts.put(Severity.CRITICAL.key(), critical);
      counts.put(Severity.HIGH.key(), high);
      counts.put(Severity.MEDIUM.key(), medium);
      counts.put(Severity.LOW.key(), low);
      return counts;
    }
  }

  private final ObjectMapper json;

  ScanReport(ObjectMapper json) {
    this.json = json;
  }

  Map<String, Object> of(SecurityScanner.Result result, Counts counts, SecurityGate.Verdict verdict,
      boolean securitySensitive, String sarifPath, int maxFindings) {
    Map<String, Object> report = header(verdict, counts, securitySensitive);
    ScanScope.Selection selection = result.selection();
    report.put("summary", summary(verdict, counts, result.filesScanned() + " file(s) " + scopeText(selection)));
    report.put("scope", selection.scope().name().toLowerCase(java.util.Locale.ROOT));
    report.put("base", selection.base());
    report.put("scopeNote", selection.note());
    report.put("commit", selection.head());
    report.put("uncommittedChanges", selection.uncommitted());
    report.put("filesScanned", result.filesScanned());
    List<Finding> active = result.active();
    List<Finding> suppressed = result.suppressed();
    report.put("findings", active.stream().limit(maxFindings).map(f -> finding(f, false)).toList());
    report.put("suppressedFindings", suppressed.stream().limit(maxFindings).map(f -> finding(f, true)).toList());
    report.put("findingsTruncated", active.size() > maxFindings || suppressed.size() > maxFindings);
    report.put("tools", result.tools().stream().map(t -> {
      Map<String, Object> tool = new LinkedHashMap<>();
      tool.put("name", t.name());
      tool.put("version", t.version());
      tool.put("ok", t.ok());
      tool.put("message", t.message());
      return tool;
    }).toList());
    Set<String> used = result.findings().stream().map(Finding::rule).collect(Collectors.toSet());
    Map<String, String> rules = new LinkedHashMap<>();
    result.rules().forEach((id, description) -> {
      if (used.contains(id)) {
        rules.put(id, description);
      }
    });
    report.put("rules", rules);
    report.put("sarif", sarifPath);
    report.put("startedAt", result.startedAt().toString());
    report.put("durationMs", result.duration().toMillis());
    return report;
  }

  /** The report when there is no workspace to scan. */
  Map<String, Object> unscanned(SecurityGate.Verdict verdict, boolean securitySensitive, String why) {
    Map<String, Object> report = header(verdict, Counts.none(), securitySensitive);
    report.put("summary", verdict.value() + ": " + verdict.reason() + ". " + why);
    report.put("scope", "none");
    report.put("filesScanned", 0);
    report.put("findings", List.of());
    report.put("suppressedFindings", List.of());
    report.put("tools", List.of());
    report.put("startedAt", java.time.Instant.now().toString());
    return report;
  }

  private static Map<String, Object> header(SecurityGate.Verdict verdict, Counts counts, boolean securitySensitive) {
    Map<String, Object> report = new LinkedHashMap<>();
    report.put("verdict", verdict.value());
    report.put("reason", verdict.reason());
    report.put("summary", null);
    report.put("counts", counts.bySeverity());
    report.put("secrets", counts.secrets());
    report.put("suppressed", counts.suppressed());
    report.put("scannerFailures", counts.scannerFailures());
    report.put("securitySensitive", securitySensitive);
    return report;
  }

  private static String summary(SecurityGate.Verdict verdict, Counts counts, String scanned) {
    int total = counts.critical() + counts.high() + counts.medium() + counts.low();
    List<String> parts = new ArrayList<>();
    counts.bySeverity().forEach((k, v) -> {
      if ((int) v > 0) {
        parts.add(v + " " + k);
      }
    });
    return verdict.value() + ": " + verdict.reason() + ". " + total + " finding(s)"
        + (parts.isEmpty() ? "" : " (" + String.join(", ", parts) + ")")
        + (counts.secrets() > 0 ? ", " + counts.secrets() + " of them secret(s)" : "")
        + (counts.suppressed() > 0 ? "; " + counts.suppressed() + " allowed" : "")
        + " in " + scanned + ".";
  }

  private static String scopeText(ScanScope.Selection selection) {
    return selection.base() != null ? "changed since " + selection.base() : "(" + selection.note() + ")";
  }

  private static Map<String, Object> finding(Finding f, boolean withSuppression) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("rule", f.rule());
    m.put("severity", f.severity().name());
    m.put("secret", f.secret());
    m.put("tool", f.tool());
    m.put("file", f.file());
    m.put("line", f.line());
    m.put("snippet", f.snippet());
    m.put("message", f.message());
    m.put("fingerprint", f.fingerprint());
    if (withSuppression) {
      m.put("suppression", f.suppression());
    }
    return m;
  }

  /** A JSON report variable (Spin JSON, a JSON string or a map) as a tree; empty when absent. */
  Optional<JsonNode> read(Object variable) {
    if (variable == null) {
      return Optional.empty();
    }
    try {
      if (variable instanceof SpinJsonNode spin) {
        return Optional.of(json.readTree(spin.toString()));
      }
      if (variable instanceof String s) {
        return Optional.of(json.readTree(s));
      }
      return Optional.of(json.valueToTree(variable));
    } catch (JsonProcessingException | IllegalArgumentException e) {
      return Optional.empty();
    }
  }
}
