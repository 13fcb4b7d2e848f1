package dev.storyflow.audit;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.util.List;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * The append-only audit of decisions and overrides ({@code SF_AUDIT}). Entries are written with
 * the caller's transaction, which is the engine's when a task completes, so an entry exists exactly
 * when its decision does. Nothing here updates or deletes an entry; PostgreSQL refuses it too.
 */
@Component
public class AuditLog {

  private static final String COLUMNS = "ID, STORY_ID, PROC_INST_ID, AT, ACTOR, KIND, STATUS, TASK_ID, TASK_KEY, "
      + "OUTCOME, REWORK_TO, COMMENT, REASON, EVIDENCE";

  private final JdbcTemplate jdbc;

  AuditLog(JdbcTemplate jdbc) {
    this.jdbc = jdbc;
  }

  public void append(AuditEntry entry) {
    jdbc.update("INSERT INTO SF_AUDIT (STORY_ID, PROC_INST_ID, AT, ACTOR, KIND, STATUS, TASK_ID, TASK_KEY, OUTCOME, "
            + "REWORK_TO, COMMENT, REASON, EVIDENCE) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
        entry.storyId(), entry.processInstanceId(), Timestamp.from(entry.at()), entry.actor(), entry.kind(),
        entry.status(), entry.taskId(), entry.taskDefinitionKey(), entry.outcome(), entry.reworkTo(), entry.comment(),
        entry.reason(), entry.evidence());
  }

  /** Every entry of a story, oldest first. */
  public List<AuditEntry> forStory(String storyId) {
    return jdbc.query("SELECT " + COLUMNS + " FROM SF_AUDIT WHERE STORY_ID = ? ORDER BY ID", AuditLog::entry, storyId);
  }

  /** The overrides of one process instance, oldest first. */
  public List<AuditEntry> overrides(String processInstanceId) {
    return jdbc.query("SELECT " + COLUMNS + " FROM SF_AUDIT WHERE PROC_INST_ID = ? AND KIND = ? ORDER BY ID",
        AuditLog::entry, processInstanceId, AuditEntry.OVERRIDE);
  }

  private static AuditEntry entry(ResultSet row, int number) throws SQLException {
    return new AuditEntry(row.getLong("ID"), row.getString("STORY_ID"), row.getString("PROC_INST_ID"),
        row.getTimestamp("AT").toInstant(), row.getString("ACTOR"), row.getString("KIND"), row.getString("STATUS"),
        row.getString("TASK_ID"), row.getString("TASK_KEY"), row.getString("OUTCOME"), row.getString("REWORK_TO"),
        row.getString("COMMENT"), row.getString("REASON"), row.getString("EVIDENCE"));
  }
}
