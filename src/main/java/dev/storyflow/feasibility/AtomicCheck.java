package dev.storyflow.feasibility;

import dev.storyflow.feasibility.Words.Word;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * {@link Criterion#ATOMIC}: the means asks for one feature. Flags two actions joined by a
 * conjunction ("create and delete", "export or print", "add/edit", "…, and also send …") or by a comma
 * after a verb without an object ("indent, outdent content"), a second
 * "I want" and a second sentence that adds a feature ("Also …"). Two objects of one action
 * ("name and email") are one feature and pass: only a verb after the conjunction counts, and not the verbs of a
 * relative clause, an embedded question or an infinitive that tells about a noun, nor the two ends of
 * "between … and …", nor a verb whose complement is "do so" (the first action again). Quoted data
 * (a label such as "Save and close": {@link QuotedData}) names one thing and is not read for actions.
 */
class AtomicCheck implements QualityCheck {

  /** Words that are (nearly) always verbs in a story's means. */
  static final Set<String> VERBS = Lexicon.words("atomic/verbs");

  /** Words that are verbs or nouns: a verb only when something verb-like follows. */
  static final Set<String> NOUN_OR_VERB = Lexicon.words("atomic/noun-or-verb");

  /** Tags of content words. */
  private static final Set<String> CONTENT_TAGS = Set.of("VERB", "NOUN", "ADJ", "PROPN");

  /** Tags that start the object of a verb. */
  private static final Set<String> OBJECT_TAGS = Set.of("DET", "PRON", "NOUN", "PROPN", "NUM", "ADJ");

  /** Verbs that, after a conjunction, name the outcome of the first action rather than a second one. */
  static final Set<String> OUTCOMES = Lexicon.words("atomic/outcomes");

  /** After a noun-or-verb, these make it a verb: "and share it", "and comment on", "and order the". */
  private static final Set<String> VERB_FOLLOWERS = Set.of(
      "the", "a", "an", "my", "our", "your", "their", "his", "her", "its", "this", "that", "these", "those",
      "all", "them", "it", "him", "me", "us", "new", "existing", "any", "each", "every", "some", "other",
      "on", "in", "to", "for", "with", "from", "into", "out", "up", "down", "off", "back", "by", "via",
      "again", "later");

  /** After a conjunction, an unknown word followed by one of these is a verb: "and continue later", "and notify the". */
  private static final Set<String> OBJECT_STARTS = Set.of(
      "the", "a", "an", "my", "our", "your", "their", "its", "his", "her", "this", "these", "those", "it", "them",
      "him", "me", "us", "all", "each", "every", "later", "again");

  /** Words that are never the second action. */
  private static final Set<String> NOT_VERBS = Set.of(
      "about", "above", "across", "after", "against", "along", "among", "around", "at", "before", "behind", "below",
      "between", "beyond", "by", "during", "except", "for", "from", "in", "inside", "into", "near", "of", "off", "on",
      "onto", "out", "outside", "over", "through", "to", "toward", "towards", "under", "until", "up", "upon", "with",
      "within", "without", "via", "per", "including", "then", "so", "that", "which", "who", "when", "where", "while",
      "if", "as", "not", "only", "just", "all", "other", "others", "more", "less", "also", "both", "either", "how",
      "what", "why", "whether", "there", "here", "is", "are", "was", "were", "be", "been", "has", "have", "had", "do",
      "does", "did", "i", "we", "you", "they", "he", "she", "it", "one", "two", "three", "new", "old", "same");

  private static final Set<String> CONJUNCTIONS = Set.of("and", "or", "&", "+", "plus", "and/or");

  /** An article or a possessive before a noun. */
  private static final Set<String> DETERMINERS = Set.of("the", "a", "an", "my", "our", "your", "their", "its", "his",
      "her", "this", "that");

  /** Words that open a relative clause after a noun. */
  private static final Set<String> RELATIVE_PRONOUNS = Set.of("that", "which", "who");

  /** Words that open an embedded question. */
  private static final Set<String> QUESTION_WORDS = Set.of("how", "what", "whether", "why");

  /** Tags of the words of a noun phrase before its noun. */
  private static final Set<String> NOUN_PHRASE_TAGS = Set.of("DET", "ADJ", "NOUN", "PROPN", "NUM");

  /** Tags of the noun a relative clause tells about. */
  private static final Set<String> NOUN_TAGS = Set.of("NOUN", "PROPN", "PRON");

  /** What may stand between the conjunction and the second action: "and also to", "or be able to". */
  private static final Set<String> FILLERS = Set.of(
      "to", "also", "then", "can", "could", "will", "should", "may", "might", "be", "able", "i", "we",
      "want", "would", "like", "need", "later", "afterwards", "easily", "quickly", "directly", "even",
      "both", "either", "immediately", "automatically", "finally", "subsequently", "optionally");

  /** Pairs that name one interaction. */
  private static final Pattern ONE_INTERACTION = Pattern.compile(
      "(?i)\\b(?:drag\\s+and\\s+drop|copy\\s+and\\s+paste|cut\\s+and\\s+paste|search\\s+and\\s+replace"
          + "|find\\s+and\\s+replace|pick\\s+and\\s+choose|mix\\s+and\\s+match|read\\s+and\\s+write|read/write"
          + "|log\\s+in\\s+and\\s+out|sign\\s+in\\s+and\\s+out|check\\s+in\\s+and\\s+out|back\\s+and\\s+forth"
          + "|click\\s+and\\s+collect|buy\\s+now\\s+and\\s+pay\\s+later|try\\s+and)\\b");

  private static final Pattern SECOND_WANT = Pattern.compile(
      "(?i)(?<![\\p{L}])(?:and\\s+)?I\\s+(?:also\\s+)?(?:want|need|would\\s+like|wish)(?![\\p{L}])");
  private static final Pattern ADDITIVE_SENTENCE = Pattern.compile(
      "(?i)[.;!]\\s+(?:also|additionally|in\\s+addition|furthermore|moreover|plus|and|as\\s+well)\\b[^.;!]*");

  @Override
  public List<Finding> check(StoryText story) {
    Segment means = story.statement().means();
    if (means == null) {
      return List.of();
    }
    String text = ONE_INTERACTION.matcher(QuotedData.blank(means.text())).replaceAll(m -> "_".repeat(m.group().length()));
    List<Finding> findings = new ArrayList<>();
    Words words = Words.of(text);
    String[] tags = tags(words);
    for (int i = 1; i < words.size(); i++) {
      Word word = words.get(i);
      boolean slash = "/".equals(word.lower()) && isVerb(words, tags, i - 1, false);
      boolean conjunction = CONJUNCTIONS.contains(word.lower()) || isAsWellAs(words, i);
      boolean comma = ",".equals(word.lower()) && isBareVerb(words, tags, i - 1);
      if (!slash && !conjunction && !comma || inRelativeClause(words, tags, i)
          || inNounComplement(words, tags, i) || inBetween(words, i)) {
        continue;
      }
      int next = slash ? i + 1 : words.skip(i + (isAsWellAs(words, i) ? 3 : 1), FILLERS);
      if (conjunction && "ADJ".equals(tag(tags, i - 1)) && !isListed(words.lower(next))) {
        continue;
      }
      if ((comma ? isCoordinatedWord(words, tags, next) : isVerb(words, tags, next, !slash))
          && !repeatsFirstAction(words, next)) {
        int from = firstVerbBefore(words, tags, i);
        Word last = words.get(next);
        String evidence = means.text().substring(words.get(from).start(), last.end());
        findings.add(new Finding("atomic.two-actions",
            "Two actions in one story (\"" + words.get(from).text() + "\" and \"" + last.text()
                + "\"): split it so that each story delivers one feature", means.evidence(evidence)));
        break;
      }
    }
    var second = SECOND_WANT.matcher(means.text());
    if (findings.isEmpty() && second.find()) {
      findings.add(new Finding("atomic.second-want",
          "A second \"I want\" in the statement: each wish is a story of its own", means.evidence(second.group())));
    }
    var additive = ADDITIVE_SENTENCE.matcher(means.text());
    if (findings.isEmpty() && additive.find()) {
      findings.add(new Finding("atomic.additive-sentence",
          "A further sentence adds another feature: split it into its own story",
          means.evidence(additive.group().substring(1).strip())));
    }
    return findings;
  }

  /**
   * A verb with nothing after it but a comma, first in the means ("to indent, outdent content"): it
   * shares its object with what follows the comma, so that is a second verb of the same object. A verb
   * later in the means ("on the dialog to submit, …") is not the wish's action. After a conjunction that
   * follows an adjective, only a verb of the lists counts ("how interesting or complex a picture is").
   */
  private static boolean isBareVerb(Words words, String[] tags, int i) {
    return i >= 0 && i == words.skip(0, FILLERS)
        && ("VERB".equals(tags[i]) || VERBS.contains(words.lower(i)) || NOUN_OR_VERB.contains(words.lower(i)));
  }

  /**
   * After "verb," a word that can be a second verb: a content word of letters (the tagger may call a
   * verb it does not know an adjective or a noun), not a participle, an adverb or a function word.
   */
  private static boolean isCoordinatedWord(Words words, String[] tags, int i) {
    String w = words.lower(i);
    return i < tags.length && CONTENT_TAGS.contains(tags[i]) && w.length() > 2 && w.chars().allMatch(Character::isLetter)
        && !NOT_VERBS.contains(w) && !OUTCOMES.contains(w) && !w.endsWith("ing") && !w.endsWith("ed") && !w.endsWith("ly");
  }

  /**
   * Whether the word at {@code i} stands in a relative clause of a noun ("error codes that reflect the logic
   * and provide enough information") or in an embedded question ("assess how interesting or complex a
   * picture is", "determine how agencies will generate and validate the files"): verbs there tell what a
   * thing does or what is asked about, not what the role wants done.
   */
  private static boolean inRelativeClause(Words words, String[] tags, int i) {
    for (int k = i - 1; k > 0; k--) {
      String w = words.lower(k);
      if (",".equals(w) || ".".equals(w) || ";".equals(w)) {
        return false;
      }
      if (QUESTION_WORDS.contains(w)) {
        return true;
      }
      if (RELATIVE_PRONOUNS.contains(w)) {
        return NOUN_TAGS.contains(tags[k - 1]);
      }
    }
    return false;
  }

  /**
   * Whether the conjunction joins the verbs of an infinitive that tells about a noun after a preposition or a
   * conjunction ("an email with instructions to register or activate my membership", "ensure that attempts to correct
   * or delete records fail"): they say what that noun is for, not what the role wants done. The wish's own object
   * keeps its actions ("to have a button to add or remove items" asks for both), and so does the means' own "to".
   */
  private static boolean inNounComplement(Words words, String[] tags, int i) {
    if (i < 3 || !"to".equals(words.lower(i - 2)) || !"NOUN".equals(tags[i - 3])
        || !"VERB".equals(tags[i - 1]) && !isListed(words.lower(i - 1))) {
      return false;
    }
    int k = i - 4;
    while (k >= 0 && NOUN_PHRASE_TAGS.contains(tags[k])) {
      k--;
    }
    return k >= 0 && ("ADP".equals(tags[k]) || "SCONJ".equals(tags[k]));
  }

  /**
   * Whether the conjunction joins the two ends of "between … and …" ("switch the channel between enable and
   * disable", "the time gap between validation and the publishing decision"): the words are what the preposition
   * names, one choice or one span, not two actions. The first end is one word, after an optional article or
   * possessive; "choose between two layouts and export the page" has its pair before the "and" and still asks for
   * two things.
   */
  private static boolean inBetween(Words words, int i) {
    return "between".equals(words.lower(i - 2))
        || "between".equals(words.lower(i - 3)) && DETERMINERS.contains(words.lower(i - 2));
  }

  /**
   * Whether the word at {@code i} only says that the first action goes on or is done again: its complement is "do so"
   * ("harvest the metadata, and continue to do so incrementally", "and keep doing so"), which stands for the first
   * action itself, so nothing could be built or released without it.
   */
  private static boolean repeatsFirstAction(Words words, int i) {
    int k = "to".equals(words.lower(i + 1)) ? i + 2 : i + 1;
    String verb = words.lower(k);
    return "so".equals(words.lower(k + 1)) && ("do".equals(verb) || "doing".equals(verb));
  }

  private static boolean isAsWellAs(Words words, int i) {
    return "as".equals(words.lower(i)) && "well".equals(words.lower(i + 1)) && "as".equals(words.lower(i + 2));
  }

  /**
   * The part-of-speech tag of each word, tagged in the context "I want to …" that the means was cut
   * from; "" past the end.
   */
  private static String[] tags(Words words) {
    boolean to = "to".equals(words.lower(0));
    String[] tokens = new String[words.size() + (to ? 2 : 3)];
    tokens[0] = "I";
    tokens[1] = "want";
    if (!to) {
      tokens[2] = "to";
    }
    int offset = to ? 2 : 3;
    for (int i = 0; i < words.size(); i++) {
      tokens[offset + i] = words.lower(i);
    }
    String[] tagged = PartsOfSpeech.tag(tokens);
    String[] tags = new String[words.size()];
    System.arraycopy(tagged, offset, tags, 0, words.size());
    return tags;
  }

  /**
   * Whether the word at {@code i} is an action. After a conjunction ({@code strict}) a word is an
   * action when the word lists say so (a noun-or-verb only with something verb-like after it) or the
   * tagger tags it a verb; an outcome of the first action ("enter my zip code and get a list",
   * "browse and find") is not a second one, nor is a word the lists do not know that the tagger calls an
   * adjective ("how interesting or complex a picture is").
   */
  private static boolean isVerb(Words words, String[] tags, int i, boolean strict) {
    String w = words.lower(i);
    if (strict && OUTCOMES.contains(w)) {
      return false;
    }
    return listedVerb(words, i, strict) && (!strict || isListed(w) || !"ADJ".equals(tag(tags, i)))
        || taggedVerb(words, tags, i);
  }

  /**
   * A verb the word lists do not know, from the tagger: a base form ("operationalise", "aggregate",
   * not "existing" or "maintained") with an object after it ("the", "my", a noun).
   */
  private static boolean taggedVerb(Words words, String[] tags, int i) {
    String w = words.lower(i);
    return i >= 0 && i + 1 < tags.length && "VERB".equals(tags[i]) && w.length() > 2
        && w.chars().allMatch(Character::isLetter) && !NOT_VERBS.contains(w) && !w.endsWith("ing") && !w.endsWith("ed")
        && OBJECT_TAGS.contains(tags[i + 1]);
  }

  private static boolean isListed(String w) {
    return VERBS.contains(w) || NOUN_OR_VERB.contains(w);
  }

  private static String tag(String[] tags, int i) {
    return i >= 0 && i < tags.length ? tags[i] : "";
  }

  private static boolean listedVerb(Words words, int i, boolean strict) {
    String w = words.lower(i);
    if (VERBS.contains(w)) {
      return !NOUN_OR_VERB.contains(w) || !strict || VERB_FOLLOWERS.contains(words.lower(i + 1))
          || "to".equals(words.lower(i - 1));
    }
    if (NOUN_OR_VERB.contains(w)) {
      return !strict || VERB_FOLLOWERS.contains(words.lower(i + 1)) || "to".equals(words.lower(i - 1));
    }
    return strict && w.length() > 2 && w.chars().allMatch(Character::isLetter) && !w.endsWith("ly")
        && !NOT_VERBS.contains(w) && OBJECT_STARTS.contains(words.lower(i + 1));
  }

  /**
   * Where the first of the two actions starts, for the evidence: the nearest listed verb before the conjunction, else
   * the nearest word the tagger calls a verb ("communicate with the site admin and convey …" names "communicate",
   * not "admin"), else the word before the conjunction.
   */
  private static int firstVerbBefore(Words words, String[] tags, int conjunction) {
    int tagged = -1;
    for (int i = conjunction - 1; i >= 0; i--) {
      if (",".equals(words.lower(i)) || ".".equals(words.lower(i))) {
        return Math.min(i + 1, conjunction - 1);
      }
      if (VERBS.contains(words.lower(i)) || NOUN_OR_VERB.contains(words.lower(i))) {
        return i;
      }
      if (tagged < 0 && "VERB".equals(tag(tags, i))) {
        tagged = i;
      }
    }
    return tagged >= 0 ? tagged : Math.max(0, conjunction - 1);
  }
}
