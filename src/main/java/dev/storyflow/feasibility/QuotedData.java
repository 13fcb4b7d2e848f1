package dev.storyflow.feasibility;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Text a story quotes rather than asks for: a span in double quotes ({@code "fast"}, “Save and close”), in
 * single quotes ({@code 'Top picks'}, not the apostrophe of "don't" or "users'"), in backticks
 * ({@code `ERR_TIMEOUT`}) and the cells of a Gherkin table ({@code | fast | 3 |}). It is data — a product name,
 * a label, an example value — not a requirement, so the smell and action checks skip it: {@link #blank(String)}
 * puts spaces in its place and keeps every other character where it was.
 */
final class QuotedData {

  /** At most this many characters between two quotes: a longer "span" is two stray quote marks. */
  private static final int MAX_SPAN = 200;

  private static final Pattern QUOTED = Pattern.compile(
      "\"[^\"\\n]{1," + MAX_SPAN + "}\"" + "|“[^”\\n]{1," + MAX_SPAN + "}”" + "|`[^`\\n]{1," + MAX_SPAN + "}`"
          + "|(?<![\\p{L}\\p{N}])['‘](?=\\S)[^'’\\n]{1," + MAX_SPAN + "}(?<=\\S)['’](?![\\p{L}\\p{N}])"
          + "|(?<!\\S)\\|(?:[^|\\n]*\\|)+(?!\\S)");

  private QuotedData() {
  }

  /** The text with every quoted span, its quotes included, replaced by as many spaces. */
  static String blank(String text) {
    if (text == null || text.isEmpty()) {
      return text;
    }
    Matcher m = QUOTED.matcher(text);
    if (!m.find()) {
      return text;
    }
    StringBuilder out = new StringBuilder(text);
    do {
      for (int i = m.start(); i < m.end(); i++) {
        if (out.charAt(i) != '\n') {
          out.setCharAt(i, ' ');
        }
      }
    } while (m.find());
    return out.toString();
  }
}
