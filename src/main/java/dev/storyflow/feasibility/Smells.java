package dev.storyflow.feasibility;

import java.util.List;
import java.util.regex.Pattern;

/**
 * Requirements smells after Femmer et al. (2017) and ISO/IEC/IEEE 29148: word lists per smell
 * category. Shared by the wording check and the acceptance-criteria check.
 */
final class Smells {

  /** A smell category and whether a number in the same line makes the words precise. */
  record Category(String label, Lexicon words, boolean preciseWithNumber) {
  }

  static final Lexicon NUMBER = Lexicon.ofPattern("number",
      "\\d|(?<![\\p{L}])(?:one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|fifteen|twenty|thirty"
          + "|forty|fifty|sixty|hundred|thousand|million|half|twice|percent|per\\s+cent)(?![\\p{L}])");

  static final Category SUBJECTIVE = new Category("subjective language", Lexicon.of("subjective",
      "user friendly", "customer friendly", "easy to use", "easy", "easily", "simple", "intuitive(?:ly)?",
      "nice(?:ly)?", "good", "great", "beautiful(?:ly)?", "pretty", "attractive", "appealing", "modern", "elegant",
      "sleek", "seamless(?:ly)?", "smooth(?:ly)?", "convenient(?:ly)?", "comfortable", "pleasant", "efficient(?:ly)?",
      "effective(?:ly)?", "fast", "quick(?:ly)?", "rapid(?:ly)?", "speedy", "snappy", "responsive", "performant",
      "robust", "flexible", "powerful", "reliabl[ey]", "scalable", "secure(?:ly)?", "straightforward",
      "state of the art", "cutting edge", "high quality", "professional(?:ly)?", "proper(?:ly)?",
      "appropriate(?:ly)?", "adequate(?:ly)?", "reasonabl[ey]", "acceptable", "sufficient(?:ly)?", "optimal(?:ly)?",
      "ideal", "flawless(?:ly)?", "clear(?:ly)?(?=\\s+(?:visible|readable|understandable|structured|laid|"
          + "presented|displayed|shown|marked|labell?ed|formatted))", "understandable", "readable", "meaningful",
      "helpful", "useful", "relevant", "suitable", "important", "interesting", "smart", "cool", "awesome",
      "fancy", "lightweight", "user centric", "state of art", "in a timely manner", "timely",
      "as soon as possible", "asap"), true);

  static final Category VAGUE_QUANTITY = new Category("ambiguous adverbs and adjectives", Lexicon.of("vague",
      "almost", "nearly", "approximately", "roughly", "relatively", "fairly", "quite", "somewhat", "rather",
      "usually", "normally", "generally", "typically", "often", "sometimes", "occasionally", "frequently",
      "rarely", "mostly", "largely", "partially", "partly", "significant(?:ly)?", "considerabl[ey]",
      "substantial(?:ly)?", "several", "(?<!how\\s{1,3})many", "few", "various", "numerous", "a lot of", "lots of",
      "a number of", "a couple of", "certain", "huge", "tiny", "big", "large", "small", "minimal(?:ly)?",
      "maximal(?:ly)?", "some kind of", "somehow", "something", "some(?=\\s+(?:kind|sort|type|form|way|"
          + "data|information|details|stuff|things|reports?|statistics|features?|options?|settings?))",
      "enough", "soon", "shortly", "promptly", "periodically", "(?<!most\\s{1,3})recent(?:ly)?",
      "long(?=\\s+(?:time|period|list|text|delay|wait))", "high(?=[\\s\\-]+(?:volume|load|number|"
          + "amount|traffic|availability|performance|resolution))", "low(?=[\\s\\-]+resolution)", "low(?=\\s+(?:latency|volume|number|amount))"), true);

  static final Category LOOPHOLE = new Category("loophole", Lexicon.of("loophole",
      "if possible", "where possible", "whenever possible", "as far as possible", "as much as possible",
      "if needed", "when needed", "where needed", "as needed", "if necessary", "where necessary",
      "when necessary", "as necessary", "as required", "where required", "where applicable", "if applicable",
      "when applicable", "as applicable", "as appropriate", "when appropriate", "where appropriate",
      "if appropriate", "if feasible", "where feasible", "when feasible", "to the extent possible",
      "ideally", "preferably", "possibly", "maybe", "perhaps", "hopefully", "if time permits", "nice to have",
      "at the discretion of", "or so", "more or less",
      "(?<!(?:any|what|some|this|that|each|every|the|one|a|which|no)\\s{1,3})(?:kind|sort) of"), false);

