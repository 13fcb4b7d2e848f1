package dev.storyflow.epic;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.commonmark.ext.gfm.tables.TableBody;
import org.commonmark.ext.gfm.tables.TableHead;
import org.commonmark.node.Node;

/**
 * Reads the stories table {@code | ID | Title | Status | Dependencies |} of an epic file. Columns
 * are found by their header, in any order; a table without an ID column is not a stories table.
 * The ID cell may be plain, in backticks or a link to the story's section.
 */
final class StoryTable {

  private StoryTable() {
  }

  static List<TableRow> rows(Node table, MarkdownSource source) {
    List<String> headers = new ArrayList<>();
    List<TableRow> rows = new ArrayList<>();
    for (Node part = table.getFirstChild(); part != null; part = part.getNext()) {
      if (part instanceof TableHead && part.getFirstChild() != null) {
        children(part.getFirstChild()).forEach(cell -> headers.add(header(MarkdownSource.plain(cell))));
      } else if (part instanceof TableBody) {
        int id = headers.indexOf("id");
        if (id < 0) {
          return List.of();
        }
        for (Node row = part.getFirstChild(); row != null; row = row.getNext()) {
          row(children(row), headers, source).ifPresent(rows::add);
        }
      }
    }
    return rows;
  }

  private static Optional<TableRow> row(List<Node> cells, List<String> headers, MarkdownSource source) {
    String id = cellText(cells, headers.indexOf("id"));
    if (id == null || id.isEmpty()) {
      return Optional.empty();
    }
    String title = cellText(cells, headers.indexOf("title"));
    int statusColumn = headers.indexOf("status");
    FileValue status = null;
    if (statusColumn >= 0 && statusColumn < cells.size()) {
      Node cell = cells.get(statusColumn);
      FileValue value = source.value(children(cell), 0);
      status = value.text().isEmpty() ? null : value;
    }
    int dependencies = headers.indexOf("dependencies");
    Dependencies dependsOn = dependencies < 0 ? null : Dependencies.parse(cellText(cells, dependencies));
    return Optional.of(new TableRow(id, title, status, dependsOn));
  }

  /** A cell's plain text without brackets and backticks, or {@code null} past the row's last cell. */
  private static String cellText(List<Node> cells, int column) {
    if (column < 0 || column >= cells.size()) {
      return null;
    }
    return MarkdownSource.plain(cells.get(column)).replace("`", "").replace("[", "").replace("]", "").trim();
  }

  private static String header(String text) {
    String words = text.trim().toLowerCase(Locale.ROOT).replaceAll("\\s+", " ");
    return switch (words) {
      case "id", "story id", "story", "#" -> "id";
      case "title", "story title", "name", "summary" -> "title";
      case "dependencies", "dependency", "depends on" -> "dependencies";
      default -> words;
    };
  }

  private static List<Node> children(Node parent) {
    List<Node> children = new ArrayList<>();
    for (Node child = parent.getFirstChild(); child != null; child = child.getNext()) {
      children.add(child);
    }
    return children;
  }
}
