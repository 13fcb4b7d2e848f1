package dev.storyflow.tasklist;

import static org.assertj.core.api.Assertions.assertThat;

import dev.storyflow.audit.AuditEntry;
import dev.storyflow.lifecycle.StoryTask;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/** An audit entry as "Reviews so far" shows it: the product owner's words for every decision. */
class ReviewTest {

  @Test
  void aDraftOpinionAgainstTheStoryNeedsRework() {
    Review review = Review.of(entry("Task_ArchitectReview", "DRAFT", "REWORK", null), "Architect review", true);
    assertThat(review.decision()).isEqualTo("Needs rework");
    assertThat(review.role()).isEqualTo("System architect");
    assertThat(review.status()).isEqualTo("Draft");
    assertThat(review.at()).isEqualTo("2026-11-30 14:09 UTC");
    assertThat(review.approved()).isFalse();
    assertThat(review.open()).isTrue();
  }

  @Test
  void eachKindOfTaskHasItsWordsForItsDecision() {
    assertThat(decision(StoryTask.APPROVE_DRAFT, "APPROVED", null)).isEqualTo("Approved – moved to Backlog");
    assertThat(decision(StoryTask.APPROVE_DRAFT, "REWORK", null)).isEqualTo("Sent to revision");
    assertThat(decision(StoryTask.PLAN_INTO_SPRINT, "APPROVED", null)).isEqualTo("Planned into a sprint");
    assertThat(decision(StoryTask.CODE_REVIEW, "REWORK", "IN_PROGRESS")).isEqualTo("Sent back to In-progress");
    assertThat(decision(StoryTask.SECURITY_REVIEW, "SECURITY_CONCERNS", null))
        .isEqualTo("Raised security concerns for the backend engineer");
    assertThat(decision(StoryTask.INTEGRATION_TEST, "SUPPORT", null)).isEqualTo("Asked the backend engineer for support");
    assertThat(decision(StoryTask.REVISE_STORY, "WITHDRAWN", null)).isEqualTo("Withdrew the story");
    assertThat(decision(StoryTask.BACKEND_ENGINEER_FALLBACK, "APPROVED", null)).isEqualTo("Done");
    assertThat(decision(StoryTask.UAT, "SOMETHING_NEW", null)).isEqualTo("Something new");
  }

  @Test
  void anOverrideKeepsItsReason() {
    AuditEntry entry = new AuditEntry(7, "US-1", "p", Instant.parse("2026-11-30T14:09:57Z"), "po", AuditEntry.OVERRIDE,
        "DRAFT", "t", "Task_ApproveDraft", "APPROVED", null, "Worth it", "the feasibility verdict is TOO_LARGE", null);
    assertThat(Review.of(entry, "Approve draft", false).override()).isEqualTo("the feasibility verdict is TOO_LARGE");
  }

  private static String decision(StoryTask task, String outcome, String reworkTo) {
    return Review.decision(task, new AuditEntry(1, "US-1", "p", Instant.now(), "u", AuditEntry.DECISION, null, "t",
        task.id(), outcome, reworkTo, null, null, null));
  }

  private static AuditEntry entry(String taskKey, String status, String outcome, String reworkTo) {
    return new AuditEntry(1, "US-1", "p", Instant.parse("2026-11-30T14:09:57Z"), "architect", AuditEntry.DECISION,
        status, "t", taskKey, outcome, reworkTo, "Too big", null, null);
  }
}
