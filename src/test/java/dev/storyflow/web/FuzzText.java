package dev.storyflow.web;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Random;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Seeded building blocks of hostile input: long text, bad characters, broken and deep JSON. */
final class FuzzText {

  static final int DEEP = 5_000;
  /** Written in place of a lone surrogate, which Jackson cannot write; replaced by its JSON escape. */
  private static final String LONE_SURROGATE = "@@LONE_SURROGATE@@";
  private static final Pattern ESCAPES = Pattern.compile(LONE_SURROGATE + "((?:\\\\\\\\u[0-9a-f]{4})+)" + LONE_SURROGATE);
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final String[] WORDS = {"invoice", "Konto", "счёт", "帳簿", "€", "total", "café", "<b>", "&amp;",
      "[link](http://example.invalid)", "O'Brien", "\"quoted\""};
  /** Characters no story text may hold, as JSON escapes (a lone surrogate among them). */
  static final List<String> BAD_CHARACTERS = List.of("\\u0000", "\\u0007", "\\u001b", "\\u007f", "\\ud800",
      "\\udfff", "\\udc00\\ud800", "\\u0008");

  /**
   * Percent-encoded query parameter values no id, key or filter may hold: a NUL, control
   * characters (C0, DEL, C1), a lone surrogate (as CESU-8), and bytes that are not UTF-8 (an
   * overlong NUL, a stray byte).
   */
  static final List<String> BAD_QUERY_VALUES = List.of("%00", "%07", "%1B", "%7F", "%0D%0A", "%08", "%C2%85",
      "%ED%A0%80", "%C0%80", "%FF");

  private final Random random;
  private int next;

  FuzzText(Random random) {
    this.random = random;
  }

  Random random() {
    return random;
  }

  <T> T pick(List<T> values) {
    return values.get(random.nextInt(values.size()));
  }

  /** A story id not used before in this run. */
  String storyId() {
    return "FZ-" + Long.toString(Math.abs(random.nextLong()) % 1_000_000_000L, 36) + "-" + (next++);
  }

  /** One line of exactly {@code length} characters, no leading or trailing space. */
  String line(int length) {
    return text(length).replace('\n', ' ').replace('\t', ' ');
  }

  /** Text of exactly {@code length} characters with tabs and line breaks, no leading or trailing space. */
  String text(int length) {
    StringBuilder text = new StringBuilder("Text");
    while (text.length() < length) {
      int r = random.nextInt(16);
      text.append(r == 0 ? "\n" : r == 1 ? "\t" : " ").append(WORDS[random.nextInt(WORDS.length)]);
    }
    text.setLength(length - 1);
    return text.append('.').toString();
  }

  /** A string that, once written as JSON, holds {@code escape} (e.g. a lone surrogate) in its middle. */
  String withBadCharacter(String text, String escape) {
    int at = text.isEmpty() ? 0 : random.nextInt(text.length());
    return text.substring(0, at) + LONE_SURROGATE + escape + LONE_SURROGATE + text.substring(at);
  }

  /** JSON of a value; strings made by {@link #withBadCharacter} get their escapes. */
  String json(Object value) {
    try {
      // Jackson doubled the backslash of each escape written by withBadCharacter: make it an escape again
      Matcher marked = ESCAPES.matcher(JSON.writeValueAsString(value));
      StringBuilder json = new StringBuilder();
      while (marked.find()) {
        marked.appendReplacement(json, Matcher.quoteReplacement(marked.group(1).replace("\\\\", "\\")));
      }
      return marked.appendTail(json).toString();
    } catch (JsonProcessingException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** A query parameter value, percent-encoded, with one of {@link #BAD_QUERY_VALUES} somewhere in it. */
  String badQueryValue(String value) {
    int at = random.nextInt(value.length() + 1);
    return value.substring(0, at) + pick(BAD_QUERY_VALUES) + value.substring(at);
  }

  /** Arrays or objects nested {@value #DEEP} deep. */
  String deepJson() {
    return random.nextBoolean() ? "[".repeat(DEEP) + "]".repeat(DEEP) : "{\"a\":".repeat(DEEP) + "1" + "}".repeat(DEEP);
  }

  /** {@code json} with one random corruption: cut short, a character dropped, or a stray one inserted. */
  String broken(String json) {
    int at = random.nextInt(Math.max(1, json.length()));
    return switch (random.nextInt(4)) {
      case 0 -> json.substring(0, at);
      case 1 -> json.substring(0, at) + json.substring(Math.min(json.length(), at + 1));
      case 2 -> json.substring(0, at) + "{}[],:\"\\".charAt(random.nextInt(8)) + json.substring(at);
      default -> json.replaceFirst("\"", "'");
    };
  }

  /** Something after the JSON document. */
  String trailing(String json) {
    return json + pick(List.of(" trailing", "}", "]", " {\"storyId\": \"X\"}", ",", " null", "\n#", " 1"));
  }
}
