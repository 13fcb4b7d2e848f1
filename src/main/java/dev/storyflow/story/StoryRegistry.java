package dev.storyflow.story;

import java.sql.Timestamp;
import java.time.Instant;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.dao.PessimisticLockingFailureException;
import org.springframework.dao.QueryTimeoutException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Every story id ever started ({@code SF_STORY}, primary key = story id). The row is written in the
 * start transaction, so of parallel starts of one id exactly one commits and the others get 409,
 * and an id stays taken after its story is done, withdrawn or deleted.
 */
@Component
public class StoryRegistry {

  private final JdbcTemplate jdbc;

  StoryRegistry(JdbcTemplate jdbc) {
    this.jdbc = jdbc;
  }

  /**
   * @throws DuplicateStoryException when the id is taken, or another start of it has not finished
   */
  void register(String storyId, String processInstanceId, String createdBy) {
    try {
      jdbc.update("INSERT INTO SF_STORY (STORY_ID, PROC_INST_ID, CREATED_AT, CREATED_BY) VALUES (?, ?, ?, ?)",
          storyId, processInstanceId, Timestamp.from(Instant.now()), createdBy);
    } catch (DataIntegrityViolationException e) {
      throw DuplicateStoryException.taken(storyId);
    } catch (PessimisticLockingFailureException | QueryTimeoutException e) {
      // another transaction holds this very key: a start of the same id is under way
      throw DuplicateStoryException.startingElsewhere(storyId);
    }
  }

  public boolean exists(String storyId) {
    Integer count = jdbc.queryForObject("SELECT COUNT(*) FROM SF_STORY WHERE STORY_ID = ?", Integer.class, storyId);
    return count != null && count > 0;
  }
}
