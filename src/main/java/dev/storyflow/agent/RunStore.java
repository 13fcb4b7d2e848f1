package dev.storyflow.agent;

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
 * Agent runs in {@code SF_AGENT_RUN}. Every write commits in a transaction of its own: a run
 * stays recorded even when the job that ran it is rolled back to be retried.
 */
@Component
class RunStore {

  static final int MAX_TEXT = 4000;
  private static final int START_ATTEMPTS = 5;
  private static final Logger LOG = LoggerFactory.getLogger(RunStore.class);

  private static final String COLUMNS = "PROC_INST_ID, RUN_NUMBER, STORY_ID, STEP, JOB_ID, ATTEMPT, OUTCOME, "
      + "REASON, STARTED, DURATION_MS, EXIT_CODE, TIMED_OUT, COST_USD, TURNS, SESSION_ID, SUMMARY, RESULT_JSON, "
      + "STDOUT_BYTES, STDERR_BYTES, NODE";

  private final JdbcTemplate jdbc;
  private final TransactionTemplate ownTransaction;
  private final String node;

  RunStore(JdbcTemplate jdbc, PlatformTransactionManager transactions) {
    this.jdbc = jdbc;
    this.ownTransaction = new TransactionTemplate(transactions);
    this.ownTransaction.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
    this.node = hostName();
  }

  /**
   * Records a run as started and returns it with its number and attempt. The number is the story's
   * next one, counted in {@code SF_AGENT_RUN_COUNTER}: the increment locks the story's counter row
   * until the run's row is committed, so runs started at the same time on any node get distinct
   * numbers. When two first runs of a story both create the counter row, one of them fails on its
   * primary key and is tried again, and then finds the row.
   */
  AgentRun start(String processInstanceId, String storyId, String step, String jobId) {
    for (int attempt = 1; ; attempt++) {
      try {
        return ownTransaction.execute(tx -> insert(processInstanceId, storyId, step, jobId));
      } catch (DuplicateKeyException | ConcurrencyFailureException e) {
        if (attempt == START_ATTEMPTS) {
          throw e;
        }
        LOG.debug("Starting a run of {} clashed with a parallel start ({}); trying again", processInstanceId,
            e.getClass().getSimpleName());
      }
    }
  }

  private AgentRun insert(String processInstanceId, String storyId, String step, String jobId) {
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

  /** Records how a run ended, with its capped output. */
  void finish(AgentRun run, String stdout, String stderr) {
    ownTransaction.executeWithoutResult(tx -> jdbc.update("UPDATE SF_AGENT_RUN SET OUTCOME = ?, REASON = ?, "
            + "DURATION_MS = ?, EXIT_CODE = ?, TIMED_OUT = ?, COST_USD = ?, TURNS = ?, SESSION_ID = ?, SUMMARY = ?, "
            + "RESULT_JSON = ?, STDOUT_BYTES = ?, STDERR_BYTES = ?, STDOUT = ?, STDERR = ? "
            + "WHERE PROC_INST_ID = ? AND RUN_NUMBER = ?",
        run.outcome().name(), clip(run.reason()), run.durationMs(), run.exitCode(), run.timedOut(), run.costUsd(),
        run.turns(), clip(run.sessionId(), 255), clip(run.summary()), run.resultJson(), run.stdoutBytes(),
        run.stderrBytes(), stdout, stderr, run.processInstanceId(), run.number()));
  }

  /**
   * Marks the step's runs that are still {@code RUNNING} as lost: their node died or Storyflow
   * stopped during them. Called when the step's job runs again, which the job lock allows only
   * once the earlier attempt can no longer be running.
   */
  int markLost(String processInstanceId, String step) {
    return ownTransaction.execute(tx -> jdbc.update("UPDATE SF_AGENT_RUN SET OUTCOME = ?, REASON = ? "
            + "WHERE PROC_INST_ID = ? AND STEP = ? AND OUTCOME = ?",
        RunOutcome.LOST.name(), "Storyflow stopped during the run (the engine was shut down or the node died); "
            + "the run was retried", processInstanceId, step, RunOutcome.RUNNING.name()));
  }

  /** Records that the step's checks failed on the work of a run that said it was done. */
  void markChecksFailed(AgentRun run, String report) {
    ownTransaction.executeWithoutResult(tx -> jdbc.update("UPDATE SF_AGENT_RUN SET OUTCOME = ?, REASON = ? "
            + "WHERE PROC_INST_ID = ? AND RUN_NUMBER = ?",
        RunOutcome.CHECKS_FAILED.name(), clip("The step's checks failed on this run's work: " + report, MAX_TEXT),
        run.processInstanceId(), run.number()));
  }

  /** The story's runs, oldest first, without their output. */
  List<AgentRun> list(String processInstanceId) {
    return ownTransaction.execute(tx -> jdbc.query("SELECT " + COLUMNS + " FROM SF_AGENT_RUN WHERE PROC_INST_ID = ? "
        + "ORDER BY RUN_NUMBER", ROW, processInstanceId));
  }

  /** The last run of a job, if any. */
  Optional<AgentRun> lastOfJob(String jobId) {
    if (jobId == null) {
      return Optional.empty();
    }
    return ownTransaction.execute(tx -> jdbc.query("SELECT " + COLUMNS + " FROM SF_AGENT_RUN WHERE JOB_ID = ? "
        + "ORDER BY RUN_NUMBER DESC", ROW, jobId).stream().findFirst());
  }

  /** What the story's runs have cost so far, in US dollars. */
  BigDecimal spentUsd(String processInstanceId) {
    BigDecimal spent = ownTransaction.execute(tx -> jdbc.queryForObject(
        "SELECT SUM(COST_USD) FROM SF_AGENT_RUN WHERE PROC_INST_ID = ?", BigDecimal.class, processInstanceId));
    return spent == null ? BigDecimal.ZERO : spent;
  }

  /** A run's captured stdout and stderr. */
  Optional<RunLog> log(String processInstanceId, int number) {
    return ownTransaction.execute(tx -> jdbc.query("SELECT " + COLUMNS + ", STDOUT, STDERR FROM SF_AGENT_RUN "
            + "WHERE PROC_INST_ID = ? AND RUN_NUMBER = ?",
        (rs, i) -> new RunLog(ROW.mapRow(rs, i), rs.getString("STDOUT"), rs.getString("STDERR")),
        processInstanceId, number).stream().findFirst());
  }

  /**
   * @param run the run
   * @param stdout what it printed on stdout (capped), or {@code null}
   * @param stderr what it printed on stderr (capped), or {@code null}
   */
  record RunLog(AgentRun run, String stdout, String stderr) {
  }

  private static final RowMapper<AgentRun> ROW = RunStore::row;

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
