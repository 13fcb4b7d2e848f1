package dev.storyflow.feasibility;

import dev.storyflow.engineer.EngineReads.StoryWords;
import dev.storyflow.engineer.EngineReads.WordCounts;
import dev.storyflow.lifecycle.StoryProcess;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * The running stories' words in the database, for the duplicate search of the feasibility review:
 * {@code SF_STORY_STATEMENT} (one row per running story: its {@link ContentWords}) and
 * {@code SF_STORY_WORD} (one row per story and word, to find the stories holding a word). Written in
 * each story's own engine transaction ({@link StoryIndexHooks}), so every node of a cluster sees
 * the same index, and read on the node for every worker ({@code EngineReads}). A search asks only
 * about the words of one story, counted up to a limit, and reads only its candidates, so its cost
 * does not grow with the number of running stories (see {@link StoryCorpus} for the one exact count
 * it may need). Candidates are read only while their process instance runs (fail closed: a row left
 * behind is never reported).
 */
@Component
public class StoryIndex {

  /** Words per statement: well below every database's limit of parameters. */
  private static final int CHUNK = 500;

  private final JdbcTemplate jdbc;

  StoryIndex(JdbcTemplate jdbc) {
    this.jdbc = jdbc;
  }

  /** Adds a story that is not in the index yet. */
  void add(String processInstanceId, StoryWords story) {
    jdbc.update("INSERT INTO SF_STORY_STATEMENT (PROC_INST_ID, STORY_ID, TITLE, TEXT, WORDS) VALUES (?, ?, ?, ?, ?)",
        processInstanceId, story.storyId(), story.title(), story.text(), String.join(" ", story.words()));
    List<Object[]> words = story.words().stream().map(w -> new Object[] {processInstanceId, w}).toList();
    jdbc.batchUpdate("INSERT INTO SF_STORY_WORD (PROC_INST_ID, WORD) VALUES (?, ?)", words);
  }

  /** Replaces what the index holds of a story (its statement was revised). */
  void replace(String processInstanceId, StoryWords story) {
    remove(processInstanceId);
    add(processInstanceId, story);
  }

  /** Removes a story (its process instance ended); its words go with it. */
  void remove(String processInstanceId) {
    jdbc.update("DELETE FROM SF_STORY_STATEMENT WHERE PROC_INST_ID = ?", processInstanceId);
  }

  /**
   * How many stories the index holds and how many of them hold each word, counted up to
   * {@code atMost}; see {@code EngineReads}. A count up to a limit reads at most that many rows of
   * the word's index; an exact count reads them all.
   */
  public WordCounts counts(Collection<String> words, int atMost, String exceptProcessInstanceId) {
    String except = exceptProcessInstanceId == null ? "" : exceptProcessInstanceId;
    Map<String, Integer> counts = new HashMap<>();
    int[] stories = {0};
    List<List<String>> chunks = chunks(words);
    for (int i = 0; i < Math.max(1, chunks.size()); i++) {
      List<String> selects = new ArrayList<>();
      List<Object> args = new ArrayList<>();
      if (i < chunks.size() && atMost == Integer.MAX_VALUE) {
        selects.add("SELECT WORD, COUNT(*) FROM SF_STORY_WORD WHERE WORD IN (" + marks(chunks.get(i).size())
            + ") AND PROC_INST_ID <> ? GROUP BY WORD");
        args.addAll(chunks.get(i));
        args.add(except);
      } else if (i < chunks.size()) {
        for (String word : chunks.get(i)) {
          selects.add("SELECT CAST(? AS VARCHAR(100)), (SELECT COUNT(*) FROM (SELECT 1 FROM SF_STORY_WORD"
              + " WHERE WORD = ? AND PROC_INST_ID <> ? LIMIT ?) w)");
          args.addAll(List.of(word, word, except, atMost));
        }
      }
      if (i == 0) {
        // a count without a condition is the cheapest on every database; the story left out is found by its key
        selects.add("SELECT NULL, (SELECT COUNT(*) FROM SF_STORY_STATEMENT)"
            + " - (SELECT COUNT(*) FROM SF_STORY_STATEMENT WHERE PROC_INST_ID = ?)");
        args.add(except);
      }
      jdbc.query(String.join(" UNION ALL ", selects), rs -> {
        String word = rs.getString(1);
        if (word == null) {
          stories[0] = rs.getInt(2);
        } else if (rs.getInt(2) > 0) {
          counts.put(word, rs.getInt(2));
        }
      }, args.toArray());
    }
    return new WordCounts(stories[0], counts);
  }

