package dev.storyflow.feasibility;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Vague quantities: how many, without a number. The quantifiers of {@code ambiguity/vague-quantity.txt}
 * ("several", "many", "various", …), and "some" where it leaves an amount open: "some of the styling",
 * "some data" (a mass noun of {@code ambiguity/mass-nouns.txt}, or a quality such as "some flexibility") and
 * "some" before a plural noun ("some metrics", "some UI UX lessons"). "Some" before one countable thing
 * ("compare some datapackage") means "a" and passes. The head of the noun phrase is found with the
 * part-of-speech tagger (the last noun of the words that may stand before it) and whether it is plural
 * with the lemmatizer ("metrics" → "metric", "criteria" → "criterion", "analysis" stays). Only the few
 * words after each "some" are tagged, so the cost stays linear in the text.
 */
final class VagueQuantities implements Smells.Finder {

  private static final Lexicon QUANTIFIERS = Lexicon.resource("vague quantity", "ambiguity/vague-quantity");
  private static final Set<String> MASS_NOUNS = Lexicon.words("ambiguity/mass-nouns");
  private static final Lexicon SOME = Lexicon.of("some", "some");
  /** Tags that may stand in a noun phrase before its head: "some [new UI] lessons". */
  private static final Set<String> NOUN_PHRASE = Set.of("ADJ", "NOUN", "PROPN", "NUM");
  /**
   * A noun of a quality or an ability ("flexibility", "visibility", "connectivity"; not "facility"): uncountable, so
   * after "some" it leaves the amount open, as a mass noun does.
   */
  private static final Pattern ABSTRACT_QUALITY = Pattern.compile("\\p{L}{2,}(?:ab|ib)ility|\\p{L}{3,}ivity");
  /** How many words after "some" are looked at for the head noun. */
  private static final int WINDOW = 4;

  @Override
  public List<Lexicon.Match> find(String text) {
    List<Lexicon.Match> matches = new ArrayList<>(QUANTIFIERS.find(text));
    if (!SOME.occursIn(text)) {
      return matches;
    }
    Words words = Words.of(text);
    for (int i = 0; i < words.size(); i++) {
      if (!"some".equals(words.lower(i))) {
        continue;
      }
      int head = openAmount(words, i);
      if (head > i) {
        matches.add(new Lexicon.Match(words.get(i).start(), words.get(head).end(),
            text.substring(words.get(i).start(), words.get(head).end())));
      }
    }
    matches.sort(Comparator.comparingInt(Lexicon.Match::start));
    return matches;
  }

  /** The index of the last word of "some …" when it leaves an amount open, or -1. */
  private static int openAmount(Words words, int some) {
    String next = words.lower(some + 1);
    if ("of".equals(next) || MASS_NOUNS.contains(next) || ABSTRACT_QUALITY.matcher(next).matches()) {
      return some + 1;
    }
    int end = Math.min(words.size(), some + 1 + WINDOW);
    if (end <= some + 1) {
      return -1;
    }
    String[] tokens = new String[end - some + 2];
    tokens[0] = "I";
    tokens[1] = "want";
    for (int k = some; k < end; k++) {
      tokens[k - some + 2] = words.get(k).text();
    }
    String[] tags = PartsOfSpeech.tag(tokens);
    int head = -1;
    for (int k = 3; k < tokens.length && NOUN_PHRASE.contains(tags[k]); k++) {
      if ("NOUN".equals(tags[k])) {
        head = k;
      }
    }
    if (head < 0 || !Lemmas.isPlural(tokens[head])) {
      return -1;
    }
    return some + head - 2;
  }
}
