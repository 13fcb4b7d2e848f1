package dev.storyflow.securityscan;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import net.sourceforge.pmd.PMDConfiguration;
import net.sourceforge.pmd.PmdAnalysis;
import net.sourceforge.pmd.PMDVersion;
import net.sourceforge.pmd.lang.LanguageRegistry;
import net.sourceforge.pmd.lang.document.FileId;
import net.sourceforge.pmd.reporting.Report;
import net.sourceforge.pmd.reporting.RuleViolation;

/**
 * Java through PMD: its security category and the project rules in
 * {@code securityscan/java-security-rules.xml}. Sources are handed over from memory, with their
 * workspace-relative paths, so nothing outside the scan's own file list is read.
 */
final class PmdScanner {

  static final String RULESET = "securityscan/java-security-rules.xml";

  /** What PMD found: violations, rule descriptions, and the files it could not parse. */
  record Result(List<Violation> violations, Map<String, String> rules, List<String> errors) {
  }

  /** One PMD violation: rule name, priority (1 highest), file and line. */
  record Violation(String rule, int priority, String message, String file, int line) {

    Severity severity() {
      return priority <= 2 ? Severity.HIGH : priority == 3 ? Severity.MEDIUM : Severity.LOW;
    }
  }

  static String version() {
    return PMDVersion.VERSION;
  }

  Result scan(List<SourceFile> javaFiles) {
    if (javaFiles.isEmpty()) {
      return new Result(List.of(), Map.of(), List.of());
    }
    PMDConfiguration config = new PMDConfiguration();
    config.setDefaultLanguageVersion(LanguageRegistry.PMD.getLanguageById("java").getDefaultVersion());
    config.setIgnoreIncrementalAnalysis(true);
    config.setThreads(0);
    Map<String, SourceFile> byPath = javaFiles.stream()
        .collect(Collectors.toMap(SourceFile::path, Function.identity(), (a, b) -> a));
    try (PmdAnalysis pmd = PmdAnalysis.create(config)) {
      pmd.addRuleSet(pmd.newRuleSetLoader().loadFromResource(RULESET));
      javaFiles.forEach(f -> pmd.files().addSourceFile(FileId.fromPathLikeString(f.path()), f.text()));
      Report report = pmd.performAnalysisAndCollectReport();
      List<Violation> violations = new ArrayList<>();
      Map<String, String> rules = new java.util.TreeMap<>();
      for (RuleViolation v : report.getViolations()) {
        String path = v.getFileId().getOriginalPath();
        if (!byPath.containsKey(path)) {
          continue;
        }
        String rule = "java." + v.getRule().getName();
        rules.put(rule, v.getRule().getMessage());
        violations.add(new Violation(rule, v.getRule().getPriority().getPriority(), v.getRule().getMessage(),
            path, v.getBeginLine()));
      }
      List<String> errors = report.getProcessingErrors().stream()
          .map(e -> e.getFileId().getOriginalPath() + ": " + e.getError().getClass().getSimpleName())
          .toList();
      return new Result(violations, rules, errors);
    }
  }
}
