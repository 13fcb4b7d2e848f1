package dev.storyflow.feasibility;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A text split into lower-case words with their positions, for checks that look at word order
 * (what follows a conjunction) rather than at phrases.
 */
final class Words {

  /** One word (or a symbol used as a word: {@code &}, {@code +}, {@code /}, {@code ,}). */
  record Word(String text, String lower, int start, int end) {
  }

  private static final Pattern TOKEN = Pattern.compile("[\\p{L}\\p{N}][\\p{L}\\p{N}'’_-]*|[&+/,.;:!?]");

  private final List<Word> words;

  private Words(List<Word> words) {
    this.words = words;
  }

  static Words of(String text) {
    List<Word> words = new ArrayList<>();
    Matcher m = TOKEN.matcher(text);
    while (m.find()) {
      words.add(new Word(m.group(), m.group().toLowerCase(Locale.ROOT), m.start(), m.end()));
    }
    return new Words(words);
  }

  int size() {
    return words.size();
  }

  Word get(int i) {
    return words.get(i);
  }

  /** The lower-case word at {@code i}, or "" past either end. */
  String lower(int i) {
    return i >= 0 && i < words.size() ? words.get(i).lower() : "";
  }

  /** The first index at or after {@code i} whose word is not in {@code skip}. */
  int skip(int i, Set<String> skip) {
    while (i < words.size() && skip.contains(words.get(i).lower())) {
      i++;
    }
    return i;
  }

  /** How many words (not symbols) the text has. */
  long wordCount() {
    return words.stream().filter(w -> Character.isLetterOrDigit(w.text().charAt(0))).count();
  }
}
