package dev.storyflow.bare.load;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.MissingNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeSet;
import java.util.function.ToDoubleFunction;

/** The Markdown report of one benchmark run: Storyflow and the bare app side by side. */
final class LoadReport {

  private final JsonNode storyflow;
  private final JsonNode bare;
  private final StringBuilder md = new StringBuilder();

  private LoadReport(JsonNode storyflow, JsonNode bare) {
    this.storyflow = storyflow;
    this.bare = bare;
  }

  static void write(Map<String, List<String>> options) throws IOException {
    LoadReport report = new LoadReport(read(options, "storyflow"), read(options, "bare"));
    report.render(options.getOrDefault("meta", List.of()));
    report.profiles(options);
    String text = report.md.toString();
    Path out = Path.of(LifecycleLoad.one(options, "out", "lifecycle-load.md"));
    Files.createDirectories(out.toAbsolutePath().getParent());
    Files.writeString(out, text);
    System.out.print(text);
  }

  private static JsonNode read(Map<String, List<String>> options, String name) throws IOException {
    List<String> files = options.get(name);
    return files == null || !Files.exists(Path.of(files.get(0))) ? MissingNode.getInstance()
        : LifecycleLoad.read(Path.of(files.get(0)));
  }

  private String render(List<String> meta) {
    JsonNode any = storyflow.isMissingNode() ? bare : storyflow;
    md.append("# Lifecycle load: Storyflow and a bare Camunda app\n\n");
    for (String line : meta) {
      int eq = line.indexOf('=');
      md.append("- ").append(line, 0, eq).append(": ").append(line.substring(eq + 1)).append('\n');
    }
    md.append(String.format(Locale.ROOT, "- load: clients %d, stories %d (after %d warm-up stories, not counted), "
        + "a client polls every %d ms while its story has no open task%n%n", any.path("clients").asInt(), any.path("stories").asInt(),
        any.path("warmup").asInt(), any.path("pollMillis").asInt()));
    throughput();
    sql();
    shapes("Where a completion's SQL goes", "request:complete", n -> requests(n, "request:complete"),
        "statements per completion request, by verb and first table");
    shapes("Where the jobs' SQL goes", "jobs", n -> n.path("lifecyclesDone").asDouble(),
        "statements in job-executor threads per lifecycle, by verb and first table");
    perTask();
    errors();
    return md.toString();
  }

  /** Appends where each app's CPU samples fell during the measured part, from its flight recording. */
  private void profiles(Map<String, List<String>> options) throws IOException {
    String storyflowJfr = LifecycleLoad.one(options, "storyflow-jfr", "");
    String bareJfr = LifecycleLoad.one(options, "bare-jfr", "");
    if (storyflowJfr.isEmpty() && bareJfr.isEmpty()) {
      return;
    }
    md.append("## Where the CPU goes (Java Flight Recorder, measured part only)\n\n");
    if (!storyflowJfr.isEmpty() && Files.exists(Path.of(storyflowJfr))) {
      md.append(CpuProfile.of(Path.of(storyflowJfr), storyflow).markdown("Storyflow"));
    }
    if (!bareJfr.isEmpty() && Files.exists(Path.of(bareJfr))) {
      md.append(CpuProfile.of(Path.of(bareJfr), bare).markdown("bare Camunda"));
    }
  }

  private void throughput() {
    md.append("## Throughput and latency\n\n| figure | Storyflow | bare Camunda | Storyflow / bare |\n|---|---:|---:|---:|\n");
    row("**start-up** to /actuator/health 200, median (s)", n -> median(n.path("startupMillis")) / 1000, 1, true);
    md.append("| start-up samples, fresh database each (s) | ").append(samples(storyflow)).append(" | ")
        .append(samples(bare)).append(" | |\n");
    row("lifecycles done", n -> n.path("lifecyclesDone").asDouble(), 0, false);
    row("lifecycles failed or given up", n -> n.path("lifecyclesFailed").asDouble(), 0, false);
    row("wall time (s)", n -> n.path("seconds").asDouble(), 1, true);
    row("**lifecycles/s**", n -> n.path("lifecyclesPerSecond").asDouble(), 3, true);
    row("**completions/s**", n -> n.path("completionsPerSecond").asDouble(), 2, true);
    row("start p50 (ms)", n -> n.path("start").path("p50").asDouble(Double.NaN), 0, true);
    row("start p99 (ms)", n -> n.path("start").path("p99").asDouble(Double.NaN), 0, true);
    row("complete p50 (ms)", n -> n.path("complete").path("p50").asDouble(Double.NaN), 0, true);
    row("**complete p99 (ms)**", n -> n.path("complete").path("p99").asDouble(Double.NaN), 0, true);
    row("poll p50 (ms)", n -> n.path("poll").path("p50").asDouble(Double.NaN), 0, true);
    row("lifecycle p50 (s)", n -> n.path("lifecycle").path("p50").asDouble(Double.NaN) / 1000, 1, true);
    row("lifecycle max (s)", n -> n.path("lifecycle").path("max").asDouble(Double.NaN) / 1000, 1, true);
    row("**errors** (non-2xx replies)", n -> n.path("requestsFailed").asDouble(), 0, false);
    md.append("| load average (1, 5, 15 min) before / after | ").append(loads(storyflow)).append(" | ")
        .append(loads(bare)).append(" | |\n\n");
  }

