package dev.storyflow.cluster;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.storyflow.StoryflowApplication;
import dev.storyflow.lifecycle.StoryDriver;
import dev.storyflow.lifecycle.StoryProcess;
import dev.storyflow.story.DuplicateStoryException;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Two Storyflow nodes on one real PostgreSQL (the {@code postgres} profile), each with its job
 * executor: stories started on one node are worked on through the other, and when a node is
 * stopped in the middle, the survivor carries every story to Done.
 */
class PostgresClusterIT {

  static EmbeddedPostgres postgres;

  @BeforeAll
  static void startPostgres() throws Exception {
    postgres = EmbeddedPostgres.builder().start();
  }

  @AfterAll
  static void stopPostgres() throws Exception {
    postgres.close();
  }

  @Test
  void twoNodesShareTheWorkAndOneSurvivesTheOther() {
    try (ConfigurableApplicationContext nodeA = startNode("a"); ConfigurableApplicationContext nodeB = startNode("b")) {
      ProcessEngine engineA = nodeA.getBean(ProcessEngine.class);
      ProcessEngine engineB = nodeB.getBean(ProcessEngine.class);
      dev.storyflow.sprint.TestSprints.started(engineA);

      // given stories started on node A
      List<String> stories = new ArrayList<>();
      for (int i = 0; i < 6; i++) {
        String storyId = "CL-" + i + "-" + System.nanoTime();
        engineA.getRuntimeService().startProcessInstanceByKey(StoryProcess.KEY, storyId,
            StoryDriver.storyVariables(storyId, i % 2 == 0 ? "backend" : "backend,frontend"));
        stories.add(storyId);
      }

      // when node B works on them for a while, then node A stops
      completeOpenTasks(engineB, 40);
      nodeA.close();

      // then node B alone brings every story to Done
      Instant deadline = Instant.now().plus(Duration.ofMinutes(3));
      while (engineB.getRuntimeService().createProcessInstanceQuery().processDefinitionKey(StoryProcess.KEY)
          .count() > 0 && Instant.now().isBefore(deadline)) {
        if (completeOpenTasks(engineB, 20) == 0) {
          pause();
        }
      }
      for (String storyId : stories) {
        assertThat(engineB.getHistoryService().createHistoricProcessInstanceQuery()
            .processInstanceBusinessKey(storyId).singleResult().getEndTime()).as(storyId).isNotNull();
        assertThat(engineB.getHistoryService().createHistoricVariableInstanceQuery()
            .processInstanceId(engineB.getHistoryService().createHistoricProcessInstanceQuery()
                .processInstanceBusinessKey(storyId).singleResult().getId())
            .variableName("status").singleResult().getValue()).isEqualTo("DONE");
      }
      assertThat(engineB.getRuntimeService().createIncidentQuery().count()).isZero();

      // the story ids and the audit hold in PostgreSQL itself
      assertThatThrownBy(() -> engineB.getRuntimeService().startProcessInstanceByKey(StoryProcess.KEY, stories.get(0),
          StoryDriver.storyVariables(stories.get(0), "backend"))).isInstanceOf(DuplicateStoryException.class);
      JdbcTemplate jdbc = nodeB.getBean(JdbcTemplate.class);
      assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM SF_AUDIT", Integer.class)).isPositive();
      assertThatThrownBy(() -> jdbc.update("UPDATE SF_AUDIT SET COMMENT = 'rewritten'")).hasMessageContaining("append-only");
      assertThatThrownBy(() -> jdbc.update("DELETE FROM SF_AUDIT")).hasMessageContaining("append-only");
    }
  }

  /** Completes up to {@code max} open tasks, approving; returns how many it completed. */
  private static int completeOpenTasks(ProcessEngine engine, int max) {
    int completed = 0;
    for (Task task : engine.getTaskService().createTaskQuery().processDefinitionKey(StoryProcess.KEY)
        .orderByTaskCreateTime().asc().listPage(0, max)) {
      Map<String, Object> variables = new HashMap<>();
      switch (task.getTaskDefinitionKey()) {
        case "Task_PlanIntoSprint" -> variables.putAll(StoryDriver.plan());
        case "Task_ApproveDraft" -> variables.putAll(StoryDriver.approveDraft());
        case "Task_ConfigureDevOps" -> variables.putAll(StoryDriver.approveWithoutBundle());
        case "Task_FrontendImplement", "Task_BackendEngineerFallback", "Task_ReviseStory" -> { }
        default -> variables.putAll(StoryDriver.approve());
      }
      engine.getTaskService().complete(task.getId(), variables);
      completed++;
    }
    return completed;
  }

  private static ConfigurableApplicationContext startNode(String name) {
    return new SpringApplicationBuilder(StoryflowApplication.class)
        .profiles("postgres")
        // command-line arguments: they win over the profile files, as on a real node
        .run(
            "--server.port=0",
            "--spring.jmx.enabled=false",
            "--spring.datasource.url=" + postgres.getJdbcUrl("postgres", "postgres"),
            "--spring.datasource.username=postgres",
            "--spring.datasource.password=",
            "--camunda.bpm.generate-unique-process-engine-name=true",
            "--camunda.bpm.job-execution.enabled=true",
            "--storyflow.demo.enabled=true",
            "--spring.application.name=storyflow-" + name);
  }

  private static void pause() {
    try {
      Thread.sleep(200);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
