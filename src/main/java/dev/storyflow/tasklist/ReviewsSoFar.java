package dev.storyflow.tasklist;

import dev.storyflow.audit.AuditEntry;
import dev.storyflow.audit.AuditLog;
import dev.storyflow.lifecycle.Decision;
import dev.storyflow.lifecycle.StoryTask;
import java.util.List;
import java.util.Set;
import java.util.function.Function;
import org.springframework.stereotype.Component;

/**
 * The decisions taken on a story so far, from its audit, oldest first: the "Reviews so far" that
 * every later form shows (the newest {@value #SHOWN}; the audit has them all).
 */
@Component
class ReviewsSoFar {

  static final int SHOWN = 25;
  /** The Draft opinions that the product owner overrules only with a comment (see DraftObjectionGuard). */
  private static final Set<String> OBJECTING = Set.of(StoryTask.ARCHITECT_REVIEW.id(),
      StoryTask.SECURITY_EARLY_REVIEW.id());

  private final AuditLog audit;

  ReviewsSoFar(AuditLog audit) {
    this.audit = audit;
  }

  /**
   * @param stepName the name of a task of the story process by its id, e.g. "Architect review"
   */
  List<Review> of(String storyId, Function<String, String> stepName) {
    // decisions on tasks; the audit also keeps what happened to the story otherwise (a carry-over)
    List<AuditEntry> entries = audit.forStory(storyId).stream().filter(e -> e.taskDefinitionKey() != null).toList();
    long round = entries.stream().filter(e -> StoryTask.APPROVE_DRAFT.id().equals(e.taskDefinitionKey()))
        .mapToLong(AuditEntry::id).max().orElse(0);
    return entries.stream()
        .map(e -> Review.of(e, stepName.apply(e.taskDefinitionKey()), e.id() > round
            && OBJECTING.contains(e.taskDefinitionKey()) && Decision.Outcome.REWORK.name().equals(e.outcome())))
        .toList();
  }

  /** The newest of the reviews, as many as a form shows. */
  static List<Review> shown(List<Review> reviews) {
    return reviews.subList(Math.max(0, reviews.size() - SHOWN), reviews.size());
  }
}
