package dev.storyflow.lifecycle;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.storyflow.HttpTestClient;
import dev.storyflow.crash.ClockedAgent;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.ProcessEngine;
import org.assertj.core.api.SoftAssertions;
import org.camunda.bpm.engine.history.HistoricExternalTaskLog;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.util.FileSystemUtils;

/**
 * People complete Draft reviews while the feasibility steps of the same stories run and end
 * (issue 12: 16 clients, 50 stories). Each story's two reviews are sent by the clients as soon as
 * the story is created, each after a seeded pause of up to {@value #SPREAD_MILLIS} ms, so they
 * land while the story's feasibility agent runs (a command agent of about
 * {@value #AGENT_SECONDS} s) and when its step task is completed. Each branch of the Draft reviews
 * ends in its own job before the join, so nothing collides, and so nothing is left of a stall:
 * every completion is a 204; every feasibility step ran once and was completed once, without a
 * failure (a failure waits for the agent's retry delay, the stall the issue measured) and without
 * a second run (an ending that keeps colliding is given up, and the step runs again when its lock
 * runs out); no job failed and there is no incident; every story reaches the product owner's
 * approval.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
    "spring.datasource.url=jdbc:h2:mem:storyflow-draft-join;DB_CLOSE_DELAY=-1",
    "camunda.bpm.job-execution.enabled=true",
    "camunda.bpm.generate-unique-process-engine-name=false",
    "storyflow.agent.steps.feasibility.agent=command",
    "storyflow.worker.max-concurrent-runs=8"})
@ActiveProfiles("test")
@DirtiesContext
class DraftJoinConcurrencyIT {

  static final int STORIES = 50;
  static final int CLIENTS = 16;
  static final double AGENT_SECONDS = 0.4;
  static final int SPREAD_MILLIS = 1_500;
  static final long SEED = 20_261_201L;
  static final Path DIR = temp();
  static final ClockedAgent AGENT = ClockedAgent.in(DIR.resolve("agent"));

  @LocalServerPort
  int port;
  @Autowired
  ProcessEngine engine;

  @DynamicPropertySource
  static void agent(DynamicPropertyRegistry registry) {
    registry.add("storyflow.agent.command", () -> AGENT.command(AGENT_SECONDS));
    registry.add("storyflow.workspace.root", () -> DIR.resolve("workspaces").toString());
  }

  @AfterAll
  static void removeFiles() {
    FileSystemUtils.deleteRecursively(DIR.toFile());
  }

  @Test
  void reviewsCompletedWhileFeasibilityStepsRunNeverCollide() throws Exception {
    HttpTestClient http = new HttpTestClient(port);
    Random pauses = new Random(SEED);
    List<String> stories = new ArrayList<>();
    List<Integer> statuses = Collections.synchronizedList(new ArrayList<>());
    ExecutorService clients = Executors.newFixedThreadPool(CLIENTS);
    List<Future<?>> work = new ArrayList<>();
    for (int i = 0; i < STORIES; i++) {
      String storyId = "JOIN-" + i + "-" + UUID.randomUUID().toString().substring(0, 6);
      assertThat(http.post("po", "/api/stories", Map.of("storyId", storyId, "title", "Story " + i + " of the join test",
          "asA", "tester", "iWant", "review " + i, "soThat", "the join holds")).status()).isEqualTo(201);
      stories.add(storyId);
      for (String[] review : new String[][] {{"architect", "Task_ArchitectReview"}, {"security", "Task_SecurityEarlyReview"}}) {
        long pause = pauses.nextInt(SPREAD_MILLIS);
        work.add(clients.submit(() -> {
          Thread.sleep(pause);
          JsonNode tasks = http.get(review[0], "/engine-rest/task?processInstanceBusinessKey=" + storyId
              + "&taskDefinitionKey=" + review[1]).json();
          for (JsonNode task : tasks) {
            statuses.add(http.post(review[0], "/engine-rest/task/" + task.path("id").asText() + "/complete",
                Map.of("variables", Map.of("approved", Map.of("value", true)))).status());
          }
          return null;
        }));
      }
    }
    for (Future<?> done : work) {
      done.get();
    }
    clients.shutdown();
    assertThat(clients.awaitTermination(1, TimeUnit.MINUTES)).isTrue();

    awaitApprovals();
    // every sign of a collision at once, so that a failure shows what the stall left behind
    HistoryService history = engine.getHistoryService();
    SoftAssertions.assertSoftly(softly -> {
      softly.assertThat(statuses).as("answers to the review completions").hasSize(2 * STORIES).containsOnly(204);
      softly.assertThat(engine.getTaskService().createTaskQuery().taskDefinitionKey("Task_ApproveDraft").count())
          .as("stories at the product owner's approval").isEqualTo(STORIES);
      softly.assertThat(history.createHistoricExternalTaskLogQuery().failureLog().list())
          .as("feasibility steps that failed, e.g. on a collision, and waited for their retry delay")
          .extracting(HistoricExternalTaskLog::getErrorMessage).isEmpty();
      for (String storyId : stories) {
        String processInstanceId = history.createHistoricProcessInstanceQuery().processInstanceBusinessKey(storyId)
            .singleResult().getId();
        softly.assertThat(history.createHistoricExternalTaskLogQuery().processInstanceId(processInstanceId)
            .activityIdIn("Task_FeasibilityReview").successLog().count())
            .as("feasibility steps of %s completed", storyId).isEqualTo(1);
        softly.assertThat(AGENT.runs(storyId)).as("feasibility runs of %s (a second one: the first ending was given up)",
            storyId).hasSize(1);
      }
      softly.assertThat(history.createHistoricJobLogQuery().failureLog().count())
          .as("jobs that failed, for instance on an optimistic locking collision").isZero();
      softly.assertThat(engine.getRuntimeService().createIncidentQuery().count()).as("incidents").isZero();
    });
  }

  /**
   * Waits until every story reached its approval. A generous bound, not a measure: a stalled step
   * is caught by what it leaves behind (a failure, a second run), however long the wait.
   */
  private void awaitApprovals() throws InterruptedException {
    Instant deadline = Instant.now().plus(Duration.ofMinutes(3));
    while (engine.getTaskService().createTaskQuery().taskDefinitionKey("Task_ApproveDraft").count() < STORIES
        && Instant.now().isBefore(deadline)) {
      Thread.sleep(200);
    }
  }

  private static Path temp() {
    try {
      return Files.createTempDirectory("storyflow-draft-join-");
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
