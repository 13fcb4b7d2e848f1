package dev.storyflow.epic;

import static dev.storyflow.lifecycle.StoryVariables.AS_A;
import static dev.storyflow.lifecycle.StoryVariables.DEPENDS_ON;
import static dev.storyflow.lifecycle.StoryVariables.I_WANT;
import static dev.storyflow.lifecycle.StoryVariables.SO_THAT;
import static dev.storyflow.lifecycle.StoryVariables.STATUS;

import dev.storyflow.lifecycle.StoryRuleException.FieldProblem;
import dev.storyflow.story.StoryInput;
import java.util.ArrayList;
import java.util.List;

/**
 * One story section of an epic file ({@code ### 🧩 US-201: Title} and its lines), as written.
 * Text fields are {@code null} when the section does not have them.
 *
 * @param criteria the checkbox list after {@code **Acceptance Criteria:**}
 * @param status the {@code **Status**} line's value
 * @param dependsOn the {@code **Dependencies**} line's ids ({@link Dependencies#NONE} without one)
 */
record EpicStory(String storyId, String title, String asA, String iWant, String soThat, List<Criterion> criteria,
    FileStatus status, Dependencies dependsOn, String reference, String notes) {

  /** The story as the intake takes it: components are left to the intake's default ({@code backend}). */
  StoryInput input(String epicId) {
    List<String> texts = criteria.stream().map(Criterion::text).filter(t -> !t.isBlank()).toList();
    return new StoryInput(storyId, title, asA, iWant, soThat, texts.isEmpty() ? null : texts, null, epicId, null,
        null, null, dependsOn.ids().isEmpty() ? null : dependsOn.ids(), reference, notes, null);
  }

  /**
   * What the intake's rules cannot see, because it is about the file: a statement without all its
   * three parts, a status that is none, a dependency that is no story id.
   */
  List<FieldProblem> problems() {
    List<FieldProblem> problems = new ArrayList<>();
    if (asA == null) {
      problems.add(new FieldProblem(AS_A, "is missing: the story's section needs the line **As a** …"));
    }
    if (iWant == null) {
      problems.add(new FieldProblem(I_WANT, "is missing: the story's section needs the line **I want** …"));
    }
    if (soThat == null) {
      problems.add(new FieldProblem(SO_THAT, "is missing: the story's section needs the line **So that** …"));
    }
    if (status.status().isEmpty()) {
      problems.add(new FieldProblem(STATUS, "'" + status.value().text() + "' is not a status; use one of "
          + FileStatus.labels()));
    }
    dependsOn.notIds().forEach(token -> problems.add(new FieldProblem(DEPENDS_ON, "'" + token + "' is not a story id")));
    return problems;
  }
}
