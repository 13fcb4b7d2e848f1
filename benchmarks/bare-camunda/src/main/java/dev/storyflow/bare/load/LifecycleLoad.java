package dev.storyflow.bare.load;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The load driver of {@code benchmarks/lifecycle-load}: N concurrent clients over REST, each
 * starting stories and walking them to their end, against Storyflow or the bare app; writes what
 * it measured as JSON. {@code report} turns two such files into the Markdown report.
 *
 * <pre>
 * drive --app storyflow|bare --url http://127.0.0.1:8080 --clients 16 --stories 80 --out run.json
 *       [--warmup 2] [--poll-ms 100] [--story-timeout-s 300] [--max-seconds 1800] [--password demo]
 *       [--startup-ms N,N,…]
 * report --storyflow a.json --bare b.json --out report.md [--meta key=value]...
 *       [--storyflow-jfr a.jfr] [--bare-jfr b.jfr]
 * </pre>
 */
public final class LifecycleLoad {

  private LifecycleLoad() {
  }

  public static void main(String[] args) throws Exception {
    if (args.length == 0) {
      throw new IllegalArgumentException("usage: drive … | report …");
    }
    Map<String, List<String>> options = options(args);
    switch (args[0]) {
      case "drive" -> drive(options);
      case "report" -> LoadReport.write(options);
      default -> throw new IllegalArgumentException("unknown command " + args[0]);
    }
  }

  private static void drive(Map<String, List<String>> options) throws IOException, InterruptedException {
    Target target = Target.of(one(options, "app", null));
    String url = one(options, "url", null);
    String password = one(options, "password", "demo");
    int clients = Integer.parseInt(one(options, "clients", "16"));
    int stories = Integer.parseInt(one(options, "stories", "80"));
    int warmup = Integer.parseInt(one(options, "warmup", "2"));
    long pollMillis = Long.parseLong(one(options, "poll-ms", "100"));
    long storyTimeout = TimeUnit.SECONDS.toMillis(Long.parseLong(one(options, "story-timeout-s", "300")));
    long maxNanos = TimeUnit.SECONDS.toNanos(Long.parseLong(one(options, "max-seconds", "1800")));
    String runId = Long.toString(System.currentTimeMillis(), 36);
    Http admin = new Http(url, password);
    String sprint = sprint(admin, target, runId);

    Run warm = new Run();
    StoryWalk warmWalk = new StoryWalk(new Http(url, password), target, warm, sprint, pollMillis, storyTimeout);
    for (int i = 0; i < warmup; i++) {
      warmWalk.walk("LLW-" + runId + "-" + i, 10_000 + i);
    }
    admin.delete(null, "/actuator/sqlcount");
    String loadBefore = loadAverage();

    Run run = new Run();
    AtomicInteger next = new AtomicInteger();
    long started = System.nanoTime();
    long measuredFrom = System.currentTimeMillis();
    List<Thread> threads = new ArrayList<>();
    for (int c = 0; c < clients; c++) {
      StoryWalk walk = new StoryWalk(new Http(url, password), target, run, sprint, pollMillis, storyTimeout);
      Thread thread = new Thread(() -> {
        for (int n = next.getAndIncrement(); n < stories && System.nanoTime() - started < maxNanos;
            n = next.getAndIncrement()) {
          walk.walk("LL-" + runId + "-" + n, n);
        }
      }, "client-" + c);
      threads.add(thread);
      thread.start();
    }
    for (Thread thread : threads) {
      thread.join();
    }
    double seconds = (System.nanoTime() - started) / 1e9;
    long measuredTo = System.currentTimeMillis();
    Http.Reply sql = admin.get(null, "/actuator/sqlcount");

    Map<String, Object> result = new LinkedHashMap<>();
    result.put("app", target.name());
    result.put("clients", clients);
    result.put("stories", stories);
    result.put("warmup", warmup);
    result.put("pollMillis", pollMillis);
    result.put("startupMillis", options.containsKey("startup-ms")
        ? Arrays.stream(one(options, "startup-ms", "").split(",")).filter(v -> !v.isBlank()).map(Long::valueOf).toList()
        : List.of());
    result.put("seconds", Math.round(seconds * 100) / 100.0);
    result.put("measuredFrom", measuredFrom);
    result.put("measuredTo", measuredTo);
    result.put("loadAverageBefore", loadBefore);
    result.put("loadAverageAfter", loadAverage());
    result.put("lifecyclesDone", run.lifecyclesDone.get());
    result.put("lifecyclesFailed", run.lifecyclesFailed.get());
    result.put("completionsOk", run.completionsOk.get());
    result.put("requestsFailed", run.requestsFailed.get());
    result.put("lifecyclesPerSecond", Math.round(run.lifecyclesDone.get() / seconds * 1000) / 1000.0);
    result.put("completionsPerSecond", Math.round(run.completionsOk.get() / seconds * 100) / 100.0);
    result.put("start", run.starts.summary());
    result.put("complete", run.completions.summary());
    result.put("poll", run.polls.summary());
    result.put("lifecycle", run.lifecycles.summary());
    result.put("completeByTask", run.perTask());
    result.put("waitByTask", run.waitsPerTask());
    result.put("errors", run.errorCounts());
    result.put("warmupErrors", warm.errorCounts());
    result.put("sql", sql.ok() ? sql.json() : null);
    Path out = Path.of(one(options, "out", "lifecycle-load-" + target.name() + ".json"));
    Files.createDirectories(out.toAbsolutePath().getParent());
    Http.JSON.copy().enable(SerializationFeature.INDENT_OUTPUT).writeValue(out.toFile(), result);
    System.out.printf("%s: %d/%d lifecycles in %.1f s, %.3f lifecycles/s, %.2f completions/s, %d failed requests%n",
        target.name(), run.lifecyclesDone.get(), stories, seconds, run.lifecyclesDone.get() / seconds,
        run.completionsOk.get() / seconds, run.requestsFailed.get());
  }

