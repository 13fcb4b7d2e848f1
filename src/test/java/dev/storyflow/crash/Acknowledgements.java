package dev.storyflow.crash;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.storyflow.HttpTestClient;
import java.util.List;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;

/** What Storyflow acknowledged to the clients: stories created (201) and tasks completed (204). */
final class Acknowledgements {

  /** A task completion answered with 204. */
  record Completion(String storyId, String taskId, String taskKey) {
  }

  private final Queue<String> created = new ConcurrentLinkedQueue<>();
  private final Queue<Completion> completed = new ConcurrentLinkedQueue<>();

  void created(String storyId) {
    created.add(storyId);
  }

  void completed(String storyId, String taskId, String taskKey) {
    completed.add(new Completion(storyId, taskId, taskKey));
  }

  List<Completion> completions() {
    return List.copyOf(completed);
  }

  /** Every story acknowledged is there, every task acknowledged is completed and no longer open. */
  void assertStillDone(HttpTestClient http, String when) {
    for (String storyId : created) {
      assertThat(http.get("admin", "/api/stories/" + storyId).status()).as("story %s (%s)", storyId, when)
          .isEqualTo(200);
    }
    for (Completion completion : completed) {
      JsonNode history = http.get("admin", "/engine-rest/history/task?taskId=" + completion.taskId()).json();
      assertThat(history).as("%s (%s)", completion, when).hasSize(1);
      assertThat(history.get(0).path("endTime").isNull()).as("%s has ended (%s)", completion, when).isFalse();
      assertThat(history.get(0).path("deleteReason").asText()).as("%s (%s)", completion, when).isEqualTo("completed");
      assertThat(http.get("admin", "/engine-rest/task/" + completion.taskId()).status())
          .as("%s is no longer open (%s)", completion, when).isEqualTo(404);
    }
  }
}
