package dev.storyflow.lifecycle;

import static dev.storyflow.lifecycle.StoryDriver.approve;
import static org.assertj.core.api.Assertions.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;

import dev.storyflow.audit.AuditEntry;
import dev.storyflow.audit.AuditLog;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.history.HistoricDetail;
import org.camunda.bpm.engine.history.HistoricVariableUpdate;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.ActiveProfiles;

/**
 * What history keeps of a story: every decision (audit, task comment, outcome), the changes of the
 * story's own fields; not the decision inputs (transient), not the detail rows of bookkeeping
 * variables, not an evaluation of the service-level table per task, and no removal time to rewrite
 * at the end.
 */
@SpringBootTest
@ActiveProfiles("test")
class StoryHistoryTest {

  @Autowired
  ProcessEngine engine;

  @Autowired
  AuditLog audit;

  @Test
  void decisionsAreKeptInTheAuditAndCommentsWhileTheirInputsLeaveNoHistory() {
    // given a story through its Draft reviews, sent back once and revised
    HistoryService history = engine.getHistoryService();
    long tableEvaluations = history.createHistoricDecisionInstanceQuery().decisionDefinitionKey("service-levels").count();
    StoryDriver driver = new StoryDriver(engine);
    ProcessInstance story = driver.start("backend");
    driver.completeTask(story, "Task_ArchitectReview", Map.of("approved", true, "comment", "Fits the billing module"));
    driver.completeTask(story, "Task_SecurityEarlyReview", approve());
    driver.feasibilityReview(story);
    driver.completeTask(story, "Task_ApproveDraft", Map.of("approved", false, "comment", "Name the export format"));
    driver.completeTask(story, "Task_ReviseStory", Map.of("withdraw", false, "title", "Export invoices as CSV"));

    // then the decision inputs were never variables, in the runtime or in history
    for (String input : StoryVariables.DECISION_INPUTS) {
      assertThat(history.createHistoricVariableInstanceQuery().processInstanceId(story.getId()).variableName(input)
          .includeDeleted().count()).as(input).isZero();
      assertThat(engine.getRuntimeService().getVariable(story.getId(), input)).as(input).isNull();
    }
    // and what they decided is kept: the audit, the task comments, the outcome that routed the story
    List<AuditEntry> entries = audit.forStory(story.getBusinessKey());
    assertThat(entries).anyMatch(e -> "Task_ArchitectReview".equals(e.taskDefinitionKey()) && "Fits the billing module".equals(e.comment()));
    assertThat(entries).anyMatch(e -> "Task_ApproveDraft".equals(e.taskDefinitionKey()) && "REWORK".equals(e.outcome()));
    assertThat(engine.getTaskService().getProcessInstanceComments(story.getId()))
        .extracting(c -> c.getFullMessage()).contains("Fits the billing module", "Name the export format");
    assertThat(story).isWaitingAt("Task_ArchitectReview", "Task_SecurityEarlyReview", "Task_FeasibilityReview");

    // and the story's own fields keep every change in detail, the bookkeeping only its latest value
    assertThat(updates(history, story, "title")).extracting(HistoricVariableUpdate::getValue)
        .contains("Export invoices as CSV").hasSizeGreaterThanOrEqualTo(2);
    assertThat(updates(history, story, "status")).isEmpty();
    assertThat(history.createHistoricVariableInstanceQuery().processInstanceId(story.getId()).variableName("status")
        .singleResult().getValue()).isEqualTo("DRAFT");
    assertThat(updates(history, story, "feasibility")).isNotEmpty();

    // and the service-level table gives every task its due date, evaluated once per status, not per task
    assertThat(engine.getTaskService().createTaskQuery().processInstanceId(story.getId()).list())
        .allSatisfy(task -> assertThat(task.getDueDate()).as(task.getTaskDefinitionKey()).isNotNull());
    long evaluations = history.createHistoricDecisionInstanceQuery().decisionDefinitionKey("service-levels").count();
    assertThat(evaluations - tableEvaluations).isLessThanOrEqualTo(2);
    ProcessInstance another = driver.start("backend");
    driver.completeTask(another, "Task_ArchitectReview", approve());
    assertThat(history.createHistoricDecisionInstanceQuery().decisionDefinitionKey("service-levels").count())
        .isEqualTo(evaluations);

    // and the tasks have no service-level timers (the sweep reminds them), so no timer job log either
    assertThat(history.createHistoricJobLogQuery().processInstanceId(story.getId()).list())
        .noneMatch(log -> "timer-task-listener".equals(log.getJobDefinitionType()));
    assertThat(engine.getManagementService().createJobQuery().processInstanceId(story.getId()).timers().count())
        .isZero();
    assertThat(engine.getManagementService().getHistoryLevel()).isEqualTo(3);

    // and activity history keeps the tasks and the status entries, not the gateways and links between them
    List<String> passed = history.createHistoricActivityInstanceQuery().processInstanceId(story.getId()).list().stream()
        .map(a -> a.getActivityId() + " " + a.getActivityType()).toList();
    assertThat(passed).contains("Task_ArchitectReview userTask", "Task_ApproveDraft userTask",
        "Task_ReviseStory userTask", Status.DRAFT.entryElementId() + " exclusiveGateway");
    assertThat(passed).filteredOn(a -> a.endsWith("Gateway") || a.contains("Link") || a.contains("ThrowEvent"))
        .containsOnly(Status.DRAFT.entryElementId() + " exclusiveGateway");
    assertThat(story).hasPassed(Status.DRAFT.entryElementId());

    // and no removal time is stamped on history (cleanup goes by end time)
    assertThat(history.createHistoricProcessInstanceQuery().processInstanceId(story.getId()).singleResult()
        .getRemovalTime()).isNull();
  }

  @Test
  void aDecisionInputLeftAsAVariableIsStillReadAndRemoved() {
    // given a story whose instance holds a variable named like a decision input (set by Java code)
    StoryDriver driver = new StoryDriver(engine);
    ProcessInstance story = driver.start("backend");
    engine.getRuntimeService().setVariable(story.getId(), "comment", "left over");

    // when the architect decides with a comment of the same name
    driver.completeTask(story, "Task_ArchitectReview", Map.of("approved", false, "comment", "Which ledger?"));

    // then the submitted comment is the one recorded, and no input is left behind
    assertThat(audit.forStory(story.getBusinessKey())).anyMatch(e -> "Which ledger?".equals(e.comment()));
    assertThat(engine.getRuntimeService().getVariable(story.getId(), "comment")).isNull();
  }

  private static List<HistoricVariableUpdate> updates(HistoryService history, ProcessInstance story, String name) {
    return history.createHistoricDetailQuery().processInstanceId(story.getId()).variableUpdates().list().stream()
        .map(HistoricDetail.class::cast)
        .map(HistoricVariableUpdate.class::cast)
        .filter(u -> name.equals(u.getVariableName()))
        .toList();
  }
}
