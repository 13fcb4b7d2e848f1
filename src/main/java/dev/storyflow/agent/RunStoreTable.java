package dev.storyflow.agent;

import dev.storyflow.lifecycle.StoryVariables;
import java.math.BigDecimal;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.spin.plugin.variable.SpinValues;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.ConcurrencyFailureException;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The {@link RunStore} of an engine node: agent runs in {@code SF_AGENT_RUN}, and the story's
 * {@code agentRuns} variable. Every write commits in a transaction of its own, never in the
 * caller's: a run stays recorded whatever happens to the step afterwards.
 */
@Component
class RunStoreTable implements RunStore {

  private static final int START_ATTEMPTS = 5;
  private static final Logger LOG = LoggerFactory.getLogger(RunStore.class);

  private static final String COLUMNS = "PROC_INST_ID, RUN_NUMBER, STORY_ID, STEP, JOB_ID, ATTEMPT, OUTCOME, "
      + "REASON, STARTED, DURATION_MS, EXIT_CODE, TIMED_OUT, COST_USD, TURNS, SESSION_ID, SUMMARY, RESULT_JSON, "
      + "STDOUT_BYTES, STDERR_BYTES, NODE";

  private final JdbcTemplate jdbc;
  private final TransactionTemplate ownTransaction;
  private final RuntimeService runtimeService;
  private final String node;

  RunStoreTable(JdbcTemplate jdbc, PlatformTransactionManager transactions, RuntimeService runtimeService) {
    this.jdbc = jdbc;
    this.runtimeService = runtimeService;
    this.ownTransaction = new TransactionTemplate(transactions);
    this.ownTransaction.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
    this.node = hostName();
  }

  /**
   * The number is the story's next one, counted in {@code SF_AGENT_RUN_COUNTER}: the increment
   * locks the story's counter row until the run's row is committed, so runs started at the same
   * time on any node get distinct numbers. When two first runs of a story both create the counter
   * row, one of them fails on its primary key and is tried again, and then finds the row.
   */
  @Override
  public AgentRun start(String processInstanceId, String storyId, String step, String jobId) {
    return start(processInstanceId, storyId, step, jobId, node);
  }

  /** Records a run started on another host: a remote worker's. */
  AgentRun start(String processInstanceId, String storyId, String step, String jobId, String node) {
    for (int attempt = 1; ; attempt++) {
      try {
        return ownTransaction.execute(tx -> insert(processInstanceId, storyId, step, jobId, node));
      } catch (DuplicateKeyException | ConcurrencyFailureException e) {
        if (attempt == START_ATTEMPTS) {
          throw e;
        }
        LOG.debug("Starting a run of {} clashed with a parallel start ({}); trying again", processInstanceId,
            e.getClass().getSimpleName());
      }
    }
  }

  private AgentRun insert(String processInstanceId, String storyId, String step, String jobId, String node) {
    int attempt = jobId == null ? 1 : 1 + jdbc.queryForObject(
        "SELECT COUNT(*) FROM SF_AGENT_RUN WHERE JOB_ID = ? AND OUTCOME <> ?", Integer.class,
        jobId, RunOutcome.NOT_STARTED.name());
    int number = nextNumber(processInstanceId);
    Instant started = Instant.now();
    jdbc.update("INSERT INTO SF_AGENT_RUN (PROC_INST_ID, RUN_NUMBER, STORY_ID, STEP, JOB_ID, ATTEMPT, OUTCOME, "
            + "STARTED, TIMED_OUT, NODE) VALUES (?, ?, ?, ?, ?, ?, ?, ?, FALSE, ?)",
        processInstanceId, number, storyId, step, jobId, attempt, RunOutcome.RUNNING.name(),
        started.atOffset(ZoneOffset.UTC), node);
    return new AgentRun(processInstanceId, number, storyId, step, jobId, attempt, RunOutcome.RUNNING, null,
        started, null, null, false, null, null, null, null, null, null, null, node);
  }

  /** The story's next run number, its counter row locked until the transaction ends. */
  private int nextNumber(String processInstanceId) {
    int counted = jdbc.update("UPDATE SF_AGENT_RUN_COUNTER SET LAST_NUMBER = LAST_NUMBER + 1 WHERE PROC_INST_ID = ?",
        processInstanceId);
    if (counted == 0) {
      jdbc.update("INSERT INTO SF_AGENT_RUN_COUNTER (PROC_INST_ID, LAST_NUMBER) VALUES (?, 1)", processInstanceId);
      return 1;
    }
    return jdbc.queryForObject("SELECT LAST_NUMBER FROM SF_AGENT_RUN_COUNTER WHERE PROC_INST_ID = ?", Integer.class,
        processInstanceId);
  }

