package dev.storyflow.lifecycle;

/** Fixed names of the {@code story-lifecycle} process: key, errors and element ids. */
public final class StoryProcess {

  public static final String KEY = "story-lifecycle";
  public static final String RESOURCE = "story-lifecycle.bpmn";

  /** The backend engineer's service tasks are external tasks on topics {@code backend-engineer.{step}}. */
  public static final String TOPIC_PREFIX = "backend-engineer.";

  /** BPMN error code thrown when the backend engineer needs a human to do a step. */
  public static final String ERROR_BACKEND_ENGINEER_NEEDED = "BACKEND_ENGINEER_NEEDED";

  public static final String START_EVENT = "StartEvent_StoryCreated";
  public static final String END_EVENT = "EndEvent_StoryDone";
  public static final String END_EVENT_WITHDRAWN = "EndEvent_StoryWithdrawn";
  /** The {@code status} of a story withdrawn in Draft; not one of the twelve statuses. */
  public static final String STATUS_WITHDRAWN = "WITHDRAWN";

  /** Planned in Sprint: the story waits here until its sprint is started. */
  public static final String EVENT_SPRINT_STARTED = "Event_SprintStarted";
  public static final String MESSAGE_SPRINT_STARTED = "SprintStarted";
  /** Planned in Sprint: the story waits here until every story in {@code dependsOn} is Done. */
  public static final String EVENT_DEPENDENCIES_DONE = "Event_DependenciesDone";
  public static final String MESSAGE_DEPENDENCIES_DONE = "DependenciesDone";

  public static final String TASK_FEASIBILITY_REVIEW = "Task_FeasibilityReview";
  public static final String TASK_PLAN_IMPLEMENTATION = "Task_PlanImplementation";
  public static final String TASK_IMPLEMENT = "Task_Implement";
  public static final String TASK_SECURITY_SCAN = "Task_SecurityScan";
  public static final String TASK_ADDRESS_SECURITY_CONCERNS = "Task_AddressSecurityConcerns";
  public static final String TASK_PREPARE_DEPLOYMENT = "Task_PrepareDeployment";
  /** Integration support: the backend engineer helps QA; the story keeps its testing status. */
  public static final String TASK_INTEGRATION_SUPPORT = "Task_IntegrationSupport";

  private StoryProcess() {
  }
}
