package dev.storyflow;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.storyflow.HttpTestClient.Reply;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Walks a story over real HTTP the way the team would: every open task is completed through
 * {@code /engine-rest/task/{id}/complete} by the demo user of its role, approving (see
 * {@link TaskDecisions}). Needs the job executor running.
 */
public final class RestStoryWalker {

  private final HttpTestClient http;

  /** The sprint the walker plans stories into; created and started once per database. */
  public static final String SPRINT = "sprint-7";

  public RestStoryWalker(HttpTestClient http) {
    this.http = http;
    Reply created = http.post("po", "/api/sprints", Map.of("sprintId", SPRINT, "name", "Sprint 7"));
    assertThat(created.status()).as(created.body()).isIn(201, 409);
    Reply started = http.post("po", "/api/sprints/" + SPRINT + "/start", Map.of());
    assertThat(started.status()).as(started.body()).isIn(200, 409);
  }

  /** Completes tasks until the story is DONE; returns the task keys completed, in order. */
  public List<String> walkToDone(String storyId) {
    return walkUntil(storyId, "DONE", null);
  }

  /** Completes tasks until the given task is open (it is left open). */
  public List<String> walkUntilTask(String storyId, String taskKey) {
    return walkUntil(storyId, null, taskKey);
  }

  private List<String> walkUntil(String storyId, String status, String taskKey) {
    List<String> completed = new ArrayList<>();
    Instant deadline = Instant.now().plus(Duration.ofSeconds(120));
    while (Instant.now().isBefore(deadline)) {
      JsonNode story = http.get("admin", "/api/stories/" + storyId).json();
      if (status != null && status.equals(story.path("status").asText())) {
        return completed;
      }
      JsonNode tasks = story.path("openTasks");
      if (taskKey != null && tasks.findValuesAsText("taskDefinitionKey").contains(taskKey)) {
        return completed;
      }
      for (JsonNode task : tasks) {
        String key = task.path("taskDefinitionKey").asText();
        String user = TaskDecisions.userFor(task);
        Reply reply = http.post(user, "/engine-rest/task/" + task.path("id").asText() + "/complete",
            Map.of("variables", TaskDecisions.approving(key, user)));
        assertThat(reply.status()).as("completing %s as %s: %s", key, user, reply.body()).isEqualTo(204);
        completed.add(key);
      }
      if (tasks.isEmpty()) {
        pause();
      }
    }
    throw new AssertionError("Story " + storyId + " did not get there; completed " + completed);
  }

  private static void pause() {
    try {
      Thread.sleep(200);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
