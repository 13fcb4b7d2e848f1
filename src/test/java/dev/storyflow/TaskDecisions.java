package dev.storyflow;

import com.fasterxml.jackson.databind.JsonNode;
import dev.storyflow.identity.Role;
import dev.storyflow.lifecycle.StoryTask;
import java.util.HashMap;
import java.util.Map;

/**
 * How the team decides a story's task when a test completes it over
 * {@code /engine-rest/task/{id}/complete}: who completes it and with which variables, in the REST
 * API's typed form ({@code {"value": ...}}).
 */
public final class TaskDecisions {

  private TaskDecisions() {
  }

  /**
   * The demo user who completes an open task as {@code /api/stories/{id}} lists it: the user of its
   * step's role (UAT: the business owner, although the product owner may too), else of its first
   * candidate group.
   */
  public static String userFor(JsonNode openTask) {
    return StoryTask.ofId(openTask.path("taskDefinitionKey").asText()).map(StoryTask::role)
        .or(() -> Role.ofGroup(openTask.path("candidateGroups").get(0).asText())).orElseThrow().demoUser();
  }

  /**
   * The variables with which {@code user} completes the task {@code taskKey}, moving the story on:
   * approving a review, planning into {@link RestStoryWalker#SPRINT}, nothing to decide on an
   * implementation done by hand; always with the comment a person of that role would write
   * ({@link #comment}), which shows in Tasklist and its screenshots.
   */
  public static Map<String, Object> approving(String taskKey, String user) {
    Map<String, Object> variables = new HashMap<>(switch (taskKey) {
      case "Task_PlanIntoSprint" -> Map.of("priority", Map.of("value", "HIGH"),
          "storyPoints", Map.of("value", 3, "type", "Integer"), "sprint", Map.of("value", RestStoryWalker.SPRINT));
      case "Task_FrontendImplement", "Task_BackendEngineerFallback" -> Map.<String, Object>of();
      default -> review(true, null);
    });
    variables.put("comment", Map.of("value", comment(taskKey)));
    return variables;
  }

  /** What a person of the step's role writes when moving the story on from {@code taskKey}; one per step. */
  public static String comment(String taskKey) {
    return switch (taskKey) {
      case "Task_ArchitectReview" -> "Fits the current services; no new component needed.";
      case "Task_SecurityEarlyReview" -> "No new personal data; the usual access rules apply.";
      case "Task_FrontendFeasibility" -> "The existing screens can show this.";
      case "Task_ApproveDraft" -> "Clear enough; into the backlog.";
      case "Task_ReviseStory" -> "Reworded as the reviews asked.";
      case "Task_PlanIntoSprint" -> "Small and ready; it fits this sprint.";
      case "Task_FrontendImplement" -> "Screens built and checked by hand.";
      case "Task_BackendEngineerFallback" -> "Done by hand; the changes are on the branch.";
      case "Task_CodeReview" -> "Reads well; the tests cover the criteria.";
      case "Task_IntegrationTest" -> "Integration tests pass.";
      case "Task_E2ETest" -> "End-to-end tests pass.";
      case "Task_POReview" -> "Does what the story asks.";
      case "Task_SecurityReview" -> "Scan is clean; nothing to add.";
      case "Task_ConfigureDevOps" -> "Deployment bundle checked and ready.";
      case "Task_UAT" -> "Accepted: works as the business needs it.";
      default -> "Looks good to me.";
    };
  }

  /** A reviewer's decision: approved or not, with a comment unless it is {@code null}. */
  public static Map<String, Object> review(boolean approved, String comment) {
    return comment == null
        ? Map.of("approved", Map.of("value", approved))
        : Map.of("approved", Map.of("value", approved), "comment", Map.of("value", comment));
  }
}
