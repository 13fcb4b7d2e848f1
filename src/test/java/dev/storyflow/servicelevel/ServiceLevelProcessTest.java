package dev.storyflow.servicelevel;

import static org.assertj.core.api.Assertions.assertThat;

import dev.storyflow.lifecycle.StoryDriver;
import dev.storyflow.story.StoryQueries;
import dev.storyflow.story.StoryView.OpenTask;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.ActiveProfiles;

/**
 * Service levels on one review task, on the engine clock with jobs run by hand: the due date from
 * {@code service-levels.dmn} in working days, the reminder to the task's candidates at the due
 * date, the escalation to the {@code escalateTo} group after {@code escalateAfter}, and the story
 * listed as overdue. The notifications land in the outbox (a webhook is configured that nobody
 * answers; delivery is the notification tests' concern).
 */
@SpringBootTest(properties = {
    "storyflow.notifications.webhooks[0].url=http://127.0.0.1:9/storyflow-hook",
    "storyflow.notifications.webhooks[0].events=overdue,escalated"})
@ActiveProfiles("test")
class ServiceLevelProcessTest {

  @Autowired
  ProcessEngine engine;

  @Autowired
  StoryQueries stories;

  @Autowired
  JdbcTemplate jdbc;

  @AfterEach
  void resetClock() {
    ClockUtil.reset();
  }

  @Test
  void aReviewTaskIsDueRemindedAndEscalated() {
    // given a story reaching Code review on Friday 2026-03-06 10:00 UTC
    ClockUtil.setCurrentTime(Date.from(Instant.parse("2026-03-06T10:00:00Z")));
    ProcessInstance story = new StoryDriver(engine).startAt("Gateway_EnterCodeReview", Map.of());
    Task review = engine.getTaskService().createTaskQuery().processInstanceId(story.getId()).singleResult();

    // then it is due in two working days (Tuesday), with a reminder then and an escalation after four (Thursday)
    assertThat(review.getDueDate().toInstant()).isEqualTo(Instant.parse("2026-03-10T10:00:00Z"));
    List<Job> timers = engine.getManagementService().createJobQuery().processInstanceId(story.getId()).timers()
        .orderByJobDuedate().asc().list();
    assertThat(timers).extracting(j -> j.getDuedate().toInstant())
        .containsExactly(Instant.parse("2026-03-10T10:00:00Z"), Instant.parse("2026-03-12T10:00:00Z"));
    assertThat(overdue(story)).isFalse();
    assertThat(stories.list(null, null, null, true)).noneMatch(s -> s.storyId().equals(story.getBusinessKey()));

    // when the due date passes, the reminder fires
    ClockUtil.setCurrentTime(Date.from(Instant.parse("2026-03-10T10:01:00Z")));
    engine.getManagementService().executeJob(timers.get(0).getId());

    // then the candidates are told, and the story is listed as overdue
    assertThat(outbox(story, "overdue")).singleElement().asString().contains("\"code-reviewer\"");
    assertThat(overdue(story)).isTrue();
    assertThat(stories.list(null, null, null, true)).anyMatch(s -> s.storyId().equals(story.getBusinessKey()));

    // when the escalation time passes, the product owner is told
    ClockUtil.setCurrentTime(Date.from(Instant.parse("2026-03-12T10:01:00Z")));
    engine.getManagementService().executeJob(timers.get(1).getId());
    assertThat(outbox(story, "escalated")).singleElement().asString().contains("\"product-owner\"");

    // and completing the task ends its timers
    engine.getTaskService().complete(review.getId(), Map.of("approved", true));
    assertThat(engine.getManagementService().createJobQuery().processInstanceId(story.getId()).timers()
        .list()).noneMatch(j -> timers.stream().anyMatch(t -> t.getId().equals(j.getId())));
  }

  private boolean overdue(ProcessInstance story) {
    return stories.find(story.getBusinessKey()).orElseThrow().openTasks().stream()
        .filter(t -> t.taskDefinitionKey().equals("Task_CodeReview")).map(OpenTask::overdue).findFirst().orElseThrow();
  }

  private List<String> outbox(ProcessInstance story, String event) {
    return jdbc.queryForList("SELECT PAYLOAD FROM SF_NOTIFICATION_OUTBOX WHERE STORY_ID = ? AND EVENT = ?",
        String.class, story.getBusinessKey(), event);
  }
}
