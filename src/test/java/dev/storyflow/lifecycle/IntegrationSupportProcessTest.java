package dev.storyflow.lifecycle;

import static dev.storyflow.lifecycle.StoryDriver.approve;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.complete;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.task;

import java.util.Map;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.camunda.spin.json.SpinJsonNode;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.ActiveProfiles;

/**
 * Integration support: QA's testing tasks may ask the backend engineer for help instead of giving
 * a verdict; {@code Task_IntegrationSupport} runs and its report goes back to a new QA task of the
 * same status, which the story never leaves.
 */
@SpringBootTest
@ActiveProfiles("test")
class IntegrationSupportProcessTest {

  @Autowired
  ProcessEngine engine;

  StoryDriver driver;

  @BeforeEach
  void setUp() {
    driver = new StoryDriver(engine);
  }

  @ParameterizedTest
  @CsvSource({"Gateway_EnterIntegrationTesting, Task_IntegrationTest, INTEGRATION_TESTING",
      "Gateway_EnterE2ETesting, Task_E2ETest, E2E_TESTING"})
  void supportRequestedByQaComesBackToQaAtTheSameStatus(String entry, String qaTask, Status status) {
    // given a story in a testing status
    ProcessInstance story = driver.startAt(entry, Map.of());
    Task first = task(qaTask, story);
    long statusesBefore = statusesEntered(story);

    // when QA asks for integration support
    driver.completeTask(story, qaTask, Map.of("needsBackendSupport", true,
        "comment", "POST /invoices answers 502 behind the gateway\nupstream timed out"));

    // then the backend engineer's step runs, and its report goes back to a new QA task
    assertThat(story).isWaitingAt("Task_IntegrationSupport");
    driver.assertStatus(story, status);
    assertThat(engine.getRuntimeService().getVariable(story.getId(), "supportRequest"))
        .isEqualTo("POST /invoices answers 502 behind the gateway\nupstream timed out");
    driver.runStep(story, "Task_IntegrationSupport");
    assertThat(story).isWaitingAt(qaTask).hasPassed("Task_IntegrationSupport");
    assertThat(task(qaTask, story).getId()).isNotEqualTo(first.getId());
    SpinJsonNode report = (SpinJsonNode) engine.getRuntimeService().getVariable(story.getId(), "integrationSupport");
    assertThat(report.prop("reproduced").boolValue()).isFalse();
    assertThat(report.prop("gate").stringValue()).isEqualTo("not run");
    assertThat(report.prop("request").stringValue()).startsWith("POST /invoices answers 502");
    driver.assertStatus(story, status);
    assertThat(statusesEntered(story)).as("the story never left its status").isEqualTo(statusesBefore);

    // and QA then decides as usual
    driver.completeTask(story, qaTask, approve());
    assertThat(story).isNotWaitingAt(qaTask);
  }

  @Test
  void aSupportRequestNeedsACommentAndNoVerdict() {
    ProcessInstance story = driver.startAt("Gateway_EnterIntegrationTesting", Map.of());

    assertThatThrownBy(() -> complete(task("Task_IntegrationTest", story), Map.of("needsBackendSupport", true)))
        .hasMessageContaining("comment is required with needsBackendSupport");
    assertThatThrownBy(() -> complete(task("Task_IntegrationTest", story),
        Map.of("needsBackendSupport", true, "comment", "502", "reworkTo", "IN_PROGRESS")))
        .hasMessageContaining("reworkTo is not allowed with needsBackendSupport");
    assertThatThrownBy(() -> complete(task("Task_IntegrationTest", story),
        Map.of("needsBackendSupport", true, "comment", "502", "approved", true)))
        .hasMessageContaining("approved must not be true with needsBackendSupport");
    assertThatThrownBy(() -> complete(task("Task_IntegrationTest", story),
        Map.of("needsBackendSupport", "yes", "comment", "502")))
        .hasMessageContaining("needsBackendSupport must be a Boolean");
    assertThat(story).isWaitingAt("Task_IntegrationTest");
  }

  @Test
  void onlyQaTasksOfferIntegrationSupport() {
    ProcessInstance story = driver.startAt("Gateway_EnterCodeReview", Map.of());

    assertThatThrownBy(() -> complete(task("Task_CodeReview", story),
        Map.of("needsBackendSupport", true, "comment", "help")))
        .hasMessageContaining("needsBackendSupport is not accepted when completing Code review");
  }

  @Test
  void aHumanBackendEngineerTakesOverWhenTheStepCannotBeDone() {
    ProcessInstance story = driver.startAt("Gateway_EnterE2ETesting", Map.of());
    driver.completeTask(story, "Task_E2ETest", Map.of("needsBackendSupport", true, "comment", "Login loops"));
    assertThat(story).isWaitingAt("Task_IntegrationSupport");

    // the fallback resumes the step: the link events of the new step are wired
    engine.getExternalTaskService().createExternalTaskQuery().processInstanceId(story.getId()).list()
        .forEach(t -> {
          engine.getExternalTaskService().fetchAndLock(1, "test").topic(t.getTopicName(), 60_000).execute();
          engine.getExternalTaskService().handleBpmnError(t.getId(), "test", "BACKEND_ENGINEER_NEEDED", "no agent",
              Map.of("fallbackStep", "integrationSupport", "fallbackResolved", false));
        });
    assertThat(story).isWaitingAt("Task_BackendEngineerFallback");
    driver.completeTask(story, "Task_BackendEngineerFallback", Map.of("comment", "Cookie domain was wrong"));
    assertThat(story).isWaitingAt("Task_IntegrationSupport");
    driver.runStep(story, "Task_IntegrationSupport");
    assertThat(story).isWaitingAt("Task_E2ETest");
  }

  private long statusesEntered(ProcessInstance story) {
    return engine.getHistoryService().createHistoricActivityInstanceQuery().processInstanceId(story.getId())
        .list().stream().filter(a -> Status.enteredAt(a.getActivityId()).isPresent()).count();
  }
}
