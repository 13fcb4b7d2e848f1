package dev.storyflow.lifecycle;

import static org.assertj.core.api.Assertions.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.complete;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.execute;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.job;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.task;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.camunda.bpm.engine.ProcessEngine;
import dev.storyflow.sprint.TestSprints;
import dev.storyflow.worker.ExternalTaskWorker;
import org.camunda.bpm.engine.ExternalTaskService;
import org.camunda.bpm.engine.externaltask.ExternalTask;
import org.camunda.bpm.engine.externaltask.LockedExternalTask;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests;

/**
 * Drives stories through the process in tests: starts them, completes reviews, runs the builtin
 * agent's steps (the feasibility review among them), and plays the human backend engineer
 * whenever the builtin agent asks for one. Jobs are executed by hand.
 */
public final class StoryDriver {

  private static final ObjectMapper JSON = new ObjectMapper();

  private final ProcessEngine engine;

  public StoryDriver(ProcessEngine engine) {
    this.engine = engine;
    BpmnAwareTests.init(engine);
    TestSprints.started(engine);
  }

  public static Map<String, Object> storyVariables(String storyId, String components) {
    Map<String, Object> variables = new HashMap<>();
    variables.put("storyId", storyId);
    variables.put("title", "Reset a forgotten password");
    variables.put("asA", "registered user");
    variables.put("iWant", "to reset my password by email");
    variables.put("soThat", "I can log in again");
    variables.put("acceptanceCriteria", "A reset link is sent to the registered email\nThe link expires after 30 minutes");
    variables.put("components", components);
    return variables;
  }

  public ProcessInstance start(String components) {
    return start(components, Map.of());
  }

  /** Starts a story with more variables, for instance its {@code repository}. */
  public ProcessInstance start(String components, Map<String, Object> more) {
    String storyId = "US-" + UUID.randomUUID().toString().substring(0, 8);
    Map<String, Object> variables = storyVariables(storyId, components);
    variables.putAll(more);
    return engine.getRuntimeService().startProcessInstanceByKey(StoryProcess.KEY, storyId, variables);
  }

  /**
   * The security self-check of a story without a workspace: nothing to scan, so the gate says
   * REVIEW and the story goes straight to the security expert.
   */
  public void securityScanWithoutWorkspace(ProcessInstance story) {
    assertThat(story).isWaitingAt("Task_SecurityScan");
    runStep(story, "Task_SecurityScan");
    assertThat(story).isWaitingAt("Task_SecurityReview");
  }

  /**
   * Starts a story right at an element, e.g. a status's entry gateway, for tests of one status:
   * the steps before it (and their builtin checks) are skipped.
   */
  public ProcessInstance startAt(String elementId, Map<String, Object> more) {
    String storyId = "US-" + UUID.randomUUID().toString().substring(0, 8);
    Map<String, Object> variables = storyVariables(storyId, "backend");
    variables.put("frontendInvolved", false);
    variables.putAll(more);
    return engine.getRuntimeService().createProcessInstanceByKey(StoryProcess.KEY).businessKey(storyId)
        .setVariables(variables).startBeforeActivity(elementId).execute();
  }

  public static Map<String, Object> approve() {
    return Map.of("approved", true);
  }

  /**
   * The product owner's approval of a draft. It carries a comment: the driver's stories all say the
   * same, so the feasibility review finds them duplicates of each other and approving them is an
   * override (see {@code FeasibilityReviewProcessTest} for approvals with and without one).
   */
  public static Map<String, Object> approveDraft() {
    return Map.of("approved", true, "comment", "Approved for the backlog");
  }

  /**
   * The DevOps engineer's approval of a story without a workspace: there is no deployment bundle to
   * check, so the guard fails closed and approving is an override that needs a comment.
   */
  public static Map<String, Object> approveWithoutBundle() {
    return Map.of("approved", true, "comment", "Configured by hand: no bundle to check");
  }

  public static Map<String, Object> rework(String comment, String reworkTo) {
    Map<String, Object> variables = new HashMap<>();
    variables.put("approved", false);
    variables.put("comment", comment);
    if (reworkTo != null) {
      variables.put("reworkTo", reworkTo);
    }
    return variables;
  }

  public static Map<String, Object> plan() {
    return Map.of("priority", "HIGH", "storyPoints", 5, "sprint", TestSprints.STARTED);
  }

  public void completeTask(ProcessInstance story, String taskId, Map<String, Object> variables) {
    assertThat(story).isWaitingAt(taskId);
    complete(task(taskId, story), variables);
    passJoins(story);
  }

  /**
   * Runs a backend-engineer step as the embedded worker does (the worker is off in tests with the
   * job executor off): locks the step's external task, runs its bean, ends the task, then passes
   * the joins. A failed step throws with its error details, as a failed job did; a step waiting out
   * its retry delay is unlocked first, since a test does not wait.
   */
  public ExternalTaskWorker.Result runStep(ProcessInstance story, String serviceTaskId) {
    ExternalTaskService tasks = engine.getExternalTaskService();
    tasks.createExternalTaskQuery().processInstanceId(story.getId()).activityId(serviceTaskId).list().stream()
        .filter(task -> task.getLockExpirationTime() != null)
        .forEach(task -> tasks.unlock(task.getId()));
    ExternalTaskWorker worker = worker(engine);
    List<LockedExternalTask> locked = worker.lock(story.getBusinessKey(), serviceTaskId);
    assertThat(locked).as("open step task %s of %s", serviceTaskId, story.getBusinessKey()).hasSize(1);
    ExternalTaskWorker.Result result = worker.run(locked.get(0));
    if (result == ExternalTaskWorker.Result.FAILED) {
      throw new IllegalStateException(tasks.getExternalTaskErrorDetails(locked.get(0).getId()));
    }
    passJoins(story);
    return result;
  }

