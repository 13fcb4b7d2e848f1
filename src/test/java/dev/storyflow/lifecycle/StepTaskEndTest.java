package dev.storyflow.lifecycle;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.ExternalTaskService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.externaltask.ExternalTask;
import org.camunda.bpm.engine.externaltask.LockedExternalTask;
import org.camunda.bpm.engine.repository.Deployment;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.spin.plugin.variable.SpinValues;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.ActiveProfiles;

/**
 * The end of a backend-engineer step's external task through the engine's Java API: only the
 * step's own report and the fallback bookkeeping may be set, whoever calls (Storyflow's own code,
 * or a logged-in service account); anything else is refused, the task stays locked and nothing is
 * written. Over {@code /engine-rest} see {@code RemoteWorkerIT}.
 */
@SpringBootTest
@ActiveProfiles("test")
class StepTaskEndTest {

  static final String WORKER = "step-task-end-test";

  @Autowired
  ProcessEngine engine;

  StoryDriver driver;
  ExternalTaskService tasks;

  @BeforeEach
  void setUp() {
    driver = new StoryDriver(engine);
    tasks = engine.getExternalTaskService();
  }

  @AfterEach
  void logOut() {
    engine.getIdentityService().clearAuthentication();
  }

  @Test
  void aStepEndsWithItsOwnReportAndNothingElse() {
    // given a story whose feasibility step a worker has locked
    ProcessInstance story = driver.start("backend");
    String task = lock(story, "backend-engineer.feasibility");
    Object statusBefore = engine.getRuntimeService().getVariable(story.getId(), StoryVariables.STATUS);

    // a status, a decision, another step's report or a local variable is refused
    assertRefused(() -> tasks.complete(task, WORKER, Map.of("feasibility", report(), "status", "DONE")), "status");
    assertRefused(() -> tasks.complete(task, WORKER, Map.of("approved", true)), "approved");
    assertRefused(() -> tasks.complete(task, WORKER, Map.of("reworkTo", "DRAFT")), "reworkTo");
    assertRefused(() -> tasks.complete(task, WORKER, Map.of("implementationPlan", report())), "implementationPlan");
    assertRefused(() -> tasks.complete(task, WORKER, Map.of(), Map.of("feasibility", report())), "local variables");
    // and so is the fallback bookkeeping of another step, or a fallback resolved by the worker
    assertRefused(() -> tasks.complete(task, WORKER, Map.of("fallbackStep", "plan")), "fallbackStep plan");
    assertRefused(() -> tasks.complete(task, WORKER, Map.of("fallbackResolved", true)), "fallbackResolved");

    // a BPMN error is the fallback's only, with the same variables
    assertRefused(() -> tasks.handleBpmnError(task, WORKER, "SOMETHING_ELSE", "skip it", Map.of()),
        "SOMETHING_ELSE");
    assertRefused(() -> tasks.handleBpmnError(task, WORKER, StoryProcess.ERROR_BACKEND_ENGINEER_NEEDED, "why",
        Map.of("approved", true)), "approved");
    // a failure carries no variables
    assertRefused(() -> tasks.handleFailure(task, WORKER, "broke", "details", 1, 0, Map.of("status", "DONE"),
        Map.of()), "status");
    assertRefused(() -> tasks.handleFailure(task, WORKER, "broke", "details", 1, 0, Map.of(),
        Map.of("feasibility", report())), "feasibility");

    // the same holds for a logged-in service account of the backend-engineer group
    engine.getIdentityService().setAuthentication("worker", List.of("backend-engineer"));
    assertRefused(() -> tasks.complete(task, WORKER, Map.of("status", "DONE")), "status");
    engine.getIdentityService().clearAuthentication();

    // while the worker keeps its lock as it works: extending a lock ends nothing
    tasks.extendLock(task, WORKER, 120_000);

    // nothing was written and the task is still locked by its worker
    ExternalTask still = tasks.createExternalTaskQuery().externalTaskId(task).singleResult();
    assertThat(still.getWorkerId()).isEqualTo(WORKER);
    assertThat(still.getLockExpirationTime()).isNotNull();
    assertThat(still.getRetries()).isNull();
    Map<String, Object> variables = engine.getRuntimeService().getVariables(story.getId());
    assertThat(variables).doesNotContainKeys("feasibility", "approved", "reworkTo", "implementationPlan",
        "fallbackStep", "fallbackResolved").containsEntry(StoryVariables.STATUS, statusBefore);
    assertThat(story).isWaitingAt(StoryProcess.TASK_FEASIBILITY_REVIEW);

    // when the step ends with its report and the fallback bookkeeping cleared, as StepRunner ends it
    Map<String, Object> own = new HashMap<>();
    own.put("feasibility", report());
    own.put("fallbackStep", null);
    own.put("fallbackResolved", null);
    own.put("fallbackReason", null);
    tasks.complete(task, WORKER, own);

    // then the story has the report and moved on
    assertThat(story).isNotWaitingAt(StoryProcess.TASK_FEASIBILITY_REVIEW);
    assertThat(engine.getRuntimeService().getVariable(story.getId(), "feasibility")).isNotNull();
  }

  @Test
  void aStepAsksForAHumanWithItsOwnFallbackBookkeeping() {
    ProcessInstance story = driver.start("backend");
    String task = lock(story, "backend-engineer.feasibility");

    tasks.handleBpmnError(task, WORKER, StoryProcess.ERROR_BACKEND_ENGINEER_NEEDED, "no agent here",
        Map.of("fallbackStep", "feasibility", "fallbackResolved", false, "feasibility", report()));

    assertThat(story).isWaitingAt("Task_BackendEngineerFallback");
    assertThat(engine.getRuntimeService().getVariable(story.getId(), "fallbackReason")).isEqualTo("no agent here");
  }

  @Test
  void anExternalTaskOfNoBackendEngineerStepIsRefused() {
    // fail closed: a topic that names no step cannot be ended by anyone but an admin
    Deployment deployment = engine.getRepositoryService().createDeployment().addModelInstance("other.bpmn",
        Bpmn.createExecutableProcess("step-task-end-other").startEvent().serviceTask("Task_Other")
            .camundaExternalTask("backend-engineer.unknown").endEvent().done()).deploy();
    try {
      ProcessInstance other = engine.getRuntimeService().startProcessInstanceByKey("step-task-end-other", "other-1");
      String task = lock(other, "backend-engineer.unknown");

      assertRefused(() -> tasks.complete(task, WORKER), "no backend-engineer step");
      assertThat(tasks.createExternalTaskQuery().externalTaskId(task).singleResult().getWorkerId()).isEqualTo(WORKER);

      engine.getIdentityService().setAuthentication("admin", List.of("camunda-admin"));
      tasks.complete(task, WORKER);
      assertThat(other).isEnded();
    } finally {
      engine.getIdentityService().clearAuthentication();
      engine.getRepositoryService().deleteDeployment(deployment.getId(), true);
    }
  }

  private String lock(ProcessInstance story, String topic) {
    List<LockedExternalTask> locked = tasks.fetchAndLock(1, WORKER).topic(topic, 60_000)
        .businessKey(story.getBusinessKey()).execute();
    assertThat(locked).hasSize(1);
    return locked.get(0).getId();
  }

  private static Object report() {
    return SpinValues.jsonValue("{\"verdict\":\"FEASIBLE\"}").create();
  }

  private static void assertRefused(Runnable end, String named) {
    assertThatThrownBy(end::run).isInstanceOf(StoryForbiddenException.class).hasMessageContaining(named);
  }
}
