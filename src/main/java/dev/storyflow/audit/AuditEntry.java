package dev.storyflow.audit;

import java.time.Instant;

/**
 * One line of a story's audit: a decision on a task, or an approval given against the evidence
 * (an override), with who made it, when, and the evidence it went against.
 *
 * @param id the entry's number, ascending in the order entries were written
 * @param kind {@code DECISION} or {@code OVERRIDE}
 * @param status the story's status when the decision was made
 * @param outcome {@code APPROVED}, {@code REWORK} or {@code SECURITY_CONCERNS}
 * @param reason why the approval needed an override, or {@code null}
 * @param evidence the evidence the decision was checked against: variable names, SHA-256 of their
 *     stored values, or {@code missing}
 */
public record AuditEntry(long id, String storyId, String processInstanceId, Instant at, String actor, String kind,
    String status, String taskId, String taskDefinitionKey, String outcome, String reworkTo, String comment,
    String reason, String evidence) {

  public static final String DECISION = "DECISION";
  public static final String OVERRIDE = "OVERRIDE";
}
