package dev.storyflow.tasklist;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

import dev.storyflow.audit.AuditEntry;
import dev.storyflow.audit.AuditLog;
import java.time.Instant;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/** The reviews so far, read from the audit: decisions on tasks only, the open objections of this round. */
class ReviewsSoFarTest {

  private final AuditLog audit = mock(AuditLog.class);
  private final ReviewsSoFar reviews = new ReviewsSoFar(audit, new com.fasterxml.jackson.databind.ObjectMapper());

  @Test
  void anObjectionIsOpenUntilTheProductOwnerDecidesTheDraftAgain() {
    when(audit.forStory("US-1")).thenReturn(List.of(
        entry(1, "Task_ArchitectReview", "REWORK"),
        entry(2, "Task_ApproveDraft", "REWORK"),
        entry(3, "Task_ReviseStory", "APPROVED"),
        entry(4, "Task_ArchitectReview", "REWORK"),
        entry(5, "Task_SecurityEarlyReview", "APPROVED"),
        // not a decision on a task: a story carried over to the next sprint
        entry(6, null, "CARRIED_OVER")));

    List<Review> found = reviews.of("US-1", key -> key.replace("Task_", ""));

    assertThat(found).extracting(Review::step).containsExactly("ArchitectReview", "ApproveDraft", "ReviseStory",
        "ArchitectReview", "SecurityEarlyReview");
    assertThat(found).extracting(Review::open).containsExactly(false, false, false, true, false);
  }

  @Test
  void aFormShowsTheNewestReviews() {
    List<Review> many = IntStream.range(0, 40).mapToObj(i -> Review.of(entry(i, "Task_CodeReview", "REWORK"),
        "Code review " + i, false)).toList();
    assertThat(ReviewsSoFar.shown(many)).hasSize(ReviewsSoFar.SHOWN).last().extracting(Review::step)
        .isEqualTo("Code review 39");
  }

  private static AuditEntry entry(long id, String taskKey, String outcome) {
    return new AuditEntry(id, "US-1", "p", Instant.parse("2026-11-30T10:00:00Z").plusSeconds(id), "someone",
        AuditEntry.DECISION, "DRAFT", "t" + id, taskKey, outcome, null, "why " + id, null, null);
  }
}
