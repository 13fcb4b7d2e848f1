package dev.storyflow.feasibility;

/**
 * The outcome of the decision table {@code feasibility-verdict}.
 *
 * @param verdict {@code READY}, {@code NEEDS_CLARIFICATION} or {@code TOO_LARGE}
 * @param reason the rule's explanation
 */
record Verdict(String verdict, String reason) {

  static final String READY = "READY";
  static final String NEEDS_CLARIFICATION = "NEEDS_CLARIFICATION";
  static final String TOO_LARGE = "TOO_LARGE";
}
