package dev.storyflow.bare.load;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.HashMap;
import java.util.Map;

/**
 * One client walking one story: start it, then complete every open task as the user of its group
 * until the instance has ended, polling while only jobs are left. Bounded by a deadline and by
 * the number of attempts per task.
 */
final class StoryWalk {

  private static final int MAX_ATTEMPTS_PER_TASK = 5;

  private final Http http;
  private final Target target;
  private final Run run;
  private final String sprint;
  private final long pollMillis;
  private final long timeoutNanos;

  StoryWalk(Http http, Target target, Run run, String sprint, long pollMillis, long timeoutMillis) {
    this.http = http;
    this.target = target;
    this.run = run;
    this.sprint = sprint;
    this.pollMillis = pollMillis;
    this.timeoutNanos = timeoutMillis * 1_000_000L;
  }

  void walk(String storyId, int n) {
    long started = System.nanoTime();
    Http.Reply start = http.post(target.starter(),
        "/engine-rest/process-definition/key/" + target.processKey() + "/start", Target.start(storyId, n));
    run.starts.add(start.nanos());
    if (!start.ok()) {
      run.error("start", start);
      run.lifecyclesFailed.incrementAndGet();
      return;
    }
    String instance = start.json().path("id").asText();
    Map<String, Integer> attempts = new HashMap<>();
    long lastMove = System.nanoTime();
    while (System.nanoTime() - started < timeoutNanos) {
      Http.Reply tasks = poll("/engine-rest/task?processInstanceId=" + instance);
      if (tasks == null) {
        pause();
        continue;
      }
      if (tasks.json().isEmpty()) {
        Http.Reply instanceReply = http.get(target.observer(), "/engine-rest/process-instance/" + instance);
        run.polls.add(instanceReply.nanos());
        if (instanceReply.status() == 404) {
          run.lifecycles.add(System.nanoTime() - started);
          run.lifecyclesDone.incrementAndGet();
          return;
        }
        if (!instanceReply.ok()) {
          run.error("poll instance", instanceReply);
        }
        pause();
        continue;
      }
      run.waited(tasks.json().get(0).path("taskDefinitionKey").asText(), System.nanoTime() - lastMove);
      boolean failed = false;
      for (JsonNode task : tasks.json()) {
        String taskId = task.path("id").asText();
        String key = task.path("taskDefinitionKey").asText();
        if (attempts.merge(taskId, 1, Integer::sum) > MAX_ATTEMPTS_PER_TASK) {
          run.lifecyclesFailed.incrementAndGet();
          run.note("lifecycle given up: " + key + " failed " + MAX_ATTEMPTS_PER_TASK + " times");
          return;
        }
        String user = userFor(key, taskId);
        Http.Reply done = http.post(user, "/engine-rest/task/" + taskId + "/complete",
            Target.completion(key, user, sprint));
        run.completed(key, done);
        failed |= !done.ok();
      }
      lastMove = System.nanoTime();
      if (failed) {
        pause();
      }
    }
    run.lifecyclesFailed.incrementAndGet();
    run.note("lifecycle timed out");
  }

  private Http.Reply poll(String path) {
    Http.Reply reply = http.get(target.observer(), path);
    run.polls.add(reply.nanos());
    if (!reply.ok()) {
      run.error("poll tasks", reply);
      return null;
    }
    return reply;
  }

  private String userFor(String taskKey, String taskId) {
    String user = Target.userFor(taskKey);
    if (user != null) {
      return user;
    }
    Http.Reply links = http.get(target.observer(), "/engine-rest/task/" + taskId + "/identity-links?type=candidate");
    for (JsonNode link : links.ok() ? links.json() : Http.JSON.createArrayNode()) {
      if (link.hasNonNull("groupId")) {
        return Target.userOfGroup(link.path("groupId").asText());
      }
    }
    return target.observer();
  }

  private void pause() {
    try {
      Thread.sleep(pollMillis);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
