package dev.storyflow.sprint;

import java.sql.Date;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/** The sprints ({@code SF_SPRINT}) and what each held when it closed ({@code SF_SPRINT_STORY}). */
@Component
class SprintStore {

  private static final String COLUMNS =
      "SPRINT_ID, NAME, GOAL, START_DATE, END_DATE, STATE, CREATED_AT, CREATED_BY, STARTED_AT, CLOSED_AT";

  /** The column's size; a story's title is at most as long (an admin's start may step around that). */
  private static final int MAX_TITLE = 200;

  private final JdbcTemplate jdbc;

  SprintStore(JdbcTemplate jdbc) {
    this.jdbc = jdbc;
  }

  /**
   * @throws SprintConflictException when the id is taken
   */
  void insert(Sprint sprint) {
    try {
      jdbc.update("INSERT INTO SF_SPRINT (" + COLUMNS + ") VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
          sprint.sprintId(), sprint.name(), sprint.goal(), date(sprint.startDate()), date(sprint.endDate()),
          sprint.state().name(), Timestamp.from(sprint.createdAt()), sprint.createdBy(), null, null);
    } catch (DuplicateKeyException e) {
      throw new SprintConflictException("A sprint " + sprint.sprintId() + " exists already");
    }
  }

  Optional<Sprint> find(String sprintId) {
    return jdbc.query("SELECT " + COLUMNS + " FROM SF_SPRINT WHERE SPRINT_ID = ?", SprintStore::sprint, sprintId)
        .stream().findFirst();
  }

  /**
   * Reads the sprint's state and locks its row until the transaction ends. A story that checks
   * whether its sprint has started takes this lock, and so does starting the sprint: whichever
   * comes second sees what the first one committed.
   */
  Optional<SprintState> lockState(String sprintId) {
    return jdbc.query("SELECT STATE FROM SF_SPRINT WHERE SPRINT_ID = ? FOR UPDATE",
        (rs, row) -> SprintState.valueOf(rs.getString(1)), sprintId).stream().findFirst();
  }

  List<Sprint> list() {
    return jdbc.query("SELECT " + COLUMNS + " FROM SF_SPRINT ORDER BY CREATED_AT, SPRINT_ID", SprintStore::sprint);
  }

  /** Moves the sprint from one state to the next; false when it was not in {@code from}. */
  boolean transition(String sprintId, SprintState from, SprintState to, Instant at) {
    String column = to == SprintState.STARTED ? "STARTED_AT" : "CLOSED_AT";
    return jdbc.update("UPDATE SF_SPRINT SET STATE = ?, " + column + " = ? WHERE SPRINT_ID = ? AND STATE = ?",
        to.name(), Timestamp.from(at), sprintId, from.name()) == 1;
  }

  /** Fills in the dates the sprint was created without (a sprint starts today if it had no start date). */
  void setDatesIfMissing(String sprintId, java.time.LocalDate start, java.time.LocalDate end) {
    jdbc.update("UPDATE SF_SPRINT SET START_DATE = COALESCE(START_DATE, ?), END_DATE = COALESCE(END_DATE, ?) "
        + "WHERE SPRINT_ID = ?", date(start), date(end), sprintId);
  }

  /** Records what the sprint holds as it closes ({@code SF_SPRINT_STORY}), in the closing transaction. */
  void recordClosing(String sprintId, List<SprintView.SprintStory> stories) {
    jdbc.batchUpdate("INSERT INTO SF_SPRINT_STORY (SPRINT_ID, STORY_ID, TITLE, STATUS, STORY_POINTS) VALUES (?, ?, ?, ?, ?)",
        stories.stream().map(s -> new Object[] {sprintId, s.storyId(), upTo(s.title(), MAX_TITLE), s.status(),
            s.storyPoints()}).toList());
  }

  /** The stories the sprint held when it closed, by id; empty for a sprint closed before they were recorded. */
  List<SprintView.SprintStory> closingStories(String sprintId) {
    return jdbc.query("SELECT STORY_ID, TITLE, STATUS, STORY_POINTS FROM SF_SPRINT_STORY WHERE SPRINT_ID = ? "
            + "ORDER BY STORY_ID", (rs, row) -> SprintView.SprintStory.of(rs.getString("STORY_ID"),
            rs.getString("TITLE"), rs.getString("STATUS"), rs.getObject("STORY_POINTS", Integer.class)), sprintId);
  }

  private static String upTo(String text, int length) {
    return text == null || text.length() <= length ? text : text.substring(0, length);
  }

  private static Sprint sprint(ResultSet rs, int row) throws SQLException {
    return new Sprint(rs.getString("SPRINT_ID"), rs.getString("NAME"), rs.getString("GOAL"),
        localDate(rs.getDate("START_DATE")), localDate(rs.getDate("END_DATE")),
        SprintState.valueOf(rs.getString("STATE")), instant(rs.getTimestamp("CREATED_AT")),
        rs.getString("CREATED_BY"), instant(rs.getTimestamp("STARTED_AT")), instant(rs.getTimestamp("CLOSED_AT")));
  }

  private static Date date(java.time.LocalDate date) {
    return date == null ? null : Date.valueOf(date);
  }

  private static java.time.LocalDate localDate(Date date) {
    return date == null ? null : date.toLocalDate();
  }

  private static Instant instant(Timestamp timestamp) {
    return timestamp == null ? null : timestamp.toInstant();
  }
}