  /** The step task of a service task, with its retries and error message. */
  public ExternalTask stepTask(ProcessInstance story, String serviceTaskId) {
    return engine.getExternalTaskService().createExternalTaskQuery().processInstanceId(story.getId())
        .activityId(serviceTaskId).singleResult();
  }

  public static ExternalTaskWorker worker(ProcessEngine engine) {
    return ExternalTaskWorker.of(engine);
  }

  /**
   * Runs the jobs waiting before the story's joins ({@code Gateway_DraftReviewsJoin},
   * {@code Gateway_ImplementationJoin}): each arriving branch ends in its own job there, so that a
   * human's completion and a backend-engineer step never collide at the join. The job executor
   * runs them in production; tests with the executor off run them here.
   */
  public void passJoins(ProcessInstance story) {
    for (String join : List.of("Gateway_DraftReviewsJoin", "Gateway_ImplementationJoin")) {
      for (Job waiting : engine.getManagementService().createJobQuery().processInstanceId(story.getId())
          .activityId(join).list()) {
        engine.getManagementService().executeJob(waiting.getId());
      }
    }
  }


  /** The builtin agent asks for a human: the fallback task opens, the human does it, the step passes. */
  public void backendStepByHand(ProcessInstance story, String serviceTaskId, String step) {
    assertThat(story).isWaitingAt(serviceTaskId);
    runStep(story, serviceTaskId);
    assertThat(story).isWaitingAt("Task_BackendEngineerFallback");
    assertThat(story).variables().containsEntry("fallbackStep", step);
    assertThat((String) engine.getRuntimeService().getVariable(story.getId(), "fallbackReason"))
        .contains("step '" + step + "'");
    complete(task("Task_BackendEngineerFallback", story), Map.of("comment", "Done by hand for " + step));
    assertThat(story).isWaitingAt(serviceTaskId);
    runStep(story, serviceTaskId);
    passJoins(story);
    assertThat(story).isNotWaitingAt(serviceTaskId);
  }

  /** The builtin agent does the step by itself: no human is asked. */
  public void backendStep(ProcessInstance story, String serviceTaskId) {
    assertThat(story).isWaitingAt(serviceTaskId);
    runStep(story, serviceTaskId);
    passJoins(story);
    assertThat(story).isNotWaitingAt(serviceTaskId).isNotWaitingAt("Task_BackendEngineerFallback");
  }

  /** The builtin agent reviews feasibility on its own: no fallback, a {@code feasibility} report. */
  public void feasibilityReview(ProcessInstance story) {
    assertThat(story).isWaitingAt("Task_FeasibilityReview");
    runStep(story, "Task_FeasibilityReview");
    passJoins(story);
    assertThat(story).isNotWaitingAt("Task_FeasibilityReview").isNotWaitingAt("Task_BackendEngineerFallback");
    assertThat(engine.getRuntimeService().getVariable(story.getId(), "feasibility")).isNotNull();
  }

  /** Draft reviews, the builtin feasibility review, product owner approves: the story reaches Backlog. */
  public void throughDraft(ProcessInstance story, boolean frontend) {
    completeTask(story, "Task_ArchitectReview", approve());
    completeTask(story, "Task_SecurityEarlyReview", approve());
    if (frontend) {
      completeTask(story, "Task_FrontendFeasibility", approve());
    }
    feasibilityReview(story);
    completeTask(story, "Task_ApproveDraft", approveDraft());
  }

  /** From Backlog to Code review: the builtin plan, the implementation by hand (no repository). */
  public void throughPlanningAndImplementation(ProcessInstance story, boolean frontend) {
    completeTask(story, "Task_PlanIntoSprint", plan());
    backendStep(story, "Task_PlanImplementation");
    if (frontend) {
      completeTask(story, "Task_FrontendImplement", Map.of("comment", "UI done"));
    }
    backendStepByHand(story, "Task_Implement", "implement");
  }

  /** From Security review (scan pending) to UAT, for a story without a workspace. */
  public void throughSecurityAndDevOps(ProcessInstance story) {
    securityScanWithoutWorkspace(story);
    completeTask(story, "Task_SecurityReview", approve());
    backendStepByHand(story, "Task_PrepareDeployment", "deployment");
    completeTask(story, "Task_ConfigureDevOps", approveWithoutBundle());
  }

  /** A JSON variable of the story (a report, {@code agentRuns}, {@code overrides}) as a tree. */
  public JsonNode json(ProcessInstance story, String variable) {
    Object value = engine.getRuntimeService().getVariable(story.getId(), variable);
    assertThat(value).as("variable %s", variable).isNotNull();
    try {
      return JSON.readTree(value.toString());
    } catch (JsonProcessingException e) {
      throw new AssertionError(variable + " is not JSON: " + value, e);
    }
  }

  public String status(ProcessInstance story) {
    return (String) engine.getRuntimeService().getVariable(story.getId(), "status");
  }

  /** The statuses entered so far, oldest first, read from history. */
  public List<String> statusTrail(ProcessInstance story) {
    return engine.getHistoryService().createHistoricActivityInstanceQuery()
        .processInstanceId(story.getId())
        .orderByHistoricActivityInstanceStartTime().asc()
        .orderPartiallyByOccurrence().asc()
        .list().stream()
        .map(a -> Status.enteredAt(a.getActivityId()))
        .flatMap(java.util.Optional::stream)
        .map(Status::name)
        .toList();
  }

  public void assertStatus(ProcessInstance story, Status status) {
    assertThat(status(story)).isEqualTo(status.name());
  }
}
