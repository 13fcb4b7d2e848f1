package dev.storyflow.benchmark;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.LongAdder;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import net.ttddyy.dsproxy.ExecutionInfo;
import net.ttddyy.dsproxy.QueryInfo;
import net.ttddyy.dsproxy.StatementType;
import net.ttddyy.dsproxy.listener.MethodExecutionContext;
import net.ttddyy.dsproxy.listener.MethodExecutionListener;
import net.ttddyy.dsproxy.listener.QueryExecutionListener;

/**
 * Counts SQL statements by who ran them: the kind of HTTP request on the current thread (set by
 * {@link SqlCountingFilter}), else the kind of background thread. A statement of a JDBC batch
 * counts once per parameter set; a round trip is one {@code execute}.
 */
class SqlCounter implements QueryExecutionListener, MethodExecutionListener {

  private static final Pattern TABLE = Pattern.compile("\\b(?:from|into|update|join)\\s+([a-z_][a-z0-9_.]*)");
  private static final Pattern WHITESPACE = Pattern.compile("\\s+");
  private static final Pattern TRAILING_NUMBER = Pattern.compile("[-#_]?\\d+$");

  private final ThreadLocal<String> request = new ThreadLocal<>();
  /** When the running statement started: datasource-proxy's own elapsed time is in whole milliseconds. */
  private final ThreadLocal<Long> queryStarted = new ThreadLocal<>();
  private final Map<String, Tally> tallies = new ConcurrentHashMap<>();
  /** Statement text to shape: prepared statements repeat, so the regular expressions run once each. */
  private final Map<String, String> shapes = new ConcurrentHashMap<>();

  /** From now on, SQL on this thread counts for a request of this kind. */
  void requestStarted(String kind) {
    request.set(kind);
  }

  /** The request on this thread is over; counts it and the time it took. */
  void requestEnded(String kind, long nanos) {
    request.remove();
    Tally tally = tally(kind);
    tally.requests.increment();
    tally.requestNanos.add(nanos);
  }

  @Override
  public void beforeQuery(ExecutionInfo execution, List<QueryInfo> queries) {
    queryStarted.set(System.nanoTime());
  }

  @Override
  public void afterQuery(ExecutionInfo execution, List<QueryInfo> queries) {
    Tally tally = tally(currentKind());
    tally.roundTrips.increment();
    Long started = queryStarted.get();
    tally.sqlNanos.add(started == null ? execution.getElapsedTime() * 1_000_000L : System.nanoTime() - started);
    queryStarted.remove();
    for (QueryInfo query : queries) {
      int times = execution.isBatch() && execution.getStatementType() != StatementType.STATEMENT
          ? Math.max(1, query.getParametersList().size()) : 1;
      tally.statements.add(times);
      tally.byStatement.computeIfAbsent(shapes.computeIfAbsent(query.getQuery(), SqlCounter::shape),
          k -> new LongAdder()).add(times);
    }
  }

  @Override
  public void beforeMethod(MethodExecutionContext context) {
    // only commits and rollbacks are counted, after they ran
  }

  @Override
  public void afterMethod(MethodExecutionContext context) {
    String method = context.getMethod().getName();
    if ("commit".equals(method) || "rollback".equals(method)) {
      Tally tally = tally(currentKind());
      ("commit".equals(method) ? tally.commits : tally.rollbacks).increment();
    }
  }

  /** Every tally so far, by kind, sorted. */
  Map<String, Map<String, Object>> snapshot() {
    Map<String, Map<String, Object>> all = new TreeMap<>();
    tallies.forEach((kind, tally) -> all.put(kind, tally.view()));
    return all;
  }

  void reset() {
    tallies.clear();
  }

  private Tally tally(String kind) {
    return tallies.computeIfAbsent(kind, k -> new Tally());
  }

  private String currentKind() {
    String kind = request.get();
    if (kind != null) {
      return kind;
    }
    String thread = Thread.currentThread().getName();
    if (thread.startsWith("JobExecutor[")) {
      return "job-acquisition";
    }
    if (thread.startsWith("camundaTaskExecutor")) {
      return "jobs";
    }
    return "thread:" + TRAILING_NUMBER.matcher(thread).replaceFirst("");
  }

  /** {@code SELECT ACT_RU_TASK}: the statement's verb and first table. */
  static String shape(String sql) {
    String text = WHITESPACE.matcher(sql.strip().toLowerCase(Locale.ROOT)).replaceAll(" ");
    int space = text.indexOf(' ');
    String verb = (space < 0 ? text : text.substring(0, space)).toUpperCase(Locale.ROOT);
    Matcher table = TABLE.matcher(text);
    return table.find() ? verb + " " + table.group(1).toUpperCase(Locale.ROOT) : verb;
  }

  private static final class Tally {
    final LongAdder requests = new LongAdder();
    final LongAdder requestNanos = new LongAdder();
    final LongAdder statements = new LongAdder();
    final LongAdder roundTrips = new LongAdder();
    final LongAdder sqlNanos = new LongAdder();
    final LongAdder commits = new LongAdder();
    final LongAdder rollbacks = new LongAdder();
    final Map<String, LongAdder> byStatement = new ConcurrentHashMap<>();

    Map<String, Object> view() {
      Map<String, Long> statementsByShape = new TreeMap<>();
      byStatement.forEach((shape, count) -> statementsByShape.put(shape, count.sum()));
      return Map.of("requests", requests.sum(), "requestMillis", requestNanos.sum() / 1_000_000,
          "statements", statements.sum(), "roundTrips", roundTrips.sum(), "sqlMillis", sqlNanos.sum() / 1_000_000,
          "commits", commits.sum(), "rollbacks", rollbacks.sum(), "byStatement", statementsByShape);
    }
  }
}
