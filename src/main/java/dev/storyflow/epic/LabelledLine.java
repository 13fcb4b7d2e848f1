package dev.storyflow.epic;

import java.util.List;
import java.util.Optional;
import org.commonmark.node.Node;
import org.commonmark.node.StrongEmphasis;

/**
 * One line of a paragraph: a bold label and its value ({@code **Status**: `Draft`}), or, without
 * a label, a line that continues the field above it.
 *
 * @param label the line's label, or {@code null} for a continuation line
 * @param value the value as written, where it stands
 * @param plain the value's plain text (link text, code without backticks)
 */
record LabelledLine(Label label, FileValue value, String plain) {

  static List<LabelledLine> of(Node paragraph, MarkdownSource source) {
    return MarkdownSource.lines(paragraph).stream()
        .filter(nodes -> !nodes.isEmpty())
        .map(nodes -> read(nodes, source))
        .toList();
  }

  private static LabelledLine read(List<Node> nodes, MarkdownSource source) {
    Optional<Label> label = nodes.get(0) instanceof StrongEmphasis bold && source.hasPosition(bold)
        ? Label.of(MarkdownSource.plain(bold)) : Optional.empty();
    if (label.isEmpty()) {
      return new LabelledLine(null, source.value(nodes, 0), MarkdownSource.plain(nodes).trim());
    }
    List<Node> rest = nodes.subList(1, nodes.size());
    String plain = MarkdownSource.plain(rest).trim();
    if (plain.startsWith(":")) {
      plain = plain.substring(1).trim();
    }
    return new LabelledLine(label.get(), source.value(rest, source.end(nodes.get(0))), plain);
  }
}
