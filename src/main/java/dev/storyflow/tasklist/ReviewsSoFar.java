package dev.storyflow.tasklist;

import dev.storyflow.audit.AuditEntry;
import dev.storyflow.audit.AuditLog;
import dev.storyflow.lifecycle.DraftRound;
import java.util.List;
import java.util.function.Function;
import org.springframework.stereotype.Component;

/**
 * The decisions taken on a story so far, from its audit, oldest first: the "Reviews so far" that
 * every later form shows (the newest {@value #SHOWN}; the audit has them all).
 */
@Component
class ReviewsSoFar {

  static final int SHOWN = 25;

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
    long round = DraftRound.start(entries);
    return entries.stream()
        .map(e -> Review.of(e, stepName.apply(e.taskDefinitionKey()), DraftRound.isOpenObjection(e, round)))
        .toList();
  }

  /** The newest of the reviews, as many as a form shows. */
  static List<Review> shown(List<Review> reviews) {
    return reviews.subList(Math.max(0, reviews.size() - SHOWN), reviews.size());
  }
}
