package dev.storyflow.notify;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * The notification outbox ({@code SF_NOTIFICATION_OUTBOX}): one row per event and channel. Rows are
 * inserted with the caller's transaction, which is the engine's when a story event happens, so a
 * notification exists exactly when its event does. The sender claims a row with one conditional
 * UPDATE (which of several nodes wins is up to the database), sends it, and marks it; a claim runs
 * out, so a crashed node's rows are taken over. A node claims only rows of the channels it has, so
 * that during a rolling change of the configuration no node refuses another's rows. Every method
 * takes the time from its caller.
 */
@Component
class Outbox {

  static final String PENDING = "PENDING";
  static final String SENT = "SENT";
  static final String FAILED = "FAILED";

  private static final int MAX_RESULT = 1_000;
  /** Drops the caller's claim, if the row is still pending and the caller still holds it. */
  private static final String RELEASE = "CLAIMED_BY = NULL, CLAIMED_UNTIL = NULL WHERE ID = ? AND CLAIMED_BY = ? "
      + "AND STATE = 'PENDING'";
  private static final String COLUMNS = "ID, EVENT_ID, EVENT, CHANNEL, STORY_ID, PAYLOAD, ATTEMPTS";
  /** Due and not held by a live claim. */
  private static final String CLAIMABLE = "STATE = 'PENDING' AND NEXT_ATTEMPT_AT <= ? "
      + "AND (CLAIMED_UNTIL IS NULL OR CLAIMED_UNTIL <= ?)";

  /** One row: one event for one channel, with the attempts made so far. */
  record Entry(long id, String eventId, String event, String channel, String storyId, String payload, int attempts) {
  }

  private final JdbcTemplate jdbc;

  Outbox(JdbcTemplate jdbc) {
    this.jdbc = jdbc;
  }

  void insert(String eventId, NotificationType type, String storyId, String payload, List<String> channels,
      Instant now) {
    Timestamp at = Timestamp.from(now);
    jdbc.batchUpdate("INSERT INTO SF_NOTIFICATION_OUTBOX (EVENT_ID, EVENT, CHANNEL, STORY_ID, PAYLOAD, CREATED_AT, "
            + "STATE, ATTEMPTS, NEXT_ATTEMPT_AT) VALUES (?, ?, ?, ?, ?, ?, 'PENDING', 0, ?)",
        channels.stream().map(channel -> new Object[] {eventId, type.code(), channel, storyId, payload, at, at})
            .toList());
  }

  /** Up to {@code max} rows of the given channels that may be claimed now, the longest waiting first. */
  List<Entry> claimable(Collection<String> channels, int max, Instant now) {
    if (channels.isEmpty()) {
      return List.of();
    }
    Timestamp at = Timestamp.from(now);
    List<Object> arguments = new ArrayList<>(List.of(at, at));
    arguments.addAll(channels);
    return jdbc.query("SELECT " + COLUMNS + " FROM SF_NOTIFICATION_OUTBOX WHERE " + CLAIMABLE + " AND CHANNEL IN ("
        + placeholders(channels) + ") ORDER BY NEXT_ATTEMPT_AT, ID FETCH FIRST " + Math.max(1, max) + " ROWS ONLY",
        Outbox::entry, arguments.toArray());
  }

  /**
   * Claims a row for {@code node} until {@code until}, if it is still as it was read: pending, due,
   * with the same number of attempts, and not claimed by a live claim. True for exactly one caller.
   */
  boolean claim(Entry entry, String node, Instant now, Instant until) {
    Timestamp at = Timestamp.from(now);
    return jdbc.update("UPDATE SF_NOTIFICATION_OUTBOX SET CLAIMED_BY = ?, CLAIMED_UNTIL = ? WHERE ID = ? "
        + "AND ATTEMPTS = ? AND " + CLAIMABLE, node, Timestamp.from(until), entry.id(), entry.attempts(), at, at) == 1;
  }

  /** Sent: never sent again. False when the claim was lost (another node took the row over). */
  boolean sent(Entry entry, String node, Instant now, String result) {
    return finish(entry, node, SENT, now, result);
  }

  /** Given up: kept for inspection, never sent again. */
  boolean failed(Entry entry, String node, Instant now, String result) {
    return finish(entry, node, FAILED, now, result);
  }

  /** Failed this time: released, due again at {@code next}. */
  boolean retryAt(Entry entry, String node, Instant next, String result) {
    return jdbc.update("UPDATE SF_NOTIFICATION_OUTBOX SET ATTEMPTS = ATTEMPTS + 1, NEXT_ATTEMPT_AT = ?, "
            + "LAST_RESULT = ?, " + RELEASE,
        Timestamp.from(next), capped(result), entry.id(), node) == 1;
  }

  /** When the next pending row of the given channels may be claimed (its attempt is due and no live claim holds it). */
  Optional<Instant> nextDue(Collection<String> channels) {
    if (channels.isEmpty()) {
      return Optional.empty();
    }
    Timestamp next = jdbc.queryForObject("SELECT MIN(CASE WHEN CLAIMED_UNTIL IS NOT NULL AND CLAIMED_UNTIL > "
        + "NEXT_ATTEMPT_AT THEN CLAIMED_UNTIL ELSE NEXT_ATTEMPT_AT END) FROM SF_NOTIFICATION_OUTBOX "
        + "WHERE STATE = 'PENDING' AND CHANNEL IN (" + placeholders(channels) + ")", Timestamp.class,
        channels.toArray());
    return Optional.ofNullable(next).map(Timestamp::toInstant);
  }

  /**
   * Deletes the rows sent or given up before {@code before}, and the pending rows written before it
   * for a channel that is not among {@code channels} (a webhook taken out of the configuration).
   * Pending rows of the given channels stay whatever their age.
   */
  int purge(Collection<String> channels, Instant before) {
    Timestamp at = Timestamp.from(before);
    int done = jdbc.update("DELETE FROM SF_NOTIFICATION_OUTBOX WHERE STATE <> 'PENDING' AND DONE_AT < ?", at);
    if (channels.isEmpty()) {
      return done;
    }
    List<Object> arguments = new ArrayList<>(List.of(at));
    arguments.addAll(channels);
    return done + jdbc.update("DELETE FROM SF_NOTIFICATION_OUTBOX WHERE STATE = 'PENDING' AND CREATED_AT < ? "
        + "AND CHANNEL NOT IN (" + placeholders(channels) + ")", arguments.toArray());
  }

  private boolean finish(Entry entry, String node, String state, Instant now, String result) {
    return jdbc.update("UPDATE SF_NOTIFICATION_OUTBOX SET STATE = ?, ATTEMPTS = ATTEMPTS + 1, DONE_AT = ?, "
            + "LAST_RESULT = ?, " + RELEASE,
        state, Timestamp.from(now), capped(result), entry.id(), node) == 1;
  }

  private static String placeholders(Collection<String> values) {
    return String.join(", ", Collections.nCopies(values.size(), "?"));
  }

  private static String capped(String text) {
    return text == null || text.length() <= MAX_RESULT ? text : text.substring(0, MAX_RESULT);
  }

  private static Entry entry(ResultSet row, int number) throws SQLException {
    return new Entry(row.getLong("ID"), row.getString("EVENT_ID"), row.getString("EVENT"), row.getString("CHANNEL"),
        row.getString("STORY_ID"), row.getString("PAYLOAD"), row.getInt("ATTEMPTS"));
  }
}