  private void sql() {
    md.append("## SQL\n\nCounted by datasource-proxy around the data source (on only in benchmark runs), during the "
        + "measured part; a JDBC batch counts once per row.\n\n"
        + "| per | Storyflow | bare Camunda | Storyflow / bare |\n|---|---:|---:|---:|\n");
    row("**statements per completion request**", n -> per(n, "request:complete", "statements"), 1, true);
    row("round trips per completion request", n -> per(n, "request:complete", "roundTrips"), 1, true);
    row("commits per completion request", n -> per(n, "request:complete", "commits"), 2, true);
    row("SQL time per completion request (ms)", n -> per(n, "request:complete", "sqlMillis"), 2, true);
    row("server time per completion request (ms)", n -> per(n, "request:complete", "requestMillis"), 1, true);
    row("statements per start request", n -> per(n, "request:start", "statements"), 1, true);
    row("server time per start request (ms)", n -> per(n, "request:start", "requestMillis"), 1, true);
    row("job statements per lifecycle", n -> total(n, "jobs", "statements") / n.path("lifecyclesDone").asDouble(), 1, true);
    row("job commits per lifecycle", n -> total(n, "jobs", "commits") / n.path("lifecyclesDone").asDouble(), 1, true);
    row("**statements per completion, whole lifecycle** (start, completions, jobs, other threads; no polling)",
        n -> lifecycleStatements(n) / n.path("completionsOk").asDouble(), 1, true);
    row("statements per poll request", n -> per(n, "request:poll", "statements"), 1, true);
    row("job-acquisition statements per second", n -> total(n, "job-acquisition", "statements") / n.path("seconds").asDouble(), 1, true);
    md.append("\nOther threads that ran SQL during the run: ");
    TreeSet<String> others = new TreeSet<>();
    for (JsonNode node : List.of(storyflow, bare)) {
      node.path("sql").fieldNames().forEachRemaining(kind -> {
        if (!List.of("request:complete", "request:start", "request:poll", "jobs", "job-acquisition").contains(kind)) {
          others.add(String.format(Locale.ROOT, "%s %s (%d statements)", node.path("app").asText(), kind,
              (long) total(node, kind, "statements")));
        }
      });
    }
    md.append(others.isEmpty() ? "none" : String.join(", ", others)).append(".\n\n");
  }

  private void shapes(String title, String kind, ToDoubleFunction<JsonNode> per, String what) {
    md.append("## ").append(title).append("\n\n").append(capitalize(what)).append(" (the 25 largest differences).\n\n")
        .append("| statement | Storyflow | bare Camunda | difference |\n|---|---:|---:|---:|\n");
    TreeSet<String> names = new TreeSet<>();
    for (JsonNode node : List.of(storyflow, bare)) {
      node.path("sql").path(kind).path("byStatement").fieldNames().forEachRemaining(names::add);
    }
    List<String[]> rows = new ArrayList<>();
    List<Double> differences = new ArrayList<>();
    for (String name : names) {
      double a = shape(storyflow, kind, name, per);
      double b = shape(bare, kind, name, per);
      rows.add(new String[] {name, fmt(a, 2), fmt(b, 2), fmt(a - b, 2)});
      differences.add(Math.abs(a - b));
    }
    List<Integer> order = new ArrayList<>();
    for (int i = 0; i < rows.size(); i++) {
      order.add(i);
    }
    order.sort(Comparator.comparing((Integer i) -> differences.get(i)).reversed());
    order.stream().limit(25).forEach(i -> md.append("| ").append(String.join(" | ", rows.get(i))).append(" |\n"));
    md.append('\n');
  }

  private void perTask() {
    byTask("Completion latency by task (ms)", "completeByTask");
    byTask("Wait before each task (ms): from the previous completion or the start until a poll lists it",
        "waitByTask");
  }

