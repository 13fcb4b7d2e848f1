package dev.storyflow.epic;

import java.util.ArrayList;
import java.util.List;
import org.commonmark.node.AbstractVisitor;
import org.commonmark.node.Code;
import org.commonmark.node.HardLineBreak;
import org.commonmark.node.HtmlInline;
import org.commonmark.node.Node;
import org.commonmark.node.SoftLineBreak;
import org.commonmark.node.SourceSpan;
import org.commonmark.node.Text;

/**
 * The text of a Markdown file next to its CommonMark tree: where a node stands in the file (from
 * the parser's source spans), the file's own text of a node, and a node's plain text.
 */
final class MarkdownSource {

  private final String text;

  MarkdownSource(String text) {
    this.text = text;
  }

  String text() {
    return text;
  }

  boolean hasPosition(Node node) {
    return !node.getSourceSpans().isEmpty();
  }

  int start(Node node) {
    return node.getSourceSpans().get(0).getInputIndex();
  }

  int end(Node node) {
    SourceSpan last = node.getSourceSpans().get(node.getSourceSpans().size() - 1);
    return last.getInputIndex() + last.getLength();
  }

  /** The file's text of a node, as written ({@code ""} for a node the parser gave no position). */
  String of(Node node) {
    return hasPosition(node) ? text.substring(start(node), end(node)) : "";
  }

  /**
   * The value between two offsets as a reader sees it: without the colon after a label, without
   * the spaces around it and without the backticks of a code span around the whole value.
   */
  FileValue value(int start, int end) {
    int from = skipSpaces(start, end);
    if (from < end && text.charAt(from) == ':') {
      from = skipSpaces(from + 1, end);
    }
    int to = end;
    while (to > from && Character.isWhitespace(text.charAt(to - 1))) {
      to--;
    }
    int ticks = 0;
    while (from + ticks < to && text.charAt(from + ticks) == '`') {
      ticks++;
    }
    if (ticks > 0 && to - from > 2 * ticks && text.substring(to - ticks, to).equals("`".repeat(ticks))) {
      from = skipSpaces(from + ticks, to - ticks);
      to -= ticks;
      while (to > from && text.charAt(to - 1) == ' ') {
        to--;
      }
    }
    return new FileValue(text.substring(from, to), from, to);
  }

  /** The value of a run of inline nodes, from the first to the last that has a position. */
  FileValue value(List<Node> nodes, int fallback) {
    List<Node> placed = nodes.stream().filter(this::hasPosition).toList();
    if (placed.isEmpty()) {
      return new FileValue("", fallback, fallback);
    }
    return value(start(placed.get(0)), end(placed.get(placed.size() - 1)));
  }

  /** Plain text of inline content: the words a reader sees, without Markdown syntax (links keep their text). */
  static String plain(Node node) {
    StringBuilder out = new StringBuilder();
    node.accept(new AbstractVisitor() {
      @Override
      public void visit(Text text) {
        out.append(text.getLiteral());
      }

      @Override
      public void visit(Code code) {
        out.append(code.getLiteral());
      }

      @Override
      public void visit(HtmlInline html) {
        out.append(html.getLiteral());
      }

      @Override
      public void visit(SoftLineBreak lineBreak) {
        out.append(' ');
      }

      @Override
      public void visit(HardLineBreak lineBreak) {
        out.append('\n');
      }
    });
    return out.toString();
  }

  /** Plain text of a run of inline nodes. */
  static String plain(List<Node> nodes) {
    StringBuilder out = new StringBuilder();
    nodes.forEach(node -> out.append(plain(node)));
    return out.toString();
  }

  /** The inline children of a block, split into the lines the file has (at soft and hard line breaks). */
  static List<List<Node>> lines(Node block) {
    List<List<Node>> lines = new ArrayList<>();
    List<Node> line = new ArrayList<>();
    for (Node child = block.getFirstChild(); child != null; child = child.getNext()) {
      if (child instanceof SoftLineBreak || child instanceof HardLineBreak) {
        lines.add(line);
        line = new ArrayList<>();
      } else {
        line.add(child);
      }
    }
    lines.add(line);
    return lines;
  }

  private int skipSpaces(int from, int end) {
    while (from < end && Character.isWhitespace(text.charAt(from))) {
      from++;
    }
    return from;
  }
}
