package dev.storyflow.epic;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import org.commonmark.node.ListBlock;
import org.commonmark.node.Node;
import org.commonmark.node.Paragraph;

/**
 * Collects the blocks of one story section, from its heading to the next {@code ---}, story
 * heading or section heading, and reads its labelled lines. A line without a label continues the
 * field above it in the same paragraph (Notes go on over paragraphs too); the list after
 * {@code **Acceptance Criteria:**} holds the criteria.
 */
final class StorySection {

  private final MarkdownSource source;
  private final String storyId;
  private final String title;
  private final int level;
  private final Map<Label, StringBuilder> texts = new EnumMap<>(Label.class);
  private final List<Criterion> criteria = new ArrayList<>();
  private FileValue status;
  private Label current;

  StorySection(MarkdownSource source, String storyId, String title, int level) {
    this.source = source;
    this.storyId = storyId;
    this.title = title;
    this.level = level;
  }

  /** The level of the section's heading: a heading of this level or above ends the section. */
  int level() {
    return level;
  }

  void add(Node block) {
    if (block instanceof Paragraph paragraph) {
      if (current != Label.NOTES) {
        // only Notes go on over paragraphs; the other fields end with theirs
        current = null;
      }
      LabelledLine.of(paragraph, source).forEach(this::add);
    } else if (block instanceof ListBlock list && current == Label.ACCEPTANCE_CRITERIA) {
      criteria.addAll(Criterion.itemsOf(list, source));
    } else if (current == Label.NOTES) {
      append(Label.NOTES, source.of(block), "\n\n");
    }
  }

  private void add(LabelledLine line) {
    if (line.label() == null) {
      continueField(line);
      return;
    }
    current = line.label();
    switch (current) {
      case STATUS -> {
        if (status == null) {
          status = line.value();
        }
      }
      case DEPENDENCIES -> append(Label.DEPENDENCIES, line.plain(), ", ");
      case AS_A, I_WANT, SO_THAT, REFERENCE -> append(current, line.value().text(), " ");
      case NOTES -> append(Label.NOTES, line.value().text(), "\n");
      default -> {
        // the criteria follow as a list; other labels are not imported
      }
    }
  }

  private void continueField(LabelledLine line) {
    if (current == null) {
      return;
    }
    switch (current) {
      case AS_A, I_WANT, SO_THAT, REFERENCE -> append(current, line.value().text(), " ");
      case NOTES -> append(Label.NOTES, line.value().text(), "\n");
      case DEPENDENCIES -> append(Label.DEPENDENCIES, line.plain(), " ");
      default -> {
        // a status is one line; text after the criteria label is not a criterion
      }
    }
  }

  private void append(Label label, String text, String separator) {
    StringBuilder field = texts.get(label);
    if (field == null) {
      texts.put(label, new StringBuilder(text));
    } else if (!text.isEmpty()) {
      field.append(field.isEmpty() ? "" : separator).append(text);
    }
  }

  EpicStory story() {
    return new EpicStory(storyId, title, statementPart(Label.AS_A), statementPart(Label.I_WANT),
        statementPart(Label.SO_THAT), List.copyOf(criteria), new FileStatus(status),
        texts.containsKey(Label.DEPENDENCIES) ? Dependencies.parse(texts.get(Label.DEPENDENCIES).toString())
            : Dependencies.NONE,
        optional(Label.REFERENCE), optional(Label.NOTES));
  }

  /** A field teams fill with a placeholder when there is nothing to say: {@code -} or {@code None} is no value. */
  private String optional(Label label) {
    String text = text(label);
    return text == null || Dependencies.saysNone(text) ? null : text;
  }

  /** A part of the statement without the sentence's punctuation ({@code **As a** clerk,} is "clerk"). */
  private String statementPart(Label label) {
    String text = text(label);
    int end = text == null ? 0 : text.length();
    while (end > 0 && (Character.isWhitespace(text.charAt(end - 1)) || ",;.".indexOf(text.charAt(end - 1)) >= 0)) {
      end--;
    }
    return end == 0 ? null : text.substring(0, end);
  }

  private String text(Label label) {
    StringBuilder text = texts.get(label);
    return text == null || text.toString().isBlank() ? null : text.toString().trim();
  }
}
