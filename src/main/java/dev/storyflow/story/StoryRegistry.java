package dev.storyflow.story;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.Collection;
import java.util.Collections;
import java.util.HashSet;
import java.util.Set;
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

  /**
   * Records that the story reached Done, locking its row until the transaction ends (see
   * {@link #lockDone}).
   */
  public void markDone(String storyId) {
    jdbc.update("UPDATE SF_STORY SET DONE_AT = ? WHERE STORY_ID = ?", Timestamp.from(Instant.now()), storyId);
  }

  /**
   * The ones among these stories that are Done, their rows locked until the transaction ends. A
   * story that checks its dependencies and a dependency that ends at the same moment take the same
   * row lock, so the second one sees what the first one committed.
   */
  public Set<String> lockDone(Collection<String> storyIds) {
    if (storyIds.isEmpty()) {
      return Set.of();
    }
    String marks = String.join(", ", Collections.nCopies(storyIds.size(), "?"));
    Set<String> done = new HashSet<>();
    jdbc.query("SELECT STORY_ID, DONE_AT FROM SF_STORY WHERE STORY_ID IN (" + marks + ") FOR UPDATE", rs -> {
      if (rs.getTimestamp("DONE_AT") != null) {
        done.add(rs.getString("STORY_ID"));
      }
    }, storyIds.toArray());
    return done;
  }

  public boolean exists(String storyId) {
    Integer count = jdbc.queryForObject("SELECT COUNT(*) FROM SF_STORY WHERE STORY_ID = ?", Integer.class, storyId);
    return count != null && count > 0;
  }
}