  /**
   * Storyflow plans stories into a sprint that must exist and be started (when its sprint API is
   * there); the bare app takes any value.
   */
  private static String sprint(Http http, Target target, String runId) {
    String sprint = "LL-" + runId;
    if ("storyflow".equals(target.name())) {
      Http.Reply created = http.post(target.starter(), "/api/sprints",
          Map.of("sprintId", sprint, "name", "Load " + runId, "goal", "Lifecycle load benchmark"));
      if (created.ok()) {
        Http.Reply started = http.post(target.starter(), "/api/sprints/" + sprint + "/start", Map.of());
        System.out.printf("sprint %s created (%d) and started (%d)%n", sprint, created.status(), started.status());
      }
    }
    return sprint;
  }

  private static String loadAverage() {
    try {
      String[] fields = Files.readString(Path.of("/proc/loadavg")).strip().split(" ");
      return fields[0] + " " + fields[1] + " " + fields[2];
    } catch (IOException e) {
      return "?";
    }
  }

  static Map<String, List<String>> options(String[] args) {
    Map<String, List<String>> options = new HashMap<>();
    for (int i = 1; i < args.length; i++) {
      if (!args[i].startsWith("--") || i + 1 >= args.length) {
        throw new IllegalArgumentException("expected --name value at " + args[i]);
      }
      options.computeIfAbsent(args[i].substring(2), k -> new ArrayList<>()).add(args[++i]);
    }
    return options;
  }

  static String one(Map<String, List<String>> options, String name, String otherwise) {
    List<String> values = options.get(name);
    if (values == null || values.isEmpty()) {
      if (otherwise == null) {
        throw new IllegalArgumentException("--" + name + " is required");
      }
      return otherwise;
    }
    return values.get(values.size() - 1);
  }

  static JsonNode read(Path file) throws IOException {
    return Http.JSON.readTree(file.toFile());
  }
}
