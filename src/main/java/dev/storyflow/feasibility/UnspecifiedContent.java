package dev.storyflow.feasibility;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Stream;

/**
 * Content that the story asks for without saying which: a modifier of {@code ambiguity/unspecified-modifiers.txt}
 * ("related", "specific", "additional", "necessary", …) before a plural or mass noun of content
 * ({@code ambiguity/content-nouns.txt}: "related information", "specific details", "two additional fields",
 * "all necessary columns"), and a noun of content followed by "related to" ("data related to my company"). The noun
 * must end its phrase ("a certain data state" names a state), and a wh-clause after it says which ("more information
 * about how many rows …"). One countable thing ("a specific item", "an additional field") means "one" and passes.
 * The phrase is read with the part-of-speech tagger and the noun's lemma with the lemmatizer; only the few words
 * after a modifier are tagged, so the cost stays linear in the text.
 */
final class UnspecifiedContent implements Smells.Finder {

  private static final Set<String> MODIFIERS = Lexicon.words("ambiguity/unspecified-modifiers");
  private static final Lexicon TRIGGERS = Lexicon.of("unspecified content",
      Stream.concat(MODIFIERS.stream(), Stream.of("related")).toArray(String[]::new));
  private static final Set<String> CONTENT_NOUNS = Lexicon.words("ambiguity/content-nouns");
  private static final Set<String> MASS_NOUNS = Lexicon.words("ambiguity/mass-nouns");
  /** Tags that may stand between the modifier and the noun: "additional [GeoJSON] sources". */
  private static final Set<String> NOUN_PHRASE = Set.of("ADJ", "NOUN", "PROPN");
  private static final Set<String> NOUN_TAGS = Set.of("NOUN", "PROPN");
  /** Prepositions that may open a wh-clause saying which content: "information about how many rows". */
  private static final Set<String> ABOUT = Set.of("about", "on", "of", "regarding", "as", "to");
  private static final Set<String> WH_WORDS = Set.of("how", "what", "which", "who", "when", "where", "why", "whether");
  /** How many words after the modifier are looked at: the modifier, up to two words, the noun, the word after it. */
  private static final int WINDOW = 5;

  @Override
  public List<Lexicon.Match> find(String text) {
    List<Lexicon.Match> matches = new ArrayList<>();
    if (!TRIGGERS.occursIn(text)) {
      return matches;
    }
    Words words = Words.of(text);
    for (int i = 0; i < words.size(); i++) {
      String word = words.lower(i);
      int[] span = null;
      if ("related".equals(word) && "to".equals(words.lower(i + 1)) && i > 0) {
        span = relatedTo(words, i);
      }
      if (span == null && MODIFIERS.contains(word)) {
        span = modified(words, i);
      }
      if (span != null) {
        matches.add(new Lexicon.Match(words.get(span[0]).start(), words.get(span[1]).end(),
            text.substring(words.get(span[0]).start(), words.get(span[1]).end())));
        i = span[1];
      }
    }
    return matches;
  }

  /** "data related to": the noun before "related to" when it names content in the plural or as a mass noun. */
  private static int[] relatedTo(Words words, int related) {
    String[] tags = tag(words, related - 1, related + 1);
    return NOUN_TAGS.contains(tags[0]) && unspecified(words.get(related - 1).text())
        ? new int[] {related - 1, related + 1} : null;
  }

  /** The modifier and the noun of content it leaves open, or null. */
  private static int[] modified(Words words, int modifier) {
    int end = Math.min(words.size(), modifier + WINDOW);
    if (end <= modifier + 1) {
      return null;
    }
    String[] tags = tag(words, modifier, end);
    int head = -1;
    for (int k = 1; k < tags.length && NOUN_PHRASE.contains(tags[k]); k++) {
      head = NOUN_TAGS.contains(tags[k]) ? k : head;
      if (possessive(words.get(modifier + k).text())) {
        return null;
      }
    }
    if (head < 0 || head + 1 < tags.length && NOUN_TAGS.contains(tags[head + 1])) {
      return null;
    }
    int noun = modifier + head;
    if (!unspecified(words.get(noun).text()) || saysWhich(words, noun)) {
      return null;
    }
    return new int[] {modifier, noun};
  }

  /** "members'", "NSF's": the modifier belongs to the owner, not to what is owned. */
  private static boolean possessive(String word) {
    return word.endsWith("'") || word.endsWith("’") || word.endsWith("'s") || word.endsWith("’s");
  }

  /** A noun of content in the plural or a mass noun ("details", "information"), not one countable thing. */
  private static boolean unspecified(String noun) {
    String word = noun.toLowerCase(Locale.ROOT);
    String lemma = Lemmas.of(noun, "NOUN");
    return (CONTENT_NOUNS.contains(lemma) || CONTENT_NOUNS.contains(word))
        && (MASS_NOUNS.contains(word) || MASS_NOUNS.contains(lemma) || !lemma.equals(word));
  }

  /** A wh-clause right after the noun says which content: "information about how many rows". */
  private static boolean saysWhich(Words words, int noun) {
    return WH_WORDS.contains(words.lower(noun + 1))
        || ABOUT.contains(words.lower(noun + 1)) && WH_WORDS.contains(words.lower(noun + 2));
  }

  /**
   * The tags of the words from {@code from} to {@code to} and the one after it (when there is one), tagged as the
   * object of "I want" (the phrase starts a noun phrase).
   */
  private static String[] tag(Words words, int from, int to) {
    int last = Math.min(to + 1, words.size());
    String[] tokens = new String[last - from + 2];
    tokens[0] = "I";
    tokens[1] = "want";
    for (int k = from; k < last; k++) {
      tokens[k - from + 2] = words.get(k).text();
    }
    String[] tagged = PartsOfSpeech.tag(tokens);
    String[] tags = new String[last - from];
    System.arraycopy(tagged, 2, tags, 0, tags.length);
    return tags;
  }
}
