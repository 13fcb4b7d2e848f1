package dev.storyflow.feasibility;

import static dev.storyflow.lifecycle.StoryVariables.ACCEPTANCE_CRITERIA;
import static dev.storyflow.lifecycle.StoryVariables.NOTES;
import static dev.storyflow.lifecycle.StoryVariables.TITLE;

import dev.storyflow.story.StoryInput;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.regex.Pattern;

/**
 * A story as the checks read it: the statement split into its parts, one segment per acceptance
 * criterion line (a Given/When/Then scenario written over several lines is one segment), the notes and
 * the declared dependencies.
 */
record StoryText(String storyId, String title, Statement statement, List<Segment> criteria, Segment notes,
    List<String> dependsOn, String reference, String epic, List<String> components) {

  /**
   * A Gherkin scenario: an optional "Scenario: …" line (with or without a title), then "Given", or
   * "When" for a scenario without a context.
   */
  private static final Pattern SCENARIO = Pattern.compile("(?i)\\s*(?:scenario[^:\\n]*:(?:[^\\n]*\\R)?\\s*)?(?:given|when)\\b");

  static StoryText of(StoryInput story) {
    List<Segment> criteria = new ArrayList<>();
    if (story.acceptanceCriteria() != null) {
      int line = 0;
      for (String criterion : story.acceptanceCriteria()) {
        String[] lines = criterion.split("\\R");
        if (SCENARIO.matcher(criterion).lookingAt()) {
          criteria.add(new Segment(ACCEPTANCE_CRITERIA, line + 1, String.join(" ", Arrays.stream(lines).map(String::strip)
              .filter(l -> !l.isEmpty()).toList())));
          line += lines.length;
          continue;
        }
        for (String text : lines) {
          line++;
          String trimmed = text.strip().replaceFirst("^(?:(?:[-*•]|\\[[ xX]?]|\\d{1,2}[.)])\\s*)+", "").strip();
          if (!trimmed.isEmpty()) {
            criteria.add(new Segment(ACCEPTANCE_CRITERIA, line, trimmed));
          }
        }
      }
    }
    Segment notes = story.notes() == null || story.notes().isBlank() ? null : new Segment(NOTES, null, story.notes());
    return new StoryText(story.storyId(), story.title() == null ? "" : story.title().strip(),
        Statement.of(story.title(), story.asA(), story.iWant(), story.soThat()),
        List.copyOf(criteria), notes,
        story.dependsOn() == null ? List.of() : List.copyOf(story.dependsOn()),
        story.reference(), story.epic(), story.componentsOrDefault());
  }

  Segment titleSegment() {
    return new Segment(TITLE, null, title);
  }

  /** The statement's parts and the acceptance criteria: where wording is checked. */
  List<Segment> statementAndCriteria() {
    List<Segment> segments = new ArrayList<>(statement.parts());
    segments.addAll(criteria);
    return segments;
  }

  /** Everything written about the story, for words that matter wherever they are. */
  List<Segment> allText() {
    List<Segment> segments = new ArrayList<>();
    boolean statementInTitle = statement.parts().stream().anyMatch(s -> TITLE.equals(s.field()));
    if (!title.isEmpty() && !statementInTitle) {
      segments.add(titleSegment());
    }
    segments.addAll(statementAndCriteria());
    segments.addAll(statement.extras());
    if (notes != null) {
      segments.add(notes);
    }
    return segments;
  }

  boolean hasReference() {
    return reference != null && !reference.isBlank();
  }
}
