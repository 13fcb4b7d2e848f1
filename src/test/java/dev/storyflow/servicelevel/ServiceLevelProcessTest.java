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
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.ActiveProfiles;

/**
 * Service levels on one review task, on the engine clock with the sweep run by hand: the due date
 * from {@code service-levels.dmn} in working days, the reminder to the task's candidates once the
 * due date passed, the escalation to the {@code escalateTo} group after {@code escalateAfter}, each
 * once, also when two nodes sweep at the same time, and the story listed as overdue. The notifications land in the outbox (a webhook is configured that nobody
 * answers; delivery is the notification tests' concern).
 */
@SpringBootTest(properties = {
    "storyflow.notifications.webhooks[0].url=http://127.0.0.1:9/storyflow-hook",
    "storyflow.notifications.webhooks[0].events=overdue,escalated",
    "storyflow.service-levels.sweep-interval=1h"})
@ActiveProfiles("test")
class ServiceLevelProcessTest {

  @Autowired
  ProcessEngine engine;

  @Autowired
  StoryQueries stories;

  @Autowired
  JdbcTemplate jdbc;

  @Autowired
  ServiceLevelSweep sweep;

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

    // then it is due in two working days (Tuesday), and the task creates no timer job of its own
    assertThat(review.getDueDate().toInstant()).isEqualTo(Instant.parse("2026-03-10T10:00:00Z"));
    assertThat(engine.getManagementService().createJobQuery().processInstanceId(story.getId()).timers().count())
        .isZero();
    assertThat(overdue(story)).isFalse();
    assertThat(stories.list(null, null, null, true)).noneMatch(s -> s.storyId().equals(story.getBusinessKey()));

    // when a sweep runs before the due date, nothing is sent
    ClockUtil.setCurrentTime(Date.from(Instant.parse("2026-03-10T09:59:00Z")));
    sweep.run();
    assertThat(outbox(story, "overdue")).isEmpty();

    // when the due date passes, the sweep reminds the candidates, once however often it runs
    ClockUtil.setCurrentTime(Date.from(Instant.parse("2026-03-10T10:01:00Z")));
    sweep.run();
    sweep.run();
    assertThat(outbox(story, "overdue")).singleElement().asString().contains("\"code-reviewer\"");
    assertThat(outbox(story, "escalated")).isEmpty();
    assertThat(overdue(story)).isTrue();
    assertThat(stories.list(null, null, null, true)).anyMatch(s -> s.storyId().equals(story.getBusinessKey()));

    // when the escalation time (four working days: Thursday) passes, the product owner is told, once
    ClockUtil.setCurrentTime(Date.from(Instant.parse("2026-03-12T09:59:00Z")));
    sweep.run();
    assertThat(outbox(story, "escalated")).isEmpty();
    ClockUtil.setCurrentTime(Date.from(Instant.parse("2026-03-12T10:01:00Z")));
    sweep.run();
    sweep.run();
    assertThat(outbox(story, "escalated")).singleElement().asString().contains("\"product-owner\"");
    assertThat(outbox(story, "overdue")).hasSize(1);

    // and once the task is completed, its notices are forgotten and nothing more is sent for it
    engine.getTaskService().complete(review.getId(), Map.of("approved", true));
    sweep.run();
    assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM SF_SERVICE_LEVEL_NOTICE WHERE TASK_ID = ?", Integer.class,
        review.getId())).isZero();
    assertThat(outbox(story, "overdue")).hasSize(1);
  }

  @Test
  void twoNodesSweepingAtOnceSendEachNoticeOnce() throws Exception {
    // given a story whose Code review is overdue and due for escalation
    ClockUtil.setCurrentTime(Date.from(Instant.parse("2026-04-06T10:00:00Z")));
    ProcessInstance story = new StoryDriver(engine).startAt("Gateway_EnterCodeReview", Map.of());
    ClockUtil.setCurrentTime(Date.from(Instant.parse("2026-04-20T10:00:00Z")));

    // when two sweeps run at the same time (as two nodes would, on one database)
    java.util.concurrent.ExecutorService nodes = java.util.concurrent.Executors.newFixedThreadPool(2);
    try {
      java.util.concurrent.CountDownLatch go = new java.util.concurrent.CountDownLatch(1);
      List<java.util.concurrent.Future<Integer>> runs = List.of(
          nodes.submit(() -> { go.await(); return sweep.run(); }),
          nodes.submit(() -> { go.await(); return sweep.run(); }));
      go.countDown();
      for (java.util.concurrent.Future<Integer> run : runs) {
        run.get();
      }
    } finally {
      nodes.shutdownNow();
    }

    // then each notice went out once
    assertThat(outbox(story, "overdue")).hasSize(1);
    assertThat(outbox(story, "escalated")).hasSize(1);
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
