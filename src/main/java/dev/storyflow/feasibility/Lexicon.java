package dev.storyflow.feasibility;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * A list of words and phrases of one kind (subjective words, loopholes, …) compiled into one
 * pattern that matches whole words only, case-insensitively. A space in a term matches any
 * run of spaces or a hyphen ("user friendly", "user-friendly"), and so does a hyphen between letters; "log ?in" matches "login", "log in" and "log-in"; a term may hold a regular
 * expression fragment such as {@code quick(?:ly)?}. Matching is linear in the text.
 */
final class Lexicon {

  /** One occurrence: where it starts and ends and the words as written. */
  record Match(int start, int end, String text) {
  }

  private final String name;
  private final Pattern pattern;

  private Lexicon(String name, Pattern pattern) {
    this.name = name;
    this.pattern = pattern;
  }

  static Lexicon of(String name, String... terms) {
    String alternatives = Arrays.stream(terms)
        .sorted(Comparator.comparingInt(String::length).reversed())
        .map(t -> t.trim().replaceAll("(?<=\\p{L})-(?=\\p{L})", " ")
            .replace(" ?", "[\\s\\-]?").replaceAll(" +", "[\\\\s\\\\-]+"))
        .collect(Collectors.joining("|"));
    return new Lexicon(name, Pattern.compile("(?<![\\p{L}\\p{N}])(?:" + alternatives + ")(?![\\p{L}\\p{N}])",
        Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE));
  }

  /** A lexicon of one regular expression, matched as is (no word boundaries added). */
  static Lexicon ofPattern(String name, String regex) {
    return new Lexicon(name, Pattern.compile(regex, Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE));
  }

  String name() {
    return name;
  }

  List<Match> find(String text) {
    List<Match> matches = new ArrayList<>();
    if (text == null) {
      return matches;
    }
    Matcher m = pattern.matcher(text);
    while (m.find()) {
      matches.add(new Match(m.start(), m.end(), m.group()));
    }
    return matches;
  }

  boolean occursIn(String text) {
    return text != null && pattern.matcher(text).find();
  }
}
