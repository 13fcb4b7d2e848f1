package dev.storyflow.engineer;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * What the backend engineer's steps read from the engine besides their task's variables: the
 * comments people left on the story's tasks, the other running stories, and the decision tables.
 * On a Storyflow node the engine answers itself; a remote worker asks the engine node's worker
 * API. Either way it is read as Storyflow's own work, not as a user.
 */
public interface EngineReads {

  /**
   * One comment left on one of the story's tasks.
   *
   * @param taskDefinitionKey the task's id in the process, or {@code null} when not known
   * @param taskName the task's name, or {@code null}
   * @param userId who left it
   * @param time when
   * @param message what it says
   */
  record TaskComment(String taskDefinitionKey, String taskName, String userId, Instant time, String message) {
  }

  /**
   * The statement of a running story, as the feasibility review compares stories.
   *
   * @param storyId the story id
   * @param title its title
   * @param asA who wants it
   * @param iWant what
   * @param soThat why
   */
  record StoryStatement(String storyId, String title, String asA, String iWant, String soThat) {
  }

  /** The comments left on the story's tasks, oldest first. */
  List<TaskComment> comments(String processInstanceId);

  /** The statements of the running stories, all but the given process instance ({@code null}: all). */
  List<StoryStatement> runningStories(String exceptProcessInstanceId);

  /**
   * Evaluates the latest deployed version of a decision on the inputs.
   *
   * @return the entries of its single result, empty when no rule matched
   */
  Optional<Map<String, Object>> decide(String decisionKey, Map<String, Object> inputs);
}
