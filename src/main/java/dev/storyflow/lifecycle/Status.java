package dev.storyflow.lifecycle;

import java.util.Arrays;
import java.util.Optional;

/**
 * The twelve story statuses in workflow order. Each status is entered through one element of
 * the {@code story-lifecycle} process, whose start listener sets the {@code status} variable.
 */
public enum Status {
  DRAFT("Draft", "unassigned", "Gateway_EnterDraft"),
  BACKLOG("Backlog", "unassigned", "Gateway_EnterBacklog"),
  PLANNED_IN_SPRINT("Planned in Sprint", "backend engineer", "Gateway_EnterPlannedInSprint"),
  IN_PROGRESS("In-progress", "backend engineer", "Gateway_EnterInProgress"),
  CODE_REVIEW("Code review", "code reviewer", "Gateway_EnterCodeReview"),
  INTEGRATION_TESTING("Integration testing", "QA engineer", "Gateway_EnterIntegrationTesting"),
  E2E_TESTING("E2E Testing", "QA engineer", "Gateway_EnterE2ETesting"),
  PO_REVIEW("PO review", "product owner", "Gateway_EnterPOReview"),
  SECURITY_REVIEW("Security review", "security expert", "Gateway_EnterSecurityReview"),
  CONFIGURING_DEVOPS("Configuring DevOps", "DevOps engineer", "Gateway_EnterConfiguringDevOps"),
  UAT("UAT", "business owner", "Gateway_EnterUAT"),
  DONE("Done", "unassigned", "EndEvent_StoryDone");

  private final String label;
  private final String role;
  private final String entryElementId;

  Status(String label, String role, String entryElementId) {
    this.label = label;
    this.role = role;
    this.entryElementId = entryElementId;
  }

  /** The label as teams write it, e.g. "Code review". */
  public String label() {
    return label;
  }

  /** The role that owns the status. */
  public String role() {
    return role;
  }

  /** Id of the BPMN element whose start marks entering this status. */
  public String entryElementId() {
    return entryElementId;
  }

  public boolean isBefore(Status other) {
    return ordinal() < other.ordinal();
  }

  public static Optional<Status> ofCode(String code) {
    return Arrays.stream(values()).filter(s -> s.name().equals(code)).findFirst();
  }

  public static Optional<Status> enteredAt(String elementId) {
    return Arrays.stream(values()).filter(s -> s.entryElementId.equals(elementId)).findFirst();
  }
}
