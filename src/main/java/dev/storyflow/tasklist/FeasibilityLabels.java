package dev.storyflow.tasklist;

import dev.storyflow.feasibility.Verdict;
import java.util.Locale;
import java.util.Map;

/**
 * The words a person reads for the codes of a {@code feasibility} report: verdicts (the engine's
 * own, {@link Verdict#label}), severities, criteria and story fields. The task forms' feasibility component has the same words in FEEL
 * ({@code TaskFormsTest} keeps them equal); the start form's "Check story" gets them
 * from here.
 */
final class FeasibilityLabels {

  static final Map<String, String> VERDICTS = Verdict.LABELS;

  static final Map<String, String> SEVERITIES = Map.of(
      "ERROR", "Must fix",
      "WARNING", "Should clarify",
      "INFO", "Hint");

  static final Map<String, String> CRITERIA = Map.of(
      "WELL_FORMED", "Incomplete statement",
      "ATOMIC", "More than one action in one story",
      "MINIMAL", "Extra text in the statement",
      "UNAMBIGUOUS", "Vague wording",
      "PROBLEM_ORIENTED", "Solution instead of the need",
      "ESTIMABLE", "Hard to estimate",
      "TESTABLE_CRITERIA", "Criterion a test cannot check",
      "UNIQUE", "Duplicate of another story",
      "INDEPENDENT", "Depends on other stories");

  static final Map<String, String> FIELDS = Map.of(
      "title", "Title",
      "asA", "As a",
      "iWant", "I want",
      "soThat", "So that",
      "acceptanceCriteria", "Acceptance criterion",
      "notes", "Notes",
      "reference", "Reference",
      "dependsOn", "Depends on");

  private FeasibilityLabels() {
  }

  static String verdict(String code) {
    return Verdict.label(code);
  }

  static String severity(String code) {
    return SEVERITIES.getOrDefault(code, humanize(code));
  }

  static String criterion(String code) {
    return CRITERIA.getOrDefault(code, humanize(code));
  }

  /** Where in the story: "I want", "Acceptance criterion 2". */
  static String where(String field, Integer line) {
    String label = FIELDS.getOrDefault(field, humanize(field));
    return line == null ? label : label + " " + line;
  }

  /** {@code PERSONAL_DATA} → "personal data". */
  static String humanize(String code) {
    return code == null ? "" : code.toLowerCase(Locale.ROOT).replace('_', ' ');
  }
}
