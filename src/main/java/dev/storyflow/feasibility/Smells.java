package dev.storyflow.feasibility;

import java.util.List;
import java.util.regex.Pattern;

/**
 * Requirements smells after Femmer et al. (2017) and ISO/IEC/IEEE 29148: word lists per smell
 * category. Shared by the wording check and the acceptance-criteria check.
 */
final class Smells {

  /** A smell category and whether a number in the same line makes the words precise. */
  record Category(String rule, String label, Lexicon words, boolean preciseWithNumber) {
  }

  static final Lexicon NUMBER = Lexicon.ofPattern("number",
      "(?<![\\p{L}])\\d|(?<![\\p{L}])(?:one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|fifteen|twenty|thirty"
          + "|forty|fifty|sixty|hundred|thousand|million|half|twice|percent|per\\s+cent)(?![\\p{L}])");

  static final Category SUBJECTIVE = new Category("ambiguity.subjective", "subjective language", Lexicon.resource("subjective", "ambiguity/subjective"), true);

  static final Category VAGUE_QUANTITY = new Category("ambiguity.vague-quantity", "ambiguous adverbs and adjectives", Lexicon.resource("vague", "ambiguity/vague-quantity"), true);

  static final Category LOOPHOLE = new Category("ambiguity.loophole", "loophole", Lexicon.resource("loophole", "ambiguity/loophole"), false);

  static final Category OPEN_ENDED = new Category("ambiguity.open-ended", "open-ended term",
      Lexicon.resourceOr("open-ended", "ambiguity/open-ended", "\\.\\.\\.|…"), false);

  static final Category SUPERLATIVE = new Category("ambiguity.superlative", "superlative", Lexicon.resource("superlative", "ambiguity/superlative"), true);

  static final Category COMPARATIVE = new Category("ambiguity.comparative", "comparative", Lexicon.resource("comparative", "ambiguity/comparative"), true);

  static final Category INCOMPLETE_REFERENCE = new Category("ambiguity.incomplete-reference", "incomplete reference", Lexicon.resource("reference", "ambiguity/incomplete-reference"), false);

  /** "It should …", "This must …": a pronoun with no noun it stands for. */
  static final Lexicon VAGUE_PRONOUN = Lexicon.ofPattern("vague pronoun",
      "^(?:it|this|that|they|them|these|those)\\s+(?:is|are|was|were|should|must|shall|will|would|can|could|"
          + "has|have|does|do|works?|needs?|gets?|looks?|seems?|shows?|displays?|contains?|includes?|"
          + "allows?|supports?|handles?|updates?)(?![\\p{L}])");

  /** The start of the means, when it is only a pronoun: "I want it to …", "I want to change that". */
  static final Pattern PRONOUN_MEANS = Pattern.compile(
      "(?i)^(?:to\\s+)?(?:(?:have|make|get|see|change|fix|update|improve)\\s+)?(?:it|this|that|them|they|these|those)"
          + "(?:\\s+(?:to|be|is|are|should|work|working)\\b|\\s*[.,]?\\s*$)");

  /** References that a design link answers: "as described", "see the spec". */
  static final Lexicon ANSWERED_BY_LINK = Lexicon.resource("answered by a link", "ambiguity/answered-by-link");

  static final Lexicon URL = Lexicon.ofPattern("url", "(?:https?://|www\\.)\\S+|\\S+\\.(?:md|pdf|docx?|png|html?)\\b");

  static final List<Category> WORDING = List.of(SUBJECTIVE, VAGUE_QUANTITY, LOOPHOLE, OPEN_ENDED, SUPERLATIVE,
      COMPARATIVE, INCOMPLETE_REFERENCE);

  /** What acceptance criteria are checked for: a placeholder there ("TBD") is a testability problem, not wording. */
  static final List<Category> CRITERIA_WORDING = List.of(SUBJECTIVE, VAGUE_QUANTITY, LOOPHOLE, OPEN_ENDED, SUPERLATIVE,
      COMPARATIVE);

  private Smells() {
  }
}
