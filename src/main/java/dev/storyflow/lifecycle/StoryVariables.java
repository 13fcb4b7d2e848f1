package dev.storyflow.lifecycle;

/** Names of the process variables of a story (design section 5) and of the decisions. */
public final class StoryVariables {

  // story data
  public static final String STORY_ID = "storyId";
  public static final String TITLE = "title";
  public static final String AS_A = "asA";
  public static final String I_WANT = "iWant";
  public static final String SO_THAT = "soThat";
  public static final String ACCEPTANCE_CRITERIA = "acceptanceCriteria";
  public static final String COMPONENTS = "components";
  public static final String EPIC = "epic";
  public static final String PRIORITY = "priority";
  public static final String STORY_POINTS = "storyPoints";
  public static final String SPRINT = "sprint";
  public static final String DEPENDS_ON = "dependsOn";
  public static final String REFERENCE = "reference";
  public static final String NOTES = "notes";
  public static final String REPOSITORY = "repository";

  /** The story's own fields (design section 5): what intake and a revision accept. */
  public static final java.util.List<String> STORY_FIELDS = java.util.List.of(STORY_ID, TITLE, AS_A, I_WANT, SO_THAT,
      ACCEPTANCE_CRITERIA, COMPONENTS, EPIC, PRIORITY, STORY_POINTS, SPRINT, DEPENDS_ON, REFERENCE, NOTES, REPOSITORY);

  /** Boolean derived from {@link #COMPONENTS}: the story needs frontend work. */
  public static final String FRONTEND_INVOLVED = "frontendInvolved";

  /** Id of the user who created the story (the process initiator). */
  public static final String CREATED_BY = "createdBy";

  // status
  public static final String STATUS = "status";

  // decisions on user tasks
  public static final String APPROVED = "approved";
  public static final String COMMENT = "comment";
  public static final String REWORK_TO = "reworkTo";
  public static final String SECURITY_CONCERNS = "securityConcerns";
  /** QA asks the backend engineer for integration support instead of giving a verdict (with a comment). */
  public static final String NEEDS_BACKEND_SUPPORT = "needsBackendSupport";
  /** The product owner withdraws the story on {@code Task_ReviseStory} (with a comment). */
  public static final String WITHDRAW = "withdraw";
  /**
   * The inputs of a decision: read by the decision rules while the task completes, then gone. A
   * completion carries them as transient variables (never written, no history), and the decision
   * listener removes whatever is left, so that they never leak into the next decision. What they
   * decided is kept in the audit, the task comment and the outcome variables.
   */
  public static final java.util.Set<String> DECISION_INPUTS = java.util.Set.of(APPROVED, COMMENT, REWORK_TO,
      SECURITY_CONCERNS, NEEDS_BACKEND_SUPPORT, WITHDRAW);
  /** What QA asked the backend engineer to look into: the comment of the last support request. */
  public static final String SUPPORT_REQUEST = "supportRequest";
  /** Set by the engine after each checked decision: APPROVED, REWORK or SECURITY_CONCERNS. */
  public static final String DECISION = "decision";
  /** Set by the engine on rework: the status code the story goes back to. */
  public static final String REWORK_TARGET = "reworkTarget";
  /** Set by the engine: the security expert's concerns the backend engineer must address. */
  public static final String CONCERNS_TO_ADDRESS = "concernsToAddress";
  /** JSON list of approvals given against the evidence, each with its comment. */
  public static final String OVERRIDES = "overrides";
  /** The comment of the last rework, shown to whoever picks the story up again. */
  public static final String REWORK_REASON = "reworkReason";

  // backend-engineer fallback
  public static final String FALLBACK_STEP = "fallbackStep";
  public static final String FALLBACK_REASON = "fallbackReason";
  public static final String FALLBACK_RESOLVED = "fallbackResolved";

  // reports written by the backend engineer (JSON)
  public static final String FEASIBILITY = "feasibility";
  public static final String IMPLEMENTATION_PLAN = "implementationPlan";
  public static final String IMPLEMENTATION = "implementation";
  public static final String SECURITY_SCAN = "securityScan";
  public static final String DEPLOYMENT = "deployment";
  public static final String INTEGRATION_SUPPORT = "integrationSupport";
  public static final String AGENT_RUNS = "agentRuns";

  private StoryVariables() {
  }
}
