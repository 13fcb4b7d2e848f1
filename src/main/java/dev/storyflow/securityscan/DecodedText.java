package dev.storyflow.securityscan;

import java.util.Arrays;
import java.util.Optional;

/**
 * A text with its JSON string escapes decoded ({@code \n}, {@code \"}, {@code \\}, {@code \u00e9}
 * ...), knowing where each decoded character lies in the original. An agent prints JSON: a secret
 * after an escaped line break ({@code "Done.\nghp_..."}) or in escaped quotes is found in the
 * decoded text and masked in the original.
 */
final class DecodedText {

  private final String text;
  /** For each decoded character, where it starts in the original. */
  private final int[] starts;
  /** For each decoded character, where it ends in the original. */
  private final int[] ends;

  private DecodedText(String text, int[] starts, int[] ends) {
    this.text = text;
    this.starts = starts;
    this.ends = ends;
  }

  /** The original with its escapes decoded; empty when it has none. */
  static Optional<DecodedText> of(String original) {
    if (original.indexOf('\\') < 0) {
      return Optional.empty();
    }
    int[] identity = new int[original.length()];
    int[] next = new int[original.length()];
    for (int i = 0; i < identity.length; i++) {
      identity[i] = i;
      next[i] = i + 1;
    }
    return new DecodedText(original, identity, next).again();
  }

  /**
   * This text decoded once more (JSON inside a JSON string), still mapped to the original; empty
   * when nothing changes.
   */
  Optional<DecodedText> again() {
    if (text.indexOf('\\') < 0) {
      return Optional.empty();
    }
    StringBuilder out = new StringBuilder(text.length());
    int[] newStarts = new int[text.length()];
    int[] newEnds = new int[text.length()];
    boolean decoded = false;
    int i = 0;
    while (i < text.length()) {
      int length = 1;
      char c = text.charAt(i);
      if (c == '\\' && i + 1 < text.length()) {
        char escaped = decode(text.charAt(i + 1));
        if (escaped != 0) {
          c = escaped;
          length = 2;
        } else if (text.charAt(i + 1) == 'u' && isHex(i + 2, 4)) {
          c = (char) Integer.parseInt(text.substring(i + 2, i + 6), 16);
          length = 6;
        }
      }
      decoded |= length > 1;
      newStarts[out.length()] = starts[i];
      newEnds[out.length()] = ends[i + length - 1];
      out.append(c);
      i += length;
    }
    if (!decoded) {
      return Optional.empty();
    }
    int size = out.length();
    return Optional.of(new DecodedText(out.toString(), Arrays.copyOf(newStarts, size),
        Arrays.copyOf(newEnds, size)));
  }

  String text() {
    return text;
  }

  /** A span {start, end, keep} of the decoded text as the span of the original it came from. */
  int[] original(int[] span) {
    int start = Math.min(span[0], text.length() - 1);
    int end = Math.max(span[1], start + 1);
    int from = starts[start];
    int to = ends[Math.min(end, text.length()) - 1];
    int keep = span[2] == 0 ? 0 : (start + span[2] < end ? starts[start + span[2]] : to) - from;
    return new int[] {from, to, keep};
  }

  private static char decode(char escape) {
    return switch (escape) {
      case 'n' -> '\n';
      case 'r' -> '\r';
      case 't' -> '\t';
      case 'b' -> '\b';
      case 'f' -> '\f';
      case '"', '\\', '/' -> escape;
      default -> 0;
    };
  }

  private boolean isHex(int from, int count) {
    if (from + count > text.length()) {
      return false;
    }
    for (int i = from; i < from + count; i++) {
      if (Character.digit(text.charAt(i), 16) < 0) {
        return false;
      }
    }
    return true;
  }
}
