package dev.storyflow.agent;

import static org.assertj.core.api.Assertions.assertThat;

import dev.storyflow.StoryflowApplication;
import dev.storyflow.crash.ClockedAgent;
import dev.storyflow.lifecycle.StoryDriver;
import dev.storyflow.lifecycle.StoryProcess;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
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
 * Twenty agent runs at once (30 s each, a worker limit of 20) on a node whose pool has ten
 * connections, on a real PostgreSQL: the steps are external tasks, so no run holds a connection or
 * a transaction. While the agents run, PostgreSQL never shows a transaction of Storyflow's that
 * has been open for more than a moment (sampled every second, at least ten times), and all twenty
 * finish, all alive at once, without a connection timeout: Hikari counts none (a 5 s wait for a
 * connection would also fail a step and raise an incident).
 */
class WorkerPoolIT {

  static final int RUNS = 20;
  static final int POOL = 10;
  static final Path DIR = temp();
  static final ClockedAgent AGENT = ClockedAgent.in(DIR.resolve("agent"));
  static EmbeddedPostgres postgres;

  @BeforeAll
  static void startPostgres() throws Exception {
    postgres = EmbeddedPostgres.builder().start();
  }

  @AfterAll
  static void stop() throws Exception {
    postgres.close();
    FileSystemUtils.deleteRecursively(DIR.toFile());
  }

  @Test
  void twentySlowRunsOnTenConnectionsHoldNoTransaction() throws Exception {
    try (ConfigurableApplicationContext node = startNode()) {
      ProcessEngine engine = node.getBean(ProcessEngine.class);
      List<String> stories = new ArrayList<>();
      for (int i = 0; i < RUNS; i++) {
        String storyId = "POOL-" + i + "-" + System.nanoTime();
        engine.getRuntimeService().startProcessInstanceByKey(StoryProcess.KEY, storyId,
            StoryDriver.storyVariables(storyId, "backend"));
        stories.add(storyId);
      }

      // while the agents run, no transaction stays open and the pool stays within its size
      awaitAgentsStarted(stories);
      JdbcTemplate observer = new JdbcTemplate(postgres.getPostgresDatabase());
      int samples = 0;
      while (stories.stream().allMatch(id -> AGENT.runs(id).get(0).end() == null)) {
        List<Map<String, Object>> sessions = observer.queryForList(
            "SELECT state, query, EXTRACT(EPOCH FROM now() - xact_start) AS open_seconds FROM pg_stat_activity"
                + " WHERE datname = 'postgres'"
                + " AND pid <> pg_backend_pid() AND backend_type = 'client backend'");
        // a run that held a transaction would keep it open (active or idle in transaction) for its 30 s
        assertThat(sessions).as("Storyflow's connections while %d agents run", RUNS)
            .noneMatch(WorkerPoolIT::openForMoreThanAMoment);
        assertThat(sessions.size()).as("connections open").isLessThanOrEqualTo(POOL);
        samples++;
        Thread.sleep(1_000);
      }
      assertThat(samples).as("pg_stat_activity samples taken while all %d agents ran", RUNS)
          .isGreaterThanOrEqualTo(10);

      // then all finish
      Instant deadline = Instant.now().plus(Duration.ofMinutes(3));
      while (engine.getExternalTaskService().createExternalTaskQuery().topicName("backend-engineer.feasibility").count() > 0
          && Instant.now().isBefore(deadline)) {
        Thread.sleep(500);
      }
      assertThat(engine.getExternalTaskService().createExternalTaskQuery().topicName("backend-engineer.feasibility")
          .count()).isZero();
      assertThat(engine.getRuntimeService().createIncidentQuery().count()).isZero();
      // no request for a connection waited out hikari's connection-timeout, anywhere in the node
      Counter timeouts = node.getBean(MeterRegistry.class).find("hikaricp.connections.timeout").counter();
      assertThat(timeouts).as("Hikari's connection timeout count").isNotNull();
      assertThat(timeouts.count()).isZero();
      List<ClockedAgent.Run> runs = stories.stream().map(id -> AGENT.runs(id).get(0)).toList();
      assertThat(runs).as("every run alive at the moment the last one started").allMatch(run ->
          runs.stream().allMatch(other -> run.overlaps(other)));
      for (String storyId : stories) {
        assertThat(AGENT.runs(storyId)).as(storyId).hasSize(1).allMatch(run -> run.end() != null);
        String processInstanceId = engine.getRuntimeService().createProcessInstanceQuery()
            .processInstanceBusinessKey(storyId).singleResult().getId();
        assertThat(engine.getRuntimeService().getVariable(processInstanceId, "feasibility")).as(storyId).isNotNull();
      }
    }
  }

  private static void awaitAgentsStarted(List<String> stories) throws InterruptedException {
    Instant deadline = Instant.now().plus(Duration.ofMinutes(1));
    while (stories.stream().anyMatch(id -> AGENT.runs(id).isEmpty()) && Instant.now().isBefore(deadline)) {
      Thread.sleep(200);
    }
    assertThat(stories).as("every agent started").allMatch(id -> !AGENT.runs(id).isEmpty());
  }

  /** A transaction open for more than 5 s: held by something slower than a database write, such as a run. */
  private static boolean openForMoreThanAMoment(Map<String, Object> session) {
    return session.get("open_seconds") instanceof Number seconds && seconds.doubleValue() > 5;
  }

  private static Path temp() {
    try {
      return Files.createTempDirectory("storyflow-pool-");
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
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
            "--spring.datasource.hikari.maximum-pool-size=" + POOL,
            "--spring.datasource.hikari.connection-timeout=5000",
            "--camunda.bpm.generate-unique-process-engine-name=true",
            "--camunda.bpm.job-execution.enabled=true",
            "--storyflow.worker.max-concurrent-runs=" + RUNS,
            "--storyflow.agent.steps.feasibility.agent=command",
            "--storyflow.agent.timeout=2m",
            "--storyflow.agent.command=" + AGENT.command(30),
            "--storyflow.workspace.root=" + DIR.resolve("workspaces"),
            "--spring.application.name=storyflow-pool");
  }
}
