package dev.storyflow.feasibility;

/**
 * A piece of a story's text that a check reads, with where it comes from.
 *
 * @param field the story variable it was read from
 * @param line the 1-based line within the field, or {@code null} for single-line fields
 * @param text the text
 */
record Segment(String field, Integer line, String text) {

  Evidence evidence(String words) {
    return new Evidence(field, line, words);
  }

  Evidence evidence() {
    return evidence(text);
  }

  /**
   * The segment with its quoted data ({@link QuotedData}: quoted strings, code spans, table cells) blanked,
   * every other character where it was: what the wording checks read.
   */
  Segment withoutQuotedData() {
    String blanked = QuotedData.blank(text);
    return blanked.equals(text) ? this : new Segment(field, line, blanked);
  }

  /** Where the segment is, for messages: {@code acceptance criterion 2}, {@code iWant}. */
  String where() {
    return line == null ? field : field + " line " + line;
  }
}