  static final Category OPEN_ENDED = new Category("open-ended term", Lexicon.ofPattern("open-ended",
      "(?<![\\p{L}])(?:etc\\.?|et\\s+cetera|and\\s+so\\s+(?:on|forth)|and\\s+more|and\\s+others|among\\s+others|or\\s+similar"
          + "|or\\s+the\\s+like|and\\s+the\\s+like|and\\s+similar|(?:including\\s+but\\s+)?not\\s+limited\\s+to"
          + "|and/or|any\\s+other|or\\s+other|and\\s+other|whatever|anything|everything|provide\\s+support\\s+for|as\\s+a\\s+minimum|at\\s+a\\s+minimum|everything\\s+else)(?![\\p{L}])"
          + "|\\.\\.\\.|…"), false);

  static final Category SUPERLATIVE = new Category("superlative", Lexicon.of("superlative",
      "best", "worst", "fastest", "quickest", "easiest", "simplest", "greatest", "cheapest", "strongest",
      "smartest", "optimum", "perfect(?:ly)?", "ultimate", "most(?!\\s+recent)(?=\\s+\\p{L})",
      "least(?=\\s+\\p{L})(?<!at\\s{1,3}least)", "maximum(?!\\s+(?:of|length|size|number|amount)\\b)",
      "minimum(?!\\s+(?:of|length|size|number|amount)\\b)"), true);

  static final Category COMPARATIVE = new Category("comparative", Lexicon.of("comparative",
      "better", "worse", "faster", "quicker", "easier", "simpler", "smoother", "cheaper", "smarter", "stronger",
      "nicer", "cleaner", "clearer", "more (?:\\p{L}+ly|efficient|secure|reliable|intuitive|user friendly|flexible"
          + "|robust|accurate|relevant|useful|readable|convenient|responsive|stable|scalable|attractive|modern"
          + "|professional|detailed|effective|visible|precise|consistent|transparent|informative|helpful|complete"
          + "|appealing|powerful|productive|easy)", "less (?:\\p{L}+ly|error prone|time|effort|clicks|complex|"
          + "confusing|cluttered)", "improved?", "improving", "enhanced?", "enhancing",
      "optimi[sz]ed?", "optimi[sz]ing", "as fast as", "as quick as", "as easy as"), true);

  static final Category INCOMPLETE_REFERENCE = new Category("incomplete reference", Lexicon.of("reference",
      "see above", "see below", "as above", "as below", "same as above", "as discussed", "as agreed",
      "as mentioned", "as (?:described|specified|defined|shown|outlined|explained)(?!\\s+by\\b)",
      "as per (?:the |our )?(?:spec|specification|document|doc|meeting|discussion|email|call|mockups?|designs?)",
      "according to the (?:spec|specification|document|doc|design|mockups?|wireframes?)",
      "in the (?:attached|linked) (?:document|file|spec|mockup)", "the attached", "tbd", "tba", "tbc", "todo(?=\\s*[:\\-]|\\s*$)",
      "to be defined", "to be decided", "to be determined", "to be confirmed", "to be clarified",
      "to be discussed", "\\?\\?+", "xxx+", "\\[link]", "<link>", "\\(link\\)", "link here", "insert link"), false);

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
  static final Lexicon ANSWERED_BY_LINK = Lexicon.of("answered by a link",
      "as described", "as specified", "as defined", "as shown", "as outlined", "as per (?:the |our )?\\p{L}+",
      "according to the \\p{L}+", "in the (?:attached|linked) \\p{L}+", "the attached");

  static final Lexicon URL = Lexicon.ofPattern("url", "(?:https?://|www\\.)\\S+|\\S+\\.(?:md|pdf|docx?|png|html?)\\b");

  static final List<Category> WORDING = List.of(SUBJECTIVE, VAGUE_QUANTITY, LOOPHOLE, OPEN_ENDED, SUPERLATIVE,
      COMPARATIVE, INCOMPLETE_REFERENCE);

  /** What the ends ("so that …") are checked for: benefits are qualitative by nature. */
  static final List<Category> ENDS = List.of(LOOPHOLE, OPEN_ENDED, INCOMPLETE_REFERENCE);

  private Smells() {
  }
}
