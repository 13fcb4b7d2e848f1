package dev.storyflow.tasklist;

import com.fasterxml.jackson.annotation.JsonIgnore;
import dev.storyflow.audit.AuditEntry;
import dev.storyflow.lifecycle.Status;
import dev.storyflow.lifecycle.StoryTask;
import dev.storyflow.lifecycle.StoryTask.DecisionKind;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import java.util.Optional;

/**
 * One earlier decision on a story as a person reads it in a form: who decided what in which step,
 * when, and with which comment. Made from an audit entry; the wording of the decisions is the
 * product owner's ("Approve – move to Backlog / Send to revision"), the same on every form.
 *
 * @param taskId the task the decision was taken on
 * @param step the task's name, e.g. "Architect review"
 * @param role the role that decided, e.g. "System architect"
 * @param decision what was decided, e.g. "Needs rework" or "Sent back to In-progress"
 * @param approved whether the decision let the story go on
 * @param open an objection of the current Draft round that the product owner has not yet decided on
 * @param override why an approval went against the evidence, or {@code null}
 */
record Review(@JsonIgnore String taskId, String step, String role, String decision, boolean approved,
    String comment, String by, String at, String status, boolean open, String override) {

  static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm 'UTC'", Locale.ROOT)
      .withZone(ZoneOffset.UTC);

  static Review of(AuditEntry entry, String step, boolean open) {
    Optional<StoryTask> task = StoryTask.ofId(entry.taskDefinitionKey());
    String status = Status.ofCode(entry.status()).map(Status::label).orElse(entry.status());
    return new Review(entry.taskId(), step, task.map(t -> t.role().label()).orElse(""), decision(task.orElse(null), entry),
        "APPROVED".equals(entry.outcome()), entry.comment(), entry.actor(), TIME.format(entry.at()), status, open,
        entry.reason());
  }

  /** What was decided, in words. */
  static String decision(StoryTask task, AuditEntry entry) {
    String outcome = entry.outcome() == null ? "" : entry.outcome();
    DecisionKind kind = task == null ? null : task.decisionKind();
    return switch (outcome) {
      case "APPROVED" -> kind == DecisionKind.PLANNING ? "Planned into a sprint"
          : kind == DecisionKind.REVISION ? "Revised the story"
          : kind == DecisionKind.WORK || kind == DecisionKind.FALLBACK ? "Done"
          : task == StoryTask.APPROVE_DRAFT ? "Approved – moved to Backlog" : "Approved";
      case "REWORK" -> task == StoryTask.APPROVE_DRAFT ? "Sent to revision"
          : kind == DecisionKind.OPINION ? "Needs rework"
          : "Sent back to " + Status.ofCode(entry.reworkTo()).map(Status::label).orElse("an earlier status");
      case "SECURITY_CONCERNS" -> "Raised security concerns for the backend engineer";
      case "SUPPORT" -> "Asked the backend engineer for support";
      case "WITHDRAWN" -> "Withdrew the story";
      default -> outcome.isEmpty() ? "Decided" : outcome.charAt(0) + outcome.substring(1).toLowerCase(Locale.ROOT)
          .replace('_', ' ');
    };
  }
}