  /**
   * The running stories holding one of the words or with the title; see {@code EngineReads}. The
   * candidates' keys come first, from the words' index and the titles' index, then their rows by
   * primary key, and only those of running process instances.
   */
  public List<StoryWords> holding(Collection<String> words, String title, int limit, String exceptProcessInstanceId) {
    String except = exceptProcessInstanceId == null ? "" : exceptProcessInstanceId;
    List<String> candidates = new ArrayList<>();
    List<Object> args = new ArrayList<>();
    if (!words.isEmpty()) {
      candidates.add("(SELECT w.PROC_INST_ID FROM SF_STORY_WORD w WHERE w.WORD IN (" + marks(words.size())
          + ") AND w.PROC_INST_ID <> ? LIMIT ?)");
      args.addAll(words);
      args.add(except);
      args.add(limit * words.size());
    }
    if (title != null && !title.isEmpty()) {
      candidates.add("(SELECT t.PROC_INST_ID FROM SF_STORY_STATEMENT t WHERE t.TITLE = ? AND t.PROC_INST_ID <> ?"
          + " LIMIT ?)");
      args.add(title);
      args.add(except);
      args.add(limit);
    }
    if (candidates.isEmpty()) {
      return List.of();
    }
    return jdbc.query("SELECT s.STORY_ID, s.TITLE, s.TEXT, s.WORDS FROM (" + String.join(" UNION ", candidates)
            + ") c JOIN SF_STORY_STATEMENT s ON s.PROC_INST_ID = c.PROC_INST_ID"
            + " JOIN ACT_RU_EXECUTION e ON e.ID_ = s.PROC_INST_ID",
        (rs, row) -> new StoryWords(rs.getString(1), rs.getString(2), rs.getString(3), words(rs.getString(4))),
        args.toArray());
  }

  /**
   * The running stories that the index lacks (started before it existed, or by a node without it):
   * their business keys by process instance.
   */
  Map<String, String> unindexed() {
    Map<String, String> stories = new LinkedHashMap<>();
    jdbc.query("SELECT e.ID_, e.BUSINESS_KEY_ FROM ACT_RU_EXECUTION e JOIN ACT_RE_PROCDEF d ON d.ID_ = e.PROC_DEF_ID_"
        + " WHERE e.ID_ = e.PROC_INST_ID_ AND d.KEY_ = ?"
        + " AND NOT EXISTS (SELECT 1 FROM SF_STORY_STATEMENT s WHERE s.PROC_INST_ID = e.ID_)",
        rs -> {
          stories.put(rs.getString(1), rs.getString(2));
        }, StoryProcess.KEY);
    return stories;
  }

  /** Removes the rows of process instances that no longer run; returns how many stories they were. */
  int removeEnded() {
    return jdbc.update("DELETE FROM SF_STORY_STATEMENT WHERE NOT EXISTS"
        + " (SELECT 1 FROM ACT_RU_EXECUTION e WHERE e.ID_ = SF_STORY_STATEMENT.PROC_INST_ID)");
  }

  private static Set<String> words(String joined) {
    return joined.isEmpty() ? Set.of() : new LinkedHashSet<>(Arrays.asList(joined.split(" ")));
  }

  private static List<List<String>> chunks(Collection<String> words) {
    List<String> all = List.copyOf(new LinkedHashSet<>(words));
    List<List<String>> chunks = new ArrayList<>();
    for (int i = 0; i < all.size(); i += CHUNK) {
      chunks.add(all.subList(i, Math.min(all.size(), i + CHUNK)));
    }
    return chunks;
  }

  private static String marks(int n) {
    return String.join(", ", Collections.nCopies(n, "?"));
  }
}
