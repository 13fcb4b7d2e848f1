package dev.storyflow.lifecycle;

import static dev.storyflow.lifecycle.StoryVariables.APPROVED;
import static dev.storyflow.lifecycle.StoryVariables.COMMENT;
import static dev.storyflow.lifecycle.StoryVariables.NEEDS_BACKEND_SUPPORT;
import static dev.storyflow.lifecycle.StoryVariables.PRIORITY;
import static dev.storyflow.lifecycle.StoryVariables.REWORK_TO;
import static dev.storyflow.lifecycle.StoryVariables.SECURITY_CONCERNS;
import static dev.storyflow.lifecycle.StoryVariables.SPRINT;
import static dev.storyflow.lifecycle.StoryVariables.STORY_FIELDS;
import static dev.storyflow.lifecycle.StoryVariables.STORY_POINTS;
import static dev.storyflow.lifecycle.StoryVariables.WITHDRAW;

import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;

/**
 * The variables a user may send when completing each user task (design section 4): the task's
 * own decision fields, the planning fields on {@code Task_PlanIntoSprint}, the story fields on
 * {@code Task_ReviseStory}. Everything else (a status, a report, an override log, another story
 * field) is refused, so evidence and status are never taken from submitted data.
 */
public final class CompletionFields {

  private CompletionFields() {
  }

  public static Set<String> allowed(StoryTask task) {
    List<String> names = switch (task.decisionKind()) {
      // reworkTo is accepted so that the decision rules can say why it makes no sense here
      case OPINION -> List.of(APPROVED, COMMENT, REWORK_TO);
      case REVIEW -> task.offersIntegrationSupport()
          ? List.of(APPROVED, COMMENT, REWORK_TO, NEEDS_BACKEND_SUPPORT) : List.of(APPROVED, COMMENT, REWORK_TO);
      case SECURITY_REVIEW -> List.of(APPROVED, COMMENT, REWORK_TO, SECURITY_CONCERNS);
      case PLANNING -> List.of(APPROVED, COMMENT, REWORK_TO, PRIORITY, STORY_POINTS, SPRINT);
      case REVISION -> Stream.concat(STORY_FIELDS.stream(), Stream.of(COMMENT, WITHDRAW)).toList();
      case WORK, FALLBACK -> List.of(COMMENT);
    };
    return new LinkedHashSet<>(names);
  }

  /**
   * @throws StoryRuleException naming every submitted variable the task does not accept
   */
  public static void check(StoryTask task, Collection<String> submitted) {
    Set<String> allowed = allowed(task);
    Set<String> refused = new TreeSet<>(submitted);
    refused.removeAll(allowed);
    if (!refused.isEmpty()) {
      String accepted = String.join(", ", allowed);
      throw new StoryRuleException("Invalid decision on " + task.label(), refused.stream()
          .map(name -> new StoryRuleException.FieldProblem(name,
              "is not accepted when completing " + task.label() + ": it accepts only " + accepted))
          .toList());
    }
  }
}
