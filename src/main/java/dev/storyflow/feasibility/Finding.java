package dev.storyflow.feasibility;

/**
 * One quality problem of a story.
 *
 * @param rule the rule that found it ({@code ambiguity.subjective}, …): its criterion and severity
 *     are set in {@code feasibility/rules.tsv} (see {@link Rules})
 */
public record Finding(String rule, Criterion criterion, Severity severity, String message, Evidence evidence) {

  /** A finding of {@code rule}, with the criterion and severity the rules table gives it. */
  Finding(String rule, String message, Evidence evidence) {
    this(rule, Rules.criterion(rule), Rules.severity(rule), message, evidence);
  }
}
