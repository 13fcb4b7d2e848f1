package dev.storyflow.crash;

import com.fasterxml.jackson.databind.JsonNode;
import dev.storyflow.HttpTestClient;
import dev.storyflow.HttpTestClient.Reply;
import dev.storyflow.RestStoryWalker;
import dev.storyflow.identity.Role;
import dev.storyflow.lifecycle.StoryTask;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * One client of a crash test: walks its stories over REST as the team would (each open task
 * completed by the demo user of its role, approving, as {@link RestStoryWalker} does), notes each
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
      String user = StoryTask.ofId(key).map(StoryTask::role)
          .or(() -> Role.ofGroup(task.path("candidateGroups").get(0).asText())).orElseThrow().demoUser();
      Map<String, Object> variables = new HashMap<>(decisionFor(key));
      variables.put("comment", Map.of("value", "Completed " + key + " as " + user));
      Reply reply = http.post(user, "/engine-rest/task/" + taskId + "/complete", Map.of("variables", variables));
      if (reply.status() == 204) {
        acknowledged.completed(storyId, taskId, key);
      } else {
        refusals.add(storyId + " " + key + " as " + user + ": " + reply.status() + " " + reply.body());
      }
      worked = true;
    }
    return worked;
  }

  private static Map<String, Object> decisionFor(String taskKey) {
    return switch (taskKey) {
      case "Task_PlanIntoSprint" -> Map.of("priority", Map.of("value", "HIGH"),
          "storyPoints", Map.of("value", 3, "type", "Integer"), "sprint", Map.of("value", RestStoryWalker.SPRINT));
      case "Task_FrontendImplement", "Task_BackendEngineerFallback" -> Map.of();
      default -> Map.of("approved", Map.of("value", true));
    };
  }
}
