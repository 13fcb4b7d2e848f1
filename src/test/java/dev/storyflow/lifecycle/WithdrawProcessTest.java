package dev.storyflow.lifecycle;

import static dev.storyflow.lifecycle.StoryDriver.approve;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.complete;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.task;

import dev.storyflow.audit.AuditLog;
import dev.storyflow.story.DuplicateStoryException;
import java.util.Map;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.ActiveProfiles;

/** The product owner withdraws a story while revising it: its own end event, status WITHDRAWN, id taken for ever. */
@SpringBootTest
@ActiveProfiles("test")
class WithdrawProcessTest {

  @Autowired
  ProcessEngine engine;

  @Autowired
  AuditLog audit;

  @Test
  void withdrawingFromReviseStoryEndsTheStoryAndKeepsItsId() {
    // given a story sent to revision
    StoryDriver driver = new StoryDriver(engine);
    ProcessInstance story = driver.start("backend");
    driver.completeTask(story, "Task_ArchitectReview", approve());
    driver.completeTask(story, "Task_SecurityEarlyReview", approve());
    driver.feasibilityReview(story);
    driver.completeTask(story, "Task_ApproveDraft", Map.of("approved", false, "comment", "Overlaps US-12"));
    assertThat(story).isWaitingAt("Task_ReviseStory");

    // when the product owner withdraws it without saying why, it is refused
    assertThatThrownBy(() -> complete(task("Task_ReviseStory", story), Map.of("withdraw", true)))
        .hasMessageContaining("comment is required to withdraw the story");
    assertThatThrownBy(() -> complete(task("Task_ReviseStory", story), Map.of("withdraw", "yes", "comment", "x")))
        .hasMessageContaining("withdraw must be a Boolean");
    assertThat(story).isWaitingAt("Task_ReviseStory");

    // when withdrawn with a comment
    driver.completeTask(story, "Task_ReviseStory", Map.of("withdraw", true, "comment", "Covered by US-12"));

    // then the story ends at its own end event, withdrawn, recorded in the audit
    assertThat(story).isEnded().hasPassed("EndEvent_StoryWithdrawn").hasNotPassed("EndEvent_StoryDone");
    assertThat(engine.getHistoryService().createHistoricVariableInstanceQuery().processInstanceId(story.getId())
        .variableName("status").singleResult().getValue()).isEqualTo("WITHDRAWN");
    assertThat(audit.forStory(story.getBusinessKey())).anyMatch(e -> "WITHDRAWN".equals(e.outcome())
        && "Covered by US-12".equals(e.comment()));

    // and its id stays taken
    assertThatThrownBy(() -> engine.getRuntimeService().startProcessInstanceByKey(StoryProcess.KEY,
        story.getBusinessKey(), StoryDriver.storyVariables(story.getBusinessKey(), "backend")))
        .isInstanceOf(DuplicateStoryException.class);
  }

  @Test
  void aRevisionWithoutWithdrawGoesBackToTheDraftReviews() {
    StoryDriver driver = new StoryDriver(engine);
    ProcessInstance story = driver.start("backend");
    driver.completeTask(story, "Task_ArchitectReview", approve());
    driver.completeTask(story, "Task_SecurityEarlyReview", approve());
    driver.feasibilityReview(story);
    driver.completeTask(story, "Task_ApproveDraft", Map.of("approved", false, "comment", "Too vague"));

    driver.completeTask(story, "Task_ReviseStory", Map.of("withdraw", false, "title", "Reset a password by e-mail"));

    assertThat(story).isWaitingAt("Task_ArchitectReview", "Task_SecurityEarlyReview", "Task_FeasibilityReview");
    driver.assertStatus(story, Status.DRAFT);
  }
}
