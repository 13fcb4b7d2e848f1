package dev.storyflow.epic;

import dev.storyflow.lifecycle.StoryRuleException;
import dev.storyflow.lifecycle.StoryRuleException.FieldProblem;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.commonmark.ext.gfm.tables.TableBlock;
import org.commonmark.ext.gfm.tables.TablesExtension;
import org.commonmark.node.Heading;
import org.commonmark.node.ListBlock;
import org.commonmark.node.Node;
import org.commonmark.node.Paragraph;
import org.commonmark.node.ThematicBreak;
import org.commonmark.parser.IncludeSourceSpans;
import org.commonmark.parser.Parser;
import org.springframework.stereotype.Component;

/**
 * Reads an epic file (formats.md, "Epic file") from its CommonMark tree. Headings are matched by
 * their words, with or without emoji: the title line {@code # v2.1 Epic: Title}, the parts
 * {@code Description} and {@code Acceptance Criteria}, the stories sections ({@code User Stories},
 * {@code Related User Stories}, {@code Story Details}) with their table and their story headings
 * {@code ### US-201: Title}. Only single headings and cells are matched with patterns; the
 * structure comes from the tree.
 */
@Component
class EpicParser {

  static final int MAX_TITLE = 200;
  static final int MAX_VERSION = 32;
  static final int MAX_NESTING = 32;

  private static final String NOT_AN_EPIC = "Not an epic file";
  private static final Pattern TITLE = Pattern.compile(
      "^[^\\p{L}\\p{N}]*(?:[vV]?(?<version>\\d[0-9A-Za-z.]*)\\s+)?epic\\s*:(?<title>.*)$",
      Pattern.CASE_INSENSITIVE);
  private static final Pattern STORY_HEADING = Pattern.compile(
      "^[^\\p{L}\\p{N}]*(?<id>[A-Za-z0-9][A-Za-z0-9._-]*)\\s*:(?<title>.*)$");
  private static final Pattern STORIES_SECTION = Pattern.compile("\\b(?:user stories|story details)\\b",
      Pattern.CASE_INSENSITIVE);

  /** Thread-safe: one parser serves every request. */
  private final Parser parser = Parser.builder()
      .extensions(List.of(TablesExtension.create()))
      .includeSourceSpans(IncludeSourceSpans.BLOCKS_AND_INLINES)
      .build();

  /**
   * @throws StoryRuleException when the text is no epic file (no {@code # … Epic: …} title line)
   *     or its title cannot give an epic id
   */
  EpicFile parse(String text) {
    refuseDeepNesting(text);
    MarkdownSource source = new MarkdownSource(text);
    Reading reading = new Reading(source);
    for (Node block = parser.parse(text).getFirstChild(); block != null; block = block.getNext()) {
      reading.add(block);
    }
    return reading.file();
  }

