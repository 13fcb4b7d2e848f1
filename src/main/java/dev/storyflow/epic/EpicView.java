package dev.storyflow.epic;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.Instant;
import java.util.List;

/**
 * An imported epic: its own fields as its file writes them, and its stories with the status
 * Storyflow knows.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
record EpicView(String epicId, String title, String version, String asA, String iWant, String soThat,
    String description, List<Criterion> acceptanceCriteria, int storyCount, String importedBy,
    Instant importedAt, List<Story> stories) {

  /** One epic criterion; {@code met} for {@code - [x]}. */
  record Criterion(String text, boolean met) {
  }

  /**
   * A story the epic file names.
   *
   * @param status the story's status code in Storyflow; {@code null} when Storyflow does not know
   *     the story (it was invalid, or past Draft and not imported at its status)
   * @param fileStatus the status the imported file gives the story
   */
  @JsonInclude(JsonInclude.Include.ALWAYS)
  record Story(String storyId, String title, String status, String statusLabel, String fileStatus) {
  }
}
