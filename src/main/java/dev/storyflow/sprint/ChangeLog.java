package dev.storyflow.sprint;

import java.util.List;

/**
 * A sprint's change log as the team keeps it in its sprint file (see {@code formats.md}): per
 * story, a row per status entered and per comment, in time order.
 *
 * @param timeZone the zone the times are written in
 */
public record ChangeLog(String sprintId, String timeZone, List<StoryLog> stories) {

  /** One story's rows. */
  public record StoryLog(String storyId, String title, List<Row> rows) {
  }

  /**
   * One row: {@code Status Update} (the story entered {@code status}) or {@code Comment}.
   *
   * @param time {@code YYYY-MM-DD HH:MM} in the change log's zone
   * @param assignee the role owning the status, or the user who had claimed its task
   * @param comment empty for status updates
   * @param commentBy the commenter; empty for status updates
   */
  public record Row(String time, String type, String status, String assignee, String comment, String commentBy) {

    public static final String STATUS_UPDATE = "Status Update";
    public static final String COMMENT = "Comment";
  }
}
