package dev.storyflow.agent;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.storyflow.HttpTestClient;
import dev.storyflow.crash.ClockedAgent;
import dev.storyflow.lifecycle.StoryDriver;
import dev.storyflow.worker.ExternalTaskWorker;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.externaltask.ExternalTask;
import org.camunda.bpm.engine.runtime.ProcessInstance;
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
 * A worker that loses its lock stops its run. While a slow agent (20 s) runs under this node's
 * worker, with a lock of 10 s, an admin takes the step's external task away over
 * {@code /engine-rest} and another worker fetches it. At its next heartbeat the engine refuses to
 * extend the lock, so the worker stops the run: the agent's process is gone before its 20 s are up,
 * the run is recorded {@code LOST}, and the worker neither completes nor fails the task, which
 * stays the other worker's. Run again, the step's second agent run starts only after the first
 * agent's process is gone, and ends {@code DONE}.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
    "spring.datasource.url=jdbc:h2:mem:storyflow-worker-fencing;DB_CLOSE_DELAY=-1",
    "camunda.bpm.generate-unique-process-engine-name=false",
    "storyflow.agent.steps.feasibility.agent=command",
    "storyflow.agent.timeout=2m",
    "storyflow.worker.lock-duration=10s"})
@ActiveProfiles("test")
@DirtiesContext
class WorkerFencingIT {

  static final Path DIR = temp();
  static final ClockedAgent AGENT = ClockedAgent.in(DIR.resolve("agent"));
  static final String TOPIC = "backend-engineer.feasibility";

  @DynamicPropertySource
  static void agent(DynamicPropertyRegistry registry) {
    registry.add("storyflow.agent.command", () -> AGENT.command(20));
    registry.add("storyflow.workspace.root", () -> DIR.resolve("workspaces").toString());
  }

  @AfterAll
  static void cleanUp() {
    FileSystemUtils.deleteRecursively(DIR.toFile());
  }

  @Autowired
  ProcessEngine engine;

  @LocalServerPort
  int port;

  @Test
  void aWorkerWhoseTaskWasTakenAwayStopsItsRunAndLeavesTheTaskAlone() throws Exception {
    HttpTestClient http = new HttpTestClient(port);
    StoryDriver driver = new StoryDriver(engine);
    ProcessInstance story = driver.start("backend");
    String storyId = story.getBusinessKey();
    ExecutorService background = Executors.newSingleThreadExecutor();
    try {
      // worker A (this node's) runs the step; its agent would take 20 s
      Future<ExternalTaskWorker.Result> runOfA = background.submit(() -> driver.runStep(story,
          "Task_FeasibilityReview"));
      ClockedAgent.Run first = awaitRuns(storyId, 1).get(0);
      String task = driver.stepTask(story, "Task_FeasibilityReview").getId();

      // an admin unlocks the task over /engine-rest (again if A's lock extension was written at the same
      // moment: the engine answers 409 to the loser of that race), and another worker fetches and locks it
      HttpTestClient.Reply unlocked = http.post("admin", "/engine-rest/external-task/" + task + "/unlock", Map.of());
      for (int attempt = 1; unlocked.status() == 409 && attempt < 3; attempt++) {
        unlocked = http.post("admin", "/engine-rest/external-task/" + task + "/unlock", Map.of());
      }
      assertThat(unlocked.status()).as(unlocked.body()).isEqualTo(204);
      JsonNode fetched = http.post("admin", "/engine-rest/external-task/fetchAndLock", Map.of(
          "workerId", "another-node", "maxTasks", 1,
          "topics", List.of(Map.of("topicName", TOPIC, "lockDuration", 600_000, "businessKey", storyId)))).json();
      assertThat(fetched).hasSize(1);

      // A's next extension is refused: A stops its run, and its agent's process is gone
      assertThat(runOfA.get(15, TimeUnit.SECONDS)).isEqualTo(ExternalTaskWorker.Result.LOST);
      assertThat(ProcessHandle.of(first.pid()).map(ProcessHandle::isAlive).orElse(false))
          .as("A's agent process, pid %d", first.pid()).isFalse();
      Instant firstGone = Instant.now();
      assertThat(AGENT.runs(storyId)).as("the agent never finished its 20 s").hasSize(1)
          .allMatch(run -> run.end() == null);

      // A neither completed nor failed the task: it is still the other worker's, untouched
      ExternalTask held = driver.stepTask(story, "Task_FeasibilityReview");
      assertThat(held.getId()).isEqualTo(task);
      assertThat(held.getWorkerId()).isEqualTo("another-node");
      assertThat(held.getRetries()).isNull();
      assertThat(held.getErrorMessage()).isNull();
      assertThat(engine.getRuntimeService().createIncidentQuery().processInstanceId(story.getId()).count()).isZero();
      assertThat(runs(http, storyId)).containsExactly("LOST");

      // the step runs again (the other worker gives it back): its agent starts after A's is gone
      assertThat(driver.runStep(story, "Task_FeasibilityReview")).isEqualTo(ExternalTaskWorker.Result.DONE);
      List<ClockedAgent.Run> runs = AGENT.runs(storyId);
      assertThat(runs).hasSize(2);
      assertThat(runs.get(1).start()).isGreaterThanOrEqualTo(firstGone.toEpochMilli());
      assertThat(runs(http, storyId)).containsExactly("LOST", "DONE");
    } finally {
      background.shutdownNow();
      background.awaitTermination(30, TimeUnit.SECONDS);
    }
  }

  /** The outcomes of the story's agent runs, as {@code /api/stories/{id}/runs} lists them. */
  private static List<String> runs(HttpTestClient http, String storyId) {
    return http.get("qa", "/api/stories/" + storyId + "/runs").json().findValuesAsText("outcome");
  }

  private static List<ClockedAgent.Run> awaitRuns(String storyId, int count) throws InterruptedException {
    Instant deadline = Instant.now().plus(Duration.ofSeconds(60));
    while (AGENT.runs(storyId).size() < count && Instant.now().isBefore(deadline)) {
      Thread.sleep(100);
    }
    List<ClockedAgent.Run> runs = AGENT.runs(storyId);
    assertThat(runs).as("agent runs of %s", storyId).hasSizeGreaterThanOrEqualTo(count);
    return runs;
  }

  private static Path temp() {
    try {
      return Files.createTempDirectory("storyflow-fencing-");
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
