package dev.storyflow.epic;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.util.List;
import java.util.Optional;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

/**
 * The imported epics ({@code SF_EPIC}, primary key = epic id). Importing an epic again replaces its
 * row: the latest file is the one the export starts from.
 */
@Repository
class EpicStore {

  private static final String SUMMARY = "EPIC_ID, TITLE, EPIC_VERSION, STORY_COUNT, IMPORTED_BY, IMPORTED_AT";

  private final JdbcTemplate jdbc;

  EpicStore(JdbcTemplate jdbc) {
    this.jdbc = jdbc;
  }

  void save(EpicRecord epic) {
    if (update(epic) == 0) {
      try {
        jdbc.update("INSERT INTO SF_EPIC (EPIC_ID, TITLE, EPIC_VERSION, MARKDOWN, STORY_COUNT, IMPORTED_BY, IMPORTED_AT)"
                + " VALUES (?, ?, ?, ?, ?, ?, ?)", epic.epicId(), epic.title(), epic.version(), epic.markdown(),
            epic.storyCount(), epic.importedBy(), Timestamp.from(epic.importedAt()));
      } catch (DuplicateKeyException importedMeanwhile) {
        update(epic);
      }
    }
  }

  private int update(EpicRecord epic) {
    return jdbc.update("UPDATE SF_EPIC SET TITLE = ?, EPIC_VERSION = ?, MARKDOWN = ?, STORY_COUNT = ?, IMPORTED_BY = ?,"
            + " IMPORTED_AT = ? WHERE EPIC_ID = ?", epic.title(), epic.version(), epic.markdown(), epic.storyCount(),
        epic.importedBy(), Timestamp.from(epic.importedAt()), epic.epicId());
  }

  Optional<EpicRecord> find(String epicId) {
    return jdbc.query("SELECT " + SUMMARY + ", MARKDOWN FROM SF_EPIC WHERE EPIC_ID = ?",
        (row, n) -> epic(row, row.getString("MARKDOWN")), epicId).stream().findFirst();
  }

  /** Every epic without its file, by id. */
  List<EpicRecord> list() {
    return jdbc.query("SELECT " + SUMMARY + " FROM SF_EPIC ORDER BY EPIC_ID", (row, n) -> epic(row, null));
  }

  private static EpicRecord epic(ResultSet row, String markdown) throws SQLException {
    return new EpicRecord(row.getString("EPIC_ID"), row.getString("TITLE"), row.getString("EPIC_VERSION"), markdown,
        row.getInt("STORY_COUNT"), row.getString("IMPORTED_BY"), row.getTimestamp("IMPORTED_AT").toInstant());
  }
}
