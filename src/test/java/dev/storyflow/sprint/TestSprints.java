package dev.storyflow.sprint;

import java.sql.Timestamp;
import java.time.Instant;
import javax.sql.DataSource;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Sprints for tests that walk stories through Planned in Sprint without testing sprints: a started
 * sprint, made once per database, so that stories planned into it go straight on.
 */
public final class TestSprints {

  /** The sprint the test drivers plan stories into. */
  public static final String STARTED = "sprint-12";

  private TestSprints() {
  }

  public static String started(ProcessEngine engine) {
    DataSource dataSource = ((ProcessEngineConfigurationImpl) engine.getProcessEngineConfiguration()).getDataSource();
    JdbcTemplate jdbc = new JdbcTemplate(dataSource);
    Integer count = jdbc.queryForObject("SELECT COUNT(*) FROM SF_SPRINT WHERE SPRINT_ID = ?", Integer.class, STARTED);
    if (count == null || count == 0) {
      Timestamp now = Timestamp.from(Instant.now());
      jdbc.update("INSERT INTO SF_SPRINT (SPRINT_ID, NAME, GOAL, STATE, CREATED_AT, CREATED_BY, STARTED_AT) "
          + "VALUES (?, 'Sprint 12', 'Test stories', 'STARTED', ?, 'test', ?)", STARTED, now, now);
    }
    return STARTED;
  }
}