  @Override
  public void finish(AgentRun run, String stdout, String stderr) {
    ownTransaction.executeWithoutResult(tx -> jdbc.update("UPDATE SF_AGENT_RUN SET OUTCOME = ?, REASON = ?, "
            + "DURATION_MS = ?, EXIT_CODE = ?, TIMED_OUT = ?, COST_USD = ?, TURNS = ?, SESSION_ID = ?, SUMMARY = ?, "
            + "RESULT_JSON = ?, STDOUT_BYTES = ?, STDERR_BYTES = ?, STDOUT = ?, STDERR = ? "
            + "WHERE PROC_INST_ID = ? AND RUN_NUMBER = ?",
        run.outcome().name(), clip(run.reason()), run.durationMs(), run.exitCode(), run.timedOut(), run.costUsd(),
        run.turns(), clip(run.sessionId(), 255), clip(run.summary()), run.resultJson(), run.stdoutBytes(),
        run.stderrBytes(), stdout, stderr, run.processInstanceId(), run.number()));
  }

  @Override
  public int markLost(String processInstanceId, String step) {
    return ownTransaction.execute(tx -> jdbc.update("UPDATE SF_AGENT_RUN SET OUTCOME = ?, REASON = ? "
            + "WHERE PROC_INST_ID = ? AND STEP = ? AND OUTCOME = ?",
        RunOutcome.LOST.name(), LOST_REASON, processInstanceId, step, RunOutcome.RUNNING.name()));
  }

  @Override
  public void markChecksFailed(AgentRun run, String report) {
    ownTransaction.executeWithoutResult(tx -> jdbc.update("UPDATE SF_AGENT_RUN SET OUTCOME = ?, REASON = ? "
            + "WHERE PROC_INST_ID = ? AND RUN_NUMBER = ?",
        RunOutcome.CHECKS_FAILED.name(), clip("The step's checks failed on this run's work: " + report, MAX_TEXT),
        run.processInstanceId(), run.number()));
  }

  @Override
  public List<AgentRun> list(String processInstanceId) {
    return ownTransaction.execute(tx -> jdbc.query("SELECT " + COLUMNS + " FROM SF_AGENT_RUN WHERE PROC_INST_ID = ? "
        + "ORDER BY RUN_NUMBER", ROW, processInstanceId));
  }

  @Override
  public Optional<AgentRun> lastOfJob(String jobId) {
    if (jobId == null) {
      return Optional.empty();
    }
    return ownTransaction.execute(tx -> jdbc.query("SELECT " + COLUMNS + " FROM SF_AGENT_RUN WHERE JOB_ID = ? "
        + "ORDER BY RUN_NUMBER DESC", ROW, jobId).stream().findFirst());
  }

  @Override
  public BigDecimal spentUsd(String processInstanceId) {
    BigDecimal spent = ownTransaction.execute(tx -> jdbc.queryForObject(
        "SELECT SUM(COST_USD) FROM SF_AGENT_RUN WHERE PROC_INST_ID = ?", BigDecimal.class, processInstanceId));
    return spent == null ? BigDecimal.ZERO : spent;
  }

  @Override
  public Optional<RunLog> log(String processInstanceId, int number) {
    return ownTransaction.execute(tx -> jdbc.query("SELECT " + COLUMNS + ", STDOUT, STDERR FROM SF_AGENT_RUN "
            + "WHERE PROC_INST_ID = ? AND RUN_NUMBER = ?",
        (rs, i) -> new RunLog(ROW.mapRow(rs, i), rs.getString("STDOUT"), rs.getString("STDERR")),
        processInstanceId, number).stream().findFirst());
  }

  @Override
  public void publish(String processInstanceId, String agentRuns) {
    runtimeService.setVariable(processInstanceId, StoryVariables.AGENT_RUNS, SpinValues.jsonValue(agentRuns).create());
  }

  private static final RowMapper<AgentRun> ROW = RunStoreTable::row;

  private static AgentRun row(ResultSet rs, int i) throws SQLException {
    return new AgentRun(rs.getString("PROC_INST_ID"), rs.getInt("RUN_NUMBER"), rs.getString("STORY_ID"),
        rs.getString("STEP"), rs.getString("JOB_ID"), rs.getInt("ATTEMPT"), RunOutcome.valueOf(rs.getString("OUTCOME")),
        rs.getString("REASON"), rs.getObject("STARTED", OffsetDateTime.class).toInstant(),
        rs.getObject("DURATION_MS", Long.class), rs.getObject("EXIT_CODE", Integer.class), rs.getBoolean("TIMED_OUT"),
        rs.getBigDecimal("COST_USD"), rs.getObject("TURNS", Integer.class), rs.getString("SESSION_ID"),
        rs.getString("SUMMARY"), rs.getString("RESULT_JSON"), rs.getObject("STDOUT_BYTES", Long.class),
        rs.getObject("STDERR_BYTES", Long.class), rs.getString("NODE"));
  }

  static String clip(String text) {
    return clip(text, MAX_TEXT);
  }

  private static String clip(String text, int max) {
    return text == null || text.length() <= max ? text : text.substring(0, max - 1) + "…";
  }

  private static String hostName() {
    try {
      return InetAddress.getLocalHost().getHostName();
    } catch (UnknownHostException e) {
      return "unknown";
    }
  }
}
