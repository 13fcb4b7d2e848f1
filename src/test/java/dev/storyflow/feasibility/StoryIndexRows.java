package dev.storyflow.feasibility;

import java.util.List;
import java.util.Map;
import org.springframework.jdbc.core.JdbcTemplate;

/** What the running stories' index holds, read from its tables for the tests. */
record StoryIndexRows(JdbcTemplate jdbc) {

  /** The statement row of a process instance. */
  Map<String, Object> statement(String processInstanceId) {
    return jdbc.queryForMap("SELECT STORY_ID, TITLE, TEXT, WORDS FROM SF_STORY_STATEMENT WHERE PROC_INST_ID = ?",
        processInstanceId);
  }

  /** The word rows of a process instance, sorted. */
  List<String> words(String processInstanceId) {
    return jdbc.queryForList("SELECT WORD FROM SF_STORY_WORD WHERE PROC_INST_ID = ? ORDER BY WORD", String.class,
        processInstanceId);
  }

  /** How many stories the index holds. */
  int stories() {
    Integer count = jdbc.queryForObject("SELECT COUNT(*) FROM SF_STORY_STATEMENT", Integer.class);
    return count == null ? 0 : count;
  }
}
