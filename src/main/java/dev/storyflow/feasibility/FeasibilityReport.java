package dev.storyflow.feasibility;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The {@code feasibility} report as stored in the story (a JSON variable) and answered by the API:
 * {@code verdict}, {@code verdictReason}, {@code summary}, {@code estimate} (points and reasons),
 * {@code securitySensitive}, {@code findings} (criterion, rule, severity, message, evidence),
 * {@code counts}, and {@code notes}, the slot where an external agent's review is added; the
 * builtin review leaves it empty. An agent's own findings go beside them ({@link AgentFindings}). At most {@value #MAX_FINDINGS_PER_CRITERION} findings per
 * criterion are listed; {@code counts} and the verdict count them all.
 */
final class FeasibilityReport {

  static final int MAX_FINDINGS_PER_CRITERION = 10;

  private FeasibilityReport() {
  }

  static Map<String, Object> of(String storyId, Analysis analysis, Verdict verdict) {
    Map<String, Object> report = new LinkedHashMap<>();
    report.put("storyId", storyId);
    report.put("verdict", verdict.verdict());
    report.put("verdictReason", verdict.reason());
    report.put("summary", summary(analysis, verdict));
    report.put("estimate", analysis.estimate().toMap());
    report.put("securitySensitive", analysis.security().toMap());
    Map<Criterion, Integer> perCriterion = new EnumMap<>(Criterion.class);
    List<Map<String, Object>> findings = new ArrayList<>();
    int omitted = 0;
    for (Finding finding : analysis.findings()) {
      int n = perCriterion.merge(finding.criterion(), 1, Integer::sum);
      if (n > MAX_FINDINGS_PER_CRITERION) {
        omitted++;
        continue;
      }
      findings.add(toMap(finding));
    }
    report.put("findings", findings);
    Map<String, Object> counts = new LinkedHashMap<>();
    counts.put("errors", analysis.count(Severity.ERROR));
    counts.put("warnings", analysis.count(Severity.WARNING));
    counts.put("infos", analysis.count(Severity.INFO));
    counts.put("omittedFindings", omitted);
    counts.put("comparedWith", analysis.comparedWith());
    report.put("counts", counts);
    report.put("reviewer", "builtin");
    report.put("notes", new ArrayList<>());
    return report;
  }

  private static Map<String, Object> toMap(Finding finding) {
    Map<String, Object> evidence = new LinkedHashMap<>();
    evidence.put("field", finding.evidence().field());
    if (finding.evidence().line() != null) {
      evidence.put("line", finding.evidence().line());
    }
    evidence.put("text", finding.evidence().text());
    Map<String, Object> map = new LinkedHashMap<>();
    map.put("criterion", finding.criterion().name());
    map.put("rule", finding.rule());
    map.put("severity", finding.severity().name());
    map.put("message", finding.message());
    map.put("evidence", evidence);
    return map;
  }

  private static String summary(Analysis analysis, Verdict verdict) {
    return String.format("%s: %d error(s), %d warning(s), %d hint(s); about %d story points%s.",
        verdict.verdict(), analysis.count(Severity.ERROR), analysis.count(Severity.WARNING),
        analysis.count(Severity.INFO), analysis.estimate().points(),
        analysis.security().sensitive() ? "; security-sensitive (" + String.join(", ",
            analysis.security().topics().stream().map(Enum::name).toList()) + ")" : "");
  }
}
