package dev.storyflow.lifecycle;

import dev.storyflow.identity.Role;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

/** The user tasks of the process: id, name, candidate group, status and the kind of decision. */
public enum StoryTask {
  ARCHITECT_REVIEW("Task_ArchitectReview", "Architect review", Role.SYSTEM_ARCHITECT, Status.DRAFT, DecisionKind.OPINION),
  SECURITY_EARLY_REVIEW("Task_SecurityEarlyReview", "Early security review", Role.SECURITY_EXPERT, Status.DRAFT, DecisionKind.OPINION),
  FRONTEND_FEASIBILITY("Task_FrontendFeasibility", "Frontend feasibility", Role.FRONTEND_ENGINEER, Status.DRAFT, DecisionKind.OPINION),
  APPROVE_DRAFT("Task_ApproveDraft", "Approve draft", Role.PRODUCT_OWNER, Status.DRAFT, DecisionKind.OPINION),
  REVISE_STORY("Task_ReviseStory", "Revise story", Role.PRODUCT_OWNER, Status.DRAFT, DecisionKind.REVISION),
  PLAN_INTO_SPRINT("Task_PlanIntoSprint", "Plan into sprint", Role.PRODUCT_OWNER, Status.BACKLOG, DecisionKind.PLANNING),
  FRONTEND_IMPLEMENT("Task_FrontendImplement", "Implement frontend", Role.FRONTEND_ENGINEER, Status.IN_PROGRESS, DecisionKind.WORK),
  CODE_REVIEW("Task_CodeReview", "Code review", Role.CODE_REVIEWER, Status.CODE_REVIEW, DecisionKind.REVIEW),
  INTEGRATION_TEST("Task_IntegrationTest", "Integration test", Role.QA_ENGINEER, Status.INTEGRATION_TESTING, DecisionKind.REVIEW),
  E2E_TEST("Task_E2ETest", "E2E test", Role.QA_ENGINEER, Status.E2E_TESTING, DecisionKind.REVIEW),
  PO_REVIEW("Task_POReview", "PO review", Role.PRODUCT_OWNER, Status.PO_REVIEW, DecisionKind.REVIEW),
  SECURITY_REVIEW("Task_SecurityReview", "Security review", Role.SECURITY_EXPERT, Status.SECURITY_REVIEW, DecisionKind.SECURITY_REVIEW),
  CONFIGURE_DEVOPS("Task_ConfigureDevOps", "Configure DevOps", Role.DEVOPS_ENGINEER, Status.CONFIGURING_DEVOPS, DecisionKind.REVIEW),
  // the team's workflow gives UAT to the product owner, who may hand it to a business owner
  UAT("Task_UAT", "User acceptance test", Role.BUSINESS_OWNER, Status.UAT, DecisionKind.REVIEW, Role.PRODUCT_OWNER),
  BACKEND_ENGINEER_FALLBACK("Task_BackendEngineerFallback", "Do the step by hand", Role.BACKEND_ENGINEER, null, DecisionKind.FALLBACK);

  /** What completing the task must say. */
  public enum DecisionKind {
    /** {@code approved}, and a {@code comment} when not approved; no rework target. */
    OPINION,
    /** The product owner edits the story; the story rules apply again. */
    REVISION,
    /** {@code priority}, {@code storyPoints}, {@code sprint}; or back to Draft. */
    PLANNING,
    /** {@code approved}; when not, a {@code comment} and an earlier {@code reworkTo}. */
    REVIEW,
    /** Like {@link #REVIEW}, or {@code securityConcerns} for the backend engineer. */
    SECURITY_REVIEW,
    /** Work done; an optional {@code comment}. */
    WORK,
    /** A human did the backend engineer's step; an optional {@code comment}. */
    FALLBACK
  }

  private final String id;
  private final String label;
  private final Role role;
  private final Status status;
  private final DecisionKind decisionKind;
  private final List<Role> candidates;

  StoryTask(String id, String label, Role role, Status status, DecisionKind decisionKind, Role... alsoCandidates) {
    this.id = id;
    this.label = label;
    this.role = role;
    this.status = status;
    this.decisionKind = decisionKind;
    this.candidates = Stream.concat(Stream.of(role), Arrays.stream(alsoCandidates)).toList();
  }

  public String id() {
    return id;
  }

  /** The task's name, as the process model and Tasklist give it. */
  public String label() {
    return label;
  }

  /** The role that owns the task. */
  public Role role() {
    return role;
  }

  /** QA's testing tasks may ask the backend engineer for integration support instead of a verdict. */
  public boolean offersIntegrationSupport() {
    return this == INTEGRATION_TEST || this == E2E_TEST;
  }

  /** The candidate groups' roles, the owner first. */
  public List<Role> candidates() {
    return candidates;
  }

  /** The status the task belongs to; {@code null} for the fallback, which serves every status. */
  public Status status() {
    return status;
  }

  public DecisionKind decisionKind() {
    return decisionKind;
  }

  public static Optional<StoryTask> ofId(String id) {
    return Arrays.stream(values()).filter(t -> t.id.equals(id)).findFirst();
  }
}
