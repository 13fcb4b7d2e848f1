package dev.storyflow.feasibility;

import java.util.Locale;
import java.util.Map;

/**
 * The outcome of the decision table {@code feasibility-verdict}.
 *
 * @param verdict {@code READY}, {@code NEEDS_CLARIFICATION} or {@code TOO_LARGE}
 * @param reason the rule's explanation
 */
public record Verdict(String verdict, String reason) {

  static final String READY = "READY";
  static final String NEEDS_CLARIFICATION = "NEEDS_CLARIFICATION";
  static final String TOO_LARGE = "TOO_LARGE";

  /** The words a person reads for each verdict. */
  public static final Map<String, String> LABELS = Map.of(
      READY, "Ready",
      NEEDS_CLARIFICATION, "Needs clarification",
      TOO_LARGE, "Too large");

  /** The words for the verdict {@code code}: "Needs clarification"; an unknown code in lower case. */
  public static String label(String code) {
    return code == null ? "" : LABELS.getOrDefault(code, code.toLowerCase(Locale.ROOT).replace('_', ' '));
  }
}
