package dev.storyflow.sprint;

import static org.assertj.core.api.Assertions.assertThat;

import dev.storyflow.sprint.ChangeLog.Row;
import dev.storyflow.sprint.ChangeLog.StoryLog;
import java.util.ArrayList;
import java.util.List;
import org.commonmark.ext.gfm.tables.TableCell;
import org.commonmark.ext.gfm.tables.TablesExtension;
import org.commonmark.node.AbstractVisitor;
import org.commonmark.node.CustomNode;
import org.commonmark.node.Node;
import org.commonmark.node.Text;
import org.commonmark.parser.Parser;
import org.commonmark.renderer.html.HtmlRenderer;
import org.junit.jupiter.api.Test;

class SprintMarkdownTest {

  private static final List<TablesExtension> TABLES = List.of((TablesExtension) TablesExtension.create());
  private static final String HOSTILE = "<img src=x onerror=alert(1)> see [the fix](https://evil.example) "
      + "![pixel](https://evil.example/p.png) a \\| b & <https://evil.example>";

  @Test
  void storyTextWithHtmlOrLinksShowsAsTextWhereverTheChangeLogIsRendered() {
    // given a comment and a title with HTML, a link, an image, an autolink and an escaped pipe
    ChangeLog log = new ChangeLog("sprint-1", "UTC", List.of(new StoryLog("US-1", "<script>x()</script> [t](u)",
        List.of(new Row("2026-03-02 09:00", "Comment", "CODE_REVIEW", "reviewer", HOSTILE, "reviewer")))));

    // when the change log is written and rendered as GitHub would
    String markdown = SprintMarkdown.changeLog(log);
    Node document = Parser.builder().extensions(TABLES).build().parse(markdown);
    String html = HtmlRenderer.builder().extensions(TABLES).build().render(document);

    // then no element is made of the text
    assertThat(html).doesNotContain("<img").doesNotContain("<script").doesNotContain("<a ");
    // and a reader gets back exactly what was written, in the table's comment cell
    assertThat(cells(document)).contains(HOSTILE);
    assertThat(html).contains("&lt;script&gt;x()&lt;/script&gt; [t](u)");
  }

  private static List<String> cells(Node document) {
    List<String> cells = new ArrayList<>();
    document.accept(new AbstractVisitor() {
      @Override
      public void visit(CustomNode node) {
        if (node instanceof TableCell) {
          StringBuilder text = new StringBuilder();
          collect(node, text);
          cells.add(text.toString());
        } else {
          visitChildren(node);
        }
      }
    });
    return cells;
  }

  private static void collect(Node node, StringBuilder text) {
    for (Node child = node.getFirstChild(); child != null; child = child.getNext()) {
      if (child instanceof Text t) {
        text.append(t.getLiteral());
      }
      collect(child, text);
    }
  }
}