  private void byTask(String title, String field) {
    md.append("## ").append(title).append("\n\n| task | Storyflow n | p50 | p99 | bare n | p50 | p99 |\n"
        + "|---|---:|---:|---:|---:|---:|---:|\n");
    TreeSet<String> keys = new TreeSet<>();
    storyflow.path(field).fieldNames().forEachRemaining(keys::add);
    bare.path(field).fieldNames().forEachRemaining(keys::add);
    for (String key : keys) {
      JsonNode a = storyflow.path(field).path(key);
      JsonNode b = bare.path(field).path(key);
      md.append("| ").append(key).append(" | ").append(a.path("n").asText("")).append(" | ")
          .append(a.path("p50").asText("")).append(" | ").append(a.path("p99").asText("")).append(" | ")
          .append(b.path("n").asText("")).append(" | ").append(b.path("p50").asText("")).append(" | ")
          .append(b.path("p99").asText("")).append(" |\n");
    }
    md.append('\n');
  }

  private void errors() {
    md.append("## Errors\n\n");
    for (JsonNode node : List.of(storyflow, bare)) {
      if (node.isMissingNode()) {
        continue;
      }
      md.append("- ").append(node.path("app").asText()).append(": ");
      List<String> lines = new ArrayList<>();
      node.path("errors").fields().forEachRemaining(e -> lines.add(e.getValue().asInt() + " × " + e.getKey()));
      node.path("warmupErrors").fields().forEachRemaining(e -> lines.add(e.getValue().asInt() + " × (warm-up) " + e.getKey()));
      md.append(lines.isEmpty() ? "none" : String.join("; ", lines).replace("|", "\\|")).append('\n');
    }
  }

  private void row(String label, ToDoubleFunction<JsonNode> figure, int decimals, boolean ratio) {
    double a = storyflow.isMissingNode() ? Double.NaN : figure.applyAsDouble(storyflow);
    double b = bare.isMissingNode() ? Double.NaN : figure.applyAsDouble(bare);
    String r = ratio && b != 0 && !Double.isNaN(a) && !Double.isNaN(b) ? fmt(a / b, 2) + "×" : "";
    md.append("| ").append(label).append(" | ").append(fmt(a, decimals)).append(" | ").append(fmt(b, decimals))
        .append(" | ").append(r).append(" |\n");
  }

  private static double median(JsonNode values) {
    List<Double> sorted = new ArrayList<>();
    values.forEach(v -> sorted.add(v.asDouble()));
    if (sorted.isEmpty()) {
      return Double.NaN;
    }
    sorted.sort(null);
    int mid = sorted.size() / 2;
    return sorted.size() % 2 == 1 ? sorted.get(mid) : (sorted.get(mid - 1) + sorted.get(mid)) / 2;
  }

  private static String samples(JsonNode node) {
    List<String> values = new ArrayList<>();
    node.path("startupMillis").forEach(v -> values.add(fmt(v.asDouble() / 1000, 1)));
    return String.join(", ", values);
  }

  private static double per(JsonNode node, String kind, String field) {
    return total(node, kind, field) / requests(node, kind);
  }

  private static double requests(JsonNode node, String kind) {
    return node.path("sql").path(kind).path("requests").asDouble(Double.NaN);
  }

  private static double total(JsonNode node, String kind, String field) {
    return node.path("sql").path(kind).path(field).asDouble(0);
  }

  private static double lifecycleStatements(JsonNode node) {
    double sum = 0;
    for (var it = node.path("sql").fields(); it.hasNext(); ) {
      var entry = it.next();
      if (!entry.getKey().equals("request:poll") && !entry.getKey().equals("job-acquisition")) {
        sum += entry.getValue().path("statements").asDouble();
      }
    }
    return sum;
  }

  private static double shape(JsonNode node, String kind, String name, ToDoubleFunction<JsonNode> per) {
    if (node.isMissingNode()) {
      return Double.NaN;
    }
    return node.path("sql").path(kind).path("byStatement").path(name).asDouble(0) / per.applyAsDouble(node);
  }

  private static String loads(JsonNode node) {
    return node.isMissingNode() ? "" : node.path("loadAverageBefore").asText() + " / " + node.path("loadAverageAfter").asText();
  }

  private static String fmt(double value, int decimals) {
    return Double.isNaN(value) || Double.isInfinite(value) ? "–" : String.format(Locale.ROOT, "%,." + decimals + "f", value);
  }

  private static String capitalize(String text) {
    return Character.toUpperCase(text.charAt(0)) + text.substring(1);
  }
}
