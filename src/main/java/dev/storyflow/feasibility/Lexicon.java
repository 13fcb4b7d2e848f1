package dev.storyflow.feasibility;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * A list of words and phrases of one kind (subjective words, loopholes, …) compiled into one
 * pattern that matches whole words only, case-insensitively. A space in a term matches any
 * run of spaces or a hyphen ("user friendly", "user-friendly"), and so does a hyphen between letters; "log ?in" matches "login", "log in" and "log-in"; a term may hold a regular
 * expression fragment such as {@code quick(?:ly)?}. Matching is linear in the text. The word lists
 * live in {@code src/main/resources/feasibility/lexicons/}, one term a line, each file naming its
 * source; teams may edit them.
 */
final class Lexicon implements Smells.Finder {

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
    return new Lexicon(name, Pattern.compile(bounded(terms), Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE));
  }

  /** The terms as one pattern of whole words. */
  private static String bounded(String... terms) {
    String alternatives = Arrays.stream(terms)
        .sorted(Comparator.comparingInt(String::length).reversed())
        .map(t -> t.trim().replaceAll("(?<=\\p{L})-(?=\\p{L})", " ")
            .replace(" ?", "[\\s\\-]?").replaceAll(" +", "[\\\\s\\\\-]+"))
        .collect(Collectors.joining("|"));
    return "(?<![\\p{L}\\p{N}])(?:" + alternatives + ")(?![\\p{L}\\p{N}])";
  }

  /** A lexicon of the terms in {@code /feasibility/lexicons/{path}.txt}. */
  static Lexicon resource(String name, String path) {
    return of(name, terms(path).toArray(String[]::new));
  }

  /** The terms of {@code /feasibility/lexicons/{path}.txt} as whole words, or {@code raw}, a pattern matched as is. */
  static Lexicon resourceOr(String name, String path, String raw) {
    return new Lexicon(name, Pattern.compile(bounded(terms(path).toArray(String[]::new)) + "|" + raw,
        Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE));
  }

  /** The lower-case words of {@code /feasibility/lexicons/{path}.txt}, for checks that look words up one by one. */
  static Set<String> words(String path) {
    return Set.copyOf(terms(path).stream().map(t -> t.toLowerCase(Locale.ROOT)).toList());
  }

  /** The terms of a lexicon file: every line that is neither blank nor a comment. */
  static List<String> terms(String path) {
    String resource = "/feasibility/lexicons/" + path + ".txt";
    try (InputStream in = Lexicon.class.getResourceAsStream(resource)) {
      if (in == null) {
        throw new IllegalStateException("Lexicon " + resource + " is not on the classpath");
      }
      List<String> terms = new String(in.readAllBytes(), StandardCharsets.UTF_8).lines().map(String::strip)
          .filter(line -> !line.isEmpty() && !line.startsWith("#")).toList();
      if (terms.isEmpty()) {
        throw new IllegalStateException("Lexicon " + resource + " has no terms");
      }
      return terms;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** A lexicon of one regular expression, matched as is (no word boundaries added). */
  static Lexicon ofPattern(String name, String regex) {
    return new Lexicon(name, Pattern.compile(regex, Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE));
  }

  String name() {
    return name;
  }

  @Override
  public List<Match> find(String text) {
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
