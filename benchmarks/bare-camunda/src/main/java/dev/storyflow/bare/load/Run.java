package dev.storyflow.bare.load;

import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/** What the clients saw during one run (warm-up or measured). */
final class Run {

  final Latencies starts = new Latencies();
  final Latencies completions = new Latencies();
  final Latencies polls = new Latencies();
  final Latencies lifecycles = new Latencies();
  final Map<String, Latencies> completionsByTask = new ConcurrentHashMap<>();
  /** Per task: from the previous completion (or the start) until a poll first lists the task. */
  final Map<String, Latencies> waitsByTask = new ConcurrentHashMap<>();
  final AtomicInteger lifecyclesDone = new AtomicInteger();
  final AtomicInteger lifecyclesFailed = new AtomicInteger();
  final AtomicInteger completionsOk = new AtomicInteger();
  final AtomicInteger requestsFailed = new AtomicInteger();
  final Map<String, AtomicInteger> errors = new ConcurrentHashMap<>();

  void error(String what, Http.Reply reply) {
    requestsFailed.incrementAndGet();
    String body = reply.body() == null ? "" : reply.body().replaceAll("\\s+", " ");
    String key = what + " " + reply.status() + ": " + (body.length() > 160 ? body.substring(0, 160) + "…" : body);
    errors.computeIfAbsent(key, k -> new AtomicInteger()).incrementAndGet();
  }

  /** A problem that is not a failed request (a lifecycle given up). */
  void note(String what) {
    errors.computeIfAbsent(what, k -> new AtomicInteger()).incrementAndGet();
  }

  void completed(String taskKey, Http.Reply reply) {
    completions.add(reply.nanos());
    completionsByTask.computeIfAbsent(taskKey, k -> new Latencies()).add(reply.nanos());
    if (reply.ok()) {
      completionsOk.incrementAndGet();
    } else {
      error("complete " + taskKey, reply);
    }
  }

  void waited(String taskKey, long nanos) {
    waitsByTask.computeIfAbsent(taskKey, k -> new Latencies()).add(nanos);
  }

  Map<String, Object> perTask() {
    return summaries(completionsByTask);
  }

  Map<String, Object> waitsPerTask() {
    return summaries(waitsByTask);
  }

  private static Map<String, Object> summaries(Map<String, Latencies> byTask) {
    Map<String, Object> perTask = new TreeMap<>();
    byTask.forEach((key, latencies) -> perTask.put(key, latencies.summary()));
    return perTask;
  }

  Map<String, Integer> errorCounts() {
    Map<String, Integer> counts = new TreeMap<>();
    errors.forEach((key, count) -> counts.put(key, count.get()));
    return counts;
  }
}
