package dev.storyflow.agent;

import static org.assertj.core.api.Assertions.assertThat;

import dev.storyflow.StoryflowApplication;
import dev.storyflow.lifecycle.StoryDriver;
import dev.storyflow.lifecycle.StoryProcess;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.ProcessEngine;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.util.FileSystemUtils;

/**
 * Twenty agent runs at once (12 s each) on a node whose pool has ten connections, on a real
 * PostgreSQL: the steps are external tasks, so no run holds a connection or a transaction. While
 * the agents run, PostgreSQL shows no open transaction of Storyflow's, and all twenty finish
 * without a connection timeout.
 */
class WorkerPoolIT {

  static final int RUNS = 20;
  static final TestAgent AGENT = TestAgent.inNewDirectory();
  static EmbeddedPostgres postgres;

  @BeforeAll
  static void startPostgres() throws Exception {
    postgres = EmbeddedPostgres.builder().start();
  }

  @AfterAll
  static void stop() throws Exception {
    postgres.close();
    FileSystemUtils.deleteRecursively(AGENT.state().toFile());
  }

  @Test
  void twentySlowRunsOnTenConnectionsHoldNoTransaction() throws Exception {
    try (ConfigurableApplicationContext node = startNode()) {
      ProcessEngine engine = node.getBean(ProcessEngine.class);
      List<String> stories = new ArrayList<>();
      for (int i = 0; i < RUNS; i++) {
        String storyId = "POOL-" + i + "-" + System.nanoTime();
        AGENT.script(storyId, "slow");
        engine.getRuntimeService().startProcessInstanceByKey(StoryProcess.KEY, storyId,
            StoryDriver.storyVariables(storyId, "backend"));
        stories.add(storyId);
      }

      // while the agents run
      awaitAgentsStarted(stories);
      JdbcTemplate observer = new JdbcTemplate(postgres.getPostgresDatabase());
      List<Map<String, Object>> sessions = observer.queryForList(
          "SELECT state, query FROM pg_stat_activity WHERE datname = 'postgres' AND pid <> pg_backend_pid()"
              + " AND backend_type = 'client backend'");
      assertThat(sessions).as("Storyflow's connections while %d agents run", RUNS)
          .noneMatch(s -> String.valueOf(s.get("state")).startsWith("idle in transaction")
              || "active".equals(s.get("state")));
      assertThat(sessions.size()).as("connections open").isLessThanOrEqualTo(10);

      // then all finish
      Instant deadline = Instant.now().plus(Duration.ofMinutes(3));
      while (engine.getExternalTaskService().createExternalTaskQuery().topicName("backend-engineer.feasibility").count() > 0
          && Instant.now().isBefore(deadline)) {
        Thread.sleep(500);
      }
      assertThat(engine.getExternalTaskService().createExternalTaskQuery().topicName("backend-engineer.feasibility")
          .count()).isZero();
      assertThat(engine.getRuntimeService().createIncidentQuery().count()).isZero();
      for (String storyId : stories) {
        assertThat(AGENT.calls(storyId)).as(storyId).hasSize(1);
        String processInstanceId = engine.getRuntimeService().createProcessInstanceQuery()
            .processInstanceBusinessKey(storyId).singleResult().getId();
        assertThat(engine.getRuntimeService().getVariable(processInstanceId, "feasibility")).as(storyId).isNotNull();
      }
    }
  }

  private static void awaitAgentsStarted(List<String> stories) throws InterruptedException {
    Instant deadline = Instant.now().plus(Duration.ofMinutes(1));
    while (stories.stream().anyMatch(id -> AGENT.calls(id).isEmpty()) && Instant.now().isBefore(deadline)) {
      Thread.sleep(200);
    }
    assertThat(stories).as("every agent started").allMatch(id -> !AGENT.calls(id).isEmpty());
  }

  private static ConfigurableApplicationContext startNode() {
    return new SpringApplicationBuilder(StoryflowApplication.class)
        .profiles("postgres")
        .run(
            "--server.port=0",
            "--spring.jmx.enabled=false",
            "--spring.datasource.url=" + postgres.getJdbcUrl("postgres", "postgres"),
            "--spring.datasource.username=postgres",
            "--spring.datasource.password=",
            "--spring.datasource.hikari.maximum-pool-size=10",
            "--spring.datasource.hikari.connection-timeout=5000",
            "--camunda.bpm.generate-unique-process-engine-name=true",
            "--camunda.bpm.job-execution.enabled=true",
            "--storyflow.worker.max-concurrent-runs=" + RUNS,
            "--storyflow.agent.steps.feasibility.agent=command",
            "--storyflow.agent.timeout=1m",
            "--storyflow.agent.command=" + AGENT.command(),
            "--storyflow.workspace.root=" + AGENT.state().resolve("workspaces"),
            "--spring.application.name=storyflow-pool");
  }
}
