package dev.storyflow.securityscan;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/** A text file of the workspace: its path relative to the workspace and its content, by line. */
record SourceFile(String path, String text, int[] lineStarts) {

  static SourceFile of(String path, String text) {
    List<Integer> starts = new ArrayList<>();
    starts.add(0);
    for (int i = 0; i < text.length(); i++) {
      if (text.charAt(i) == '\n') {
        starts.add(i + 1);
      }
    }
    return new SourceFile(path, text, starts.stream().mapToInt(Integer::intValue).toArray());
  }

  int lineCount() {
    return lineStarts.length;
  }

  /** The 1-based line of a character offset. */
  int lineOf(int offset) {
    int i = Arrays.binarySearch(lineStarts, offset);
    return i >= 0 ? i + 1 : -i - 1;
  }

  int lineStart(int line) {
    return lineStarts[line - 1];
  }

  /** End of the line's text, without its line break. */
  int lineEnd(int line) {
    int end = line < lineStarts.length ? lineStarts[line] - 1 : text.length();
    return end > lineStart(line) && text.charAt(end - 1) == '\r' ? end - 1 : end;
  }

  String line(int line) {
    return text.substring(lineStart(line), lineEnd(line));
  }

  /**
   * The line with every span in {@code spans} ({start, end, keep}) that touches it replaced by
   * {@code ********} (keeping {@code keep} leading characters of a span that starts on the line),
   * stripped and cut to {@link Finding#MAX_SNIPPET} characters.
   */
  String maskedLine(int line, List<int[]> spans) {
    String masked = masked(lineStart(line), lineEnd(line), spans).strip();
    return masked.length() > Finding.MAX_SNIPPET ? masked.substring(0, Finding.MAX_SNIPPET - 1) + "…" : masked;
  }

  /**
   * The whole text with every span in {@code spans} ({start, end, keep}) replaced by
   * {@code ********} as in {@link #maskedLine}; everything else, line breaks and indentation
   * included, stays as it is.
   */
  String masked(List<int[]> spans) {
    return masked(0, text.length(), spans);
  }

  private String masked(int start, int end, List<int[]> spans) {
    List<int[]> cuts = spans.stream()
        .filter(s -> s[0] < end && start < s[1])
        .map(s -> new int[] {Math.max(s[0], start), Math.min(s[1], end), s[0] >= start ? s[2] : 0})
        .sorted(java.util.Comparator.comparingInt((int[] s) -> s[0]))
        .toList();
    StringBuilder out = new StringBuilder();
    int at = start;
    for (int[] cut : cuts) {
      if (cut[1] <= at) {
        continue;
      }
      int from = Math.max(cut[0], at);
      out.append(text, at, from);
      int keep = from == cut[0] ? Math.min(cut[2], cut[1] - from) : 0;
      out.append(text, from, from + keep).append("********");
      at = cut[1];
    }
    out.append(text, Math.min(at, end), end);
    return out.toString();
  }

  /** The file name, e.g. {@code application.yaml}. */
  String name() {
    int slash = path.lastIndexOf('/');
    return slash < 0 ? path : path.substring(slash + 1);
  }

  /** The extension without the dot, lower case; empty when there is none. */
  String extension() {
    String name = name();
    int dot = name.lastIndexOf('.');
    return dot <= 0 ? "" : name.substring(dot + 1).toLowerCase(java.util.Locale.ROOT);
  }
}
