package dev.storyflow.crash;

import com.fasterxml.jackson.databind.JsonNode;
import dev.storyflow.HttpTestClient;
import dev.storyflow.HttpTestClient.Reply;
import dev.storyflow.TaskDecisions;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * One client of a crash test: walks its stories over REST as the team would (each open task
 * completed as {@link TaskDecisions} decides it, as {@code RestStoryWalker} does), notes each
 * completion Storyflow acknowledged with 204, and stops when its stories are Done, when it is
 * stopped, or when Storyflow no longer answers (it was killed).
 */
final class AcknowledgingClient implements Runnable {

  private final HttpTestClient http;
  private final Set<String> walking;
  private final Acknowledgements acknowledged;
  private final List<String> refusals = new CopyOnWriteArrayList<>();
  private volatile boolean stopped;

  AcknowledgingClient(HttpTestClient http, List<String> stories, Acknowledgements acknowledged) {
    this.http = http;
    this.walking = new LinkedHashSet<>(stories);
    this.acknowledged = acknowledged;
  }

  /** Answers other than 204 to a completion, and what they said. */
  List<String> refusals() {
    return refusals;
  }

  void stop() {
    stopped = true;
  }

  @Override
  public void run() {
    try {
      while (!stopped && !walking.isEmpty()) {
        boolean worked = false;
        for (String storyId : new ArrayList<>(walking)) {
          worked |= step(storyId);
        }
        if (!worked) {
          Thread.sleep(200);
        }
      }
    } catch (UncheckedIOException e) {
      // Storyflow is gone
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  /** Completes the story's open tasks; whether there were any. */
  private boolean step(String storyId) {
    JsonNode story = http.get("admin", "/api/stories/" + storyId).json();
    if (story.path("status").asText().equals("DONE")) {
      walking.remove(storyId);
      return true;
    }
    boolean worked = false;
    for (JsonNode task : story.path("openTasks")) {
      String key = task.path("taskDefinitionKey").asText();
      String taskId = task.path("id").asText();
      String user = TaskDecisions.userFor(task);
      Reply reply = http.post(user, "/engine-rest/task/" + taskId + "/complete",
          Map.of("variables", TaskDecisions.approving(key, user)));
      if (reply.status() == 204) {
        acknowledged.completed(storyId, taskId, key);
      } else {
        refusals.add(storyId + " " + key + " as " + user + ": " + reply.status() + " " + reply.body());
      }
      worked = true;
    }
    return worked;
  }
}
