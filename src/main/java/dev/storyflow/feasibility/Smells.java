package dev.storyflow.feasibility;

import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Requirements smells after Femmer et al. (2017) and ISO/IEC/IEEE 29148: word lists per smell
 * category. Shared by the wording check and the acceptance-criteria check.
 */
final class Smells {

  /** Finds the words of a smell in a text. */
  interface Finder {
    List<Lexicon.Match> find(String text);
  }

  /** A smell category and whether a number in the same line makes the words precise. */
  record Category(String rule, String label, Finder words, boolean preciseWithNumber) {
  }

  /**
   * A number: digits that are not part of a name ("Science360", "W3C", "HDF5" are names), or a number word.
   * A number word joined by a hyphen to a word that is not a unit names a kind, not a measure ("one-way hash",
   * "two-factor login"); with a unit it is a measure ("two-minute timer").
   */
  static final Lexicon NUMBER = Lexicon.ofPattern("number",
      "(?<![\\p{L}\\p{N}])\\d|(?<![\\p{L}\\p{N}])(?:one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|fifteen"
          + "|twenty|thirty|forty|fifty|sixty|hundred|thousand|million|half|twice|percent|per\\s+cent)(?![\\p{L}\\p{N}])"
          + "(?!-(?!(?:second|minute|hour|day|week|month|year|click|step|page|character|digit|item|line|row|word)s?(?![\\p{L}]))"
          + "\\p{L})");

  static final Category SUBJECTIVE = new Category("ambiguity.subjective", "subjective language", Lexicon.resource("subjective", "ambiguity/subjective"), true);

  static final Category VAGUE_QUANTITY = new Category("ambiguity.vague-quantity", "vague quantity", new VagueQuantities(), true);

  static final Category VAGUE_ADVERB = new Category("ambiguity.vague-adverb", "ambiguous adverbs and adjectives", Lexicon.resource("vague", "ambiguity/vague-adverb"), true);

  static final Category LOOPHOLE = new Category("ambiguity.loophole", "loophole", Lexicon.resource("loophole", "ambiguity/loophole"), false);

  /** Open ends are loopholes too ("etc.", "and so on", "and related"): one rule, as in the labelling guideline. */
  static final Category OPEN_ENDED = new Category("ambiguity.loophole", "open-ended term",
      Lexicon.resourceOr("open-ended", "ambiguity/open-ended", "\\.\\.\\.|…"), false);

  /**
   * A superlative or a comparative without a baseline ("the most popular items", "a better understanding"): one rule,
   * as in the labelling guideline ("a comparative or superlative without a baseline").
   */
  static final Category SUPERLATIVE = new Category("ambiguity.comparison", "superlative", Lexicon.resource("superlative", "ambiguity/superlative"), true);

  static final Category COMPARATIVE = new Category("ambiguity.comparison", "comparative", Lexicon.resource("comparative", "ambiguity/comparative"), true);

  /** A verb that says something is to be dealt with, not what is to be done: "handle", "deal with" (a hint). */
  static final Category VAGUE_VERB = new Category("ambiguity.vague-verb", "vague verb",
      Lexicon.resource("vague verb", "ambiguity/vague-verbs"), false);

  /** Content asked for without saying which: "related information", "specific details", "additional fields". */
  static final Category UNSPECIFIED_CONTENT = new Category("ambiguity.unspecified-content", "unspecified content",
      new UnspecifiedContent(), false);

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

  /**
   * An abbreviation that names a thing of the team's own ("the finalized OLPA task script", "the WIG
   * prototype"): "the", perhaps one word, two to six capitals or digits, and a noun after it.
   */
  static final Pattern ABBREVIATION = Pattern.compile("(?<![\\p{L}\\p{N}])[Tt]he\\s+(?:\\p{Ll}+\\s+)?(\\p{Lu}[\\p{Lu}\\d]{1,5})\\s+"
      + "(?!(?:and|or|but|for|with|from|into|that|which|who|when|where|the|its|their|was|were|are|has|have|had|can|will)"
      + "(?![\\p{L}]))\\p{Ll}{3,}");

  /** Abbreviations in everyday use, which need no definition. */
  static final Set<String> KNOWN_ABBREVIATIONS = Lexicon.words("ambiguity/known-abbreviations");

  /** References that a design link answers: "as described", "see the spec". */
  static final Lexicon ANSWERED_BY_LINK = Lexicon.resource("answered by a link", "ambiguity/answered-by-link");

  static final Lexicon URL = Lexicon.ofPattern("url", "(?:https?://|www\\.)\\S+|\\S+\\.(?:md|pdf|docx?|png|html?)\\b");

  static final List<Category> WORDING = List.of(SUBJECTIVE, VAGUE_QUANTITY, UNSPECIFIED_CONTENT, VAGUE_ADVERB, LOOPHOLE,
      OPEN_ENDED, SUPERLATIVE, COMPARATIVE, INCOMPLETE_REFERENCE, VAGUE_VERB);

  /** What acceptance criteria are checked for: a placeholder there ("TBD") is a testability problem, not wording. */
  static final List<Category> CRITERIA_WORDING = List.of(SUBJECTIVE, VAGUE_QUANTITY, UNSPECIFIED_CONTENT, VAGUE_ADVERB, LOOPHOLE,
      OPEN_ENDED, SUPERLATIVE, COMPARATIVE);

  private Smells() {
  }
}