  /**
   * Refuses a line that opens more than {@link #MAX_NESTING} lists or quotes at once ({@code - - - …}):
   * no epic file needs that, and CommonMark's time grows with the square of the depth of a list.
   */
  private static void refuseDeepNesting(String text) {
    int line = 1;
    int depth = 0;
    boolean atMarker = true;
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (c == '\n') {
        line++;
        depth = 0;
        atMarker = true;
      } else if (atMarker && (c == '-' || c == '*' || c == '+' || c == '>')
          && (c == '>' || i + 1 == text.length() || text.charAt(i + 1) == ' ' || text.charAt(i + 1) == '\t')) {
        if (++depth > MAX_NESTING) {
          throw new StoryRuleException("Invalid epic file", List.of(new FieldProblem("body", "line " + line
              + " opens more than " + MAX_NESTING + " lists or quotes at once")));
        }
      } else if (c != ' ' && c != '\t' && c != '\r') {
        atMarker = false;
      }
    }
  }

  private enum Part { NONE, DESCRIPTION, CRITERIA }

  /** The state of one walk over the document's blocks. */
  private static final class Reading {

    private final MarkdownSource source;
    private final List<EpicStory> stories = new ArrayList<>();
    private final List<TableRow> table = new ArrayList<>();
    private final List<Criterion> criteria = new ArrayList<>();
    private final List<String> description = new ArrayList<>();
    private final StorySection statement;
    private Matcher title;
    /** Between the title line and the next heading: where the epic's own statement stands. */
    private boolean underTitle;
    private boolean inStories;
    private Part part = Part.NONE;
    private StorySection story;

    Reading(MarkdownSource source) {
      this.source = source;
      this.statement = new StorySection(source, null, null, 1);
    }

    void add(Node block) {
      if (block instanceof Heading heading) {
        heading(heading);
      } else if (block instanceof ThematicBreak) {
        endStory();
        part = Part.NONE;
      } else if (story != null) {
        story.add(block);
      } else if (inStories) {
        if (block instanceof TableBlock rows) {
          table.addAll(StoryTable.rows(rows, source));
        }
      } else if (title != null) {
        epicPart(block);
      }
    }

    private void heading(Heading heading) {
      String text = MarkdownSource.plain(heading).trim();
      if (title == null) {
        Matcher epicTitle = TITLE.matcher(text);
        if (heading.getLevel() == 1 && epicTitle.matches()) {
          title = epicTitle;
          underTitle = true;
        }
        return;
      }
      underTitle = false;
      if (heading.getLevel() <= 2) {
        endStory();
        inStories = STORIES_SECTION.matcher(text).find();
        part = inStories ? Part.NONE : part(text);
        return;
      }
      if (!inStories) {
        part = part(text);
        return;
      }
      Matcher storyHeading = STORY_HEADING.matcher(text);
      if (storyHeading.matches()) {
        endStory();
        story = new StorySection(source, storyHeading.group("id"), storyHeading.group("title").trim(),
            heading.getLevel());
      } else if (story != null && heading.getLevel() <= story.level()) {
        endStory();
      }
    }

    private void epicPart(Node block) {
      switch (part) {
        case DESCRIPTION -> description.add(source.of(block));
        case CRITERIA -> {
          if (block instanceof ListBlock list) {
            criteria.addAll(Criterion.itemsOf(list, source));
          }
        }
        case NONE -> {
          if (underTitle && block instanceof Paragraph) {
            statement.add(block);
          }
        }
      }
    }

    private static Part part(String heading) {
      String words = heading.toLowerCase(Locale.ROOT);
      if (words.contains("description")) {
        return Part.DESCRIPTION;
      }
      return words.contains("acceptance criteria") ? Part.CRITERIA : Part.NONE;
    }

    private void endStory() {
      if (story != null) {
        stories.add(story.story());
        story = null;
      }
    }

    EpicFile file() {
      endStory();
      if (title == null) {
        throw new StoryRuleException(NOT_AN_EPIC, List.of(new FieldProblem("body",
            "must be an epic file: a Markdown file whose title line is '# v{version} Epic: {title}'")));
      }
      String name = title.group("title").trim();
      String version = title.group("version");
      List<FieldProblem> problems = new ArrayList<>();
      if (name.isEmpty() || name.length() > MAX_TITLE) {
        problems.add(new FieldProblem("title", "must be 1 to " + MAX_TITLE + " characters after 'Epic:'"));
      }
      if (version != null && version.length() > MAX_VERSION) {
        problems.add(new FieldProblem("version", "must be at most " + MAX_VERSION + " characters"));
      }
      Optional<String> epicId = problems.isEmpty() ? EpicId.of(version, name) : Optional.empty();
      if (problems.isEmpty() && epicId.isEmpty()) {
        problems.add(new FieldProblem("title", "must hold letters or digits that make an epic id (with the version"
            + " at most " + EpicId.MAX_LENGTH + " characters, no '..')"));
      }
      if (!problems.isEmpty()) {
        throw new StoryRuleException("Invalid epic file", problems);
      }
      EpicStory epic = statement.story();
      return new EpicFile(epicId.orElseThrow(), name, version, epic.asA(), epic.iWant(), epic.soThat(),
          description.isEmpty() ? null : String.join("\n\n", description), List.copyOf(criteria),
          List.copyOf(stories), List.copyOf(table));
    }
  }
}
