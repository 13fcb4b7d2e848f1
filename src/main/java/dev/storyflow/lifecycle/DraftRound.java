package dev.storyflow.lifecycle;

import dev.storyflow.audit.AuditEntry;
import java.util.List;
import java.util.Set;

/**
 * The current round of Draft reviews, read from a story's audit: the opinions after the product
 * owner's last Draft decision. An architect's or security expert's "not approved" in it is an open
 * objection ({@link DraftObjectionGuard}; Tasklist's "Reviews so far" marks it).
 */
public final class DraftRound {

  private static final Set<String> OBJECTING = Set.of(StoryTask.ARCHITECT_REVIEW.id(),
      StoryTask.SECURITY_EARLY_REVIEW.id());

  private DraftRound() {
  }

  /** The audit id of the product owner's last Draft decision; 0 when there is none yet. */
  public static long start(List<AuditEntry> entries) {
    return entries.stream().filter(e -> StoryTask.APPROVE_DRAFT.id().equals(e.taskDefinitionKey()))
        .mapToLong(AuditEntry::id).max().orElse(0);
  }

  /** Whether the entry is an objection of the round that began after {@code start}. */
  public static boolean isOpenObjection(AuditEntry entry, long start) {
    return entry.id() > start && OBJECTING.contains(entry.taskDefinitionKey())
        && Decision.Outcome.REWORK.name().equals(entry.outcome());
  }
}
