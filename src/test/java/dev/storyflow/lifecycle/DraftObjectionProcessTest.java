package dev.storyflow.lifecycle;

import static dev.storyflow.lifecycle.StoryDriver.approve;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.complete;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.task;

import dev.storyflow.audit.AuditEntry;
import dev.storyflow.audit.AuditLog;
import java.util.Map;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.ActiveProfiles;

/**
 * Draft objections: the architect's or security expert's "not approved" in Draft makes the product
 * owner's approval an override that needs a comment and is recorded in the audit; an objection of
 * an earlier round, answered by a revision, no longer counts.
 */
@SpringBootTest
@ActiveProfiles("test")
class DraftObjectionProcessTest {

  @Autowired
  ProcessEngine engine;

  @Autowired
  AuditLog audit;

  StoryDriver driver;

  @BeforeEach
  void setUp() {
    driver = new StoryDriver(engine);
  }

  @Test
  void approvingOverAnObjectionNeedsACommentAndIsRecordedAsAnOverride() {
    // given the architect objects in Draft
    ProcessInstance story = driver.start("backend");
    driver.completeTask(story, "Task_ArchitectReview",
        Map.of("approved", false, "comment", "CSV export must stream, not load all rows"));
    driver.completeTask(story, "Task_SecurityEarlyReview", approve());
    driver.feasibilityReview(story);

    // when the product owner approves without a comment, it is refused and the task stays open
    assertThatThrownBy(() -> complete(task("Task_ApproveDraft", story), Map.of("approved", true)))
        .hasMessageContaining("comment is required to approve against the evidence")
        .hasMessageContaining("open objection in Draft: System architect said: CSV export must stream");
    assertThat(story).isWaitingAt("Task_ApproveDraft");

    // when approved with a comment, the story goes on and the audit records the override
    driver.completeTask(story, "Task_ApproveDraft", Map.of("approved", true, "comment", "Streaming is planned in US-7"));
    driver.assertStatus(story, Status.BACKLOG);
    AuditEntry approval = audit.forStory(story.getBusinessKey()).stream()
        .filter(e -> "Task_ApproveDraft".equals(e.taskDefinitionKey())).findFirst().orElseThrow();
    assertThat(approval.kind()).isEqualTo(AuditEntry.OVERRIDE);
    assertThat(approval.reason()).contains("open objection in Draft: System architect said: CSV export must stream");
    assertThat(approval.comment()).isEqualTo("Streaming is planned in US-7");
  }

  @Test
  void anObjectionOfAnEarlierRoundNoLongerCounts() {
    // given the security expert objected, and the product owner sent the story to revision
    ProcessInstance story = driver.start("backend");
    driver.completeTask(story, "Task_ArchitectReview", approve());
    driver.completeTask(story, "Task_SecurityEarlyReview", Map.of("approved", false, "comment", "Who may export?"));
    driver.feasibilityReview(story);
    driver.completeTask(story, "Task_ApproveDraft", Map.of("approved", false, "comment", "Answer the security question"));
    driver.completeTask(story, "Task_ReviseStory", Map.of("notes", "Only accountants may export"));

    // when both approve in the next round
    driver.completeTask(story, "Task_ArchitectReview", approve());
    driver.completeTask(story, "Task_SecurityEarlyReview", approve());
    driver.feasibilityReview(story);

    // then the earlier objection is not an open objection any more (the feasibility review may
    // still ask for a comment, for its own reasons)
    try {
      complete(task("Task_ApproveDraft", story), Map.of("approved", true));
      driver.assertStatus(story, Status.BACKLOG);
    } catch (RuntimeException refusal) {
      assertThat(refusal.getMessage()).contains("comment is required").doesNotContain("open objection");
    }
  }
}
