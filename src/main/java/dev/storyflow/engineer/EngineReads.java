package dev.storyflow.engineer;

import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * What the backend engineer's steps read from the engine besides their task's variables: the
 * comments people left on the story's tasks, the running stories that share words with a story,
 * and the decision tables. On a Storyflow node the engine answers itself; a remote worker asks the
 * engine node's worker API. Either way it is read as Storyflow's own work, not as a user.
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
   * A story as the feasibility review's duplicate search compares it (see
   * {@code feasibility.ContentWords}).
   *
   * @param storyId the story id
   * @param title the content words of its title, joined by spaces
   * @param text its means and ends (its title when it has no statement), shown as evidence
   * @param words the content words of that text
   */
  record StoryWords(String storyId, String title, String text, Set<String> words) {
  }

  /**
   * How many running stories there are and how many of them hold each word asked about.
   *
   * @param stories the running stories counted
   * @param counts per word asked about, the stories holding it, up to the limit asked for; a word no
   *     story holds may be absent
   */
  record WordCounts(int stories, Map<String, Integer> counts) {
  }

  /** The comments left on the story's tasks, oldest first. */
  List<TaskComment> comments(String processInstanceId);

  /**
   * How many running stories there are, and how many of them hold each of the words, counted up to
   * {@code atMost}: a word held by more counts {@code atMost}, so that a count costs the same however
   * many stories hold the word ({@link Integer#MAX_VALUE}: counted exactly).
   *
   * @param exceptProcessInstanceId a story left out (its own review), or {@code null}
   */
  WordCounts runningWordCounts(Collection<String> words, int atMost, String exceptProcessInstanceId);

  /**
   * The running stories that hold one of the words, and those whose title has the same words
   * ({@code title}; none when it is empty). Bounded: at most {@code limit} times as many as there
   * are words (the caller asks about words that few stories hold, or about a single word), and at
   * most {@code limit} by title. Never a story whose process instance no longer runs.
   *
   * @param exceptProcessInstanceId a story left out (its own review), or {@code null}
   */
  List<StoryWords> runningStoriesWith(Collection<String> words, String title, int limit,
      String exceptProcessInstanceId);

  /**
   * Evaluates the latest deployed version of a decision on the inputs.
   *
   * @return the entries of its single result, empty when no rule matched
   */
  Optional<Map<String, Object>> decide(String decisionKey, Map<String, Object> inputs);
}
