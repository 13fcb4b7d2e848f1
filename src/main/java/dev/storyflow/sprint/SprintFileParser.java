package dev.storyflow.sprint;

import dev.storyflow.sprint.ChangeLog.Row;
import dev.storyflow.sprint.ChangeLog.StoryLog;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.commonmark.ext.gfm.tables.TableBlock;
import org.commonmark.ext.gfm.tables.TableBody;
import org.commonmark.ext.gfm.tables.TableCell;
import org.commonmark.ext.gfm.tables.TableRow;
import org.commonmark.ext.gfm.tables.TablesExtension;
import org.commonmark.node.BulletList;
import org.commonmark.node.Code;
import org.commonmark.node.HardLineBreak;
import org.commonmark.node.Heading;
import org.commonmark.node.ListItem;
import org.commonmark.node.Node;
import org.commonmark.node.Paragraph;
import org.commonmark.node.SoftLineBreak;
import org.commonmark.node.Text;
import org.commonmark.parser.Parser;

/**
 * Reads the team's sprint file (see {@code formats.md}) with CommonMark: the title, the dates and
 * goal, each story's change-log table under {@code ## Change Log}, and the bullets of
 * {@code ## Sprint Notes}.
 */
public final class SprintFileParser {

  private static final Parser PARSER = Parser.builder().extensions(List.of(TablesExtension.create())).build();
  private static final Pattern FIELD = Pattern.compile("(Start Date|End Date|Sprint Goal):\\s*(.*)");
  private static final Pattern STORY = Pattern.compile("`?([A-Za-z0-9][A-Za-z0-9._-]*)`?\\s*[—–-]\\s*(.*)");

  private SprintFileParser() {
  }

  public static SprintFile parse(String markdown) {
    Node document = PARSER.parse(markdown);
    String title = null;
    String goal = null;
    LocalDate start = null;
    LocalDate end = null;
    String section = "";
    List<StoryLog> stories = new ArrayList<>();
    List<String> notes = new ArrayList<>();
    String storyId = null;
    String storyTitle = null;
    for (Node node = document.getFirstChild(); node != null; node = node.getNext()) {
      if (node instanceof Heading heading) {
        String text = text(heading).strip();
        if (heading.getLevel() == 1) {
          title = text;
        } else if (heading.getLevel() == 2) {
          section = text.toLowerCase();
        } else if (heading.getLevel() == 3 && section.contains("change log")) {
          Matcher story = STORY.matcher(text);
          storyId = story.matches() ? story.group(1) : text;
          storyTitle = story.matches() ? story.group(2).strip() : "";
        }
      } else if (node instanceof Paragraph paragraph && title != null && section.isEmpty()) {
        for (String line : text(paragraph).split("\n")) {
          Matcher field = FIELD.matcher(line.strip());
          if (field.matches()) {
            String value = field.group(2).strip();
            switch (field.group(1)) {
              case "Start Date" -> start = date(value);
              case "End Date" -> end = date(value);
              default -> goal = value;
            }
          }
        }
      } else if (node instanceof TableBlock table && storyId != null) {
        stories.add(new StoryLog(storyId, storyTitle, rows(table)));
        storyId = null;
      } else if (node instanceof BulletList list && section.contains("notes")) {
        for (Node item = list.getFirstChild(); item != null; item = item.getNext()) {
          if (item instanceof ListItem) {
            notes.add(text(item).strip());
          }
        }
      }
    }
    return new SprintFile(title, start, end, goal, stories, notes);
  }

  private static List<Row> rows(TableBlock table) {
    List<Row> rows = new ArrayList<>();
    for (Node part = table.getFirstChild(); part != null; part = part.getNext()) {
      if (!(part instanceof TableBody)) {
        continue;
      }
      for (Node row = part.getFirstChild(); row != null; row = row.getNext()) {
        if (row instanceof TableRow) {
          List<String> cells = new ArrayList<>();
          for (Node cell = row.getFirstChild(); cell != null; cell = cell.getNext()) {
            if (cell instanceof TableCell) {
              cells.add(text(cell).strip());
            }
          }
          while (cells.size() < 6) {
            cells.add("");
          }
          rows.add(new Row(cells.get(0), cells.get(1), cells.get(2), cells.get(3), cells.get(4), cells.get(5)));
        }
      }
    }
    return rows;
  }

  private static LocalDate date(String value) {
    if (value.isEmpty()) {
      return null;
    }
    try {
      return LocalDate.parse(value);
    } catch (DateTimeParseException e) {
      return null;
    }
  }

  /** The plain text of a node: text and code spans, line breaks as new lines. */
  static String text(Node node) {
    StringBuilder out = new StringBuilder();
    collect(node, out);
    return out.toString();
  }

  private static void collect(Node node, StringBuilder out) {
    for (Node child = node.getFirstChild(); child != null; child = child.getNext()) {
      if (child instanceof Text text) {
        out.append(text.getLiteral());
      } else if (child instanceof Code code) {
        out.append(code.getLiteral());
      } else if (child instanceof SoftLineBreak || child instanceof HardLineBreak) {
        out.append('\n');
      } else {
        if (child instanceof Paragraph && !out.isEmpty()) {
          out.append('\n');
        }
        collect(child, out);
      }
    }
  }
}
