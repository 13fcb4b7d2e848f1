package dev.storyflow.crash;

import static org.assertj.core.api.Assertions.assertThat;

import dev.storyflow.HttpTestClient;
import dev.storyflow.process.ProcessTable;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.util.FileSystemUtils;

/**
 * Two remote workers, each a real JVM, and a slow agent: the worker running the step is killed
 * with {@code kill -9}. Its agent dies with it (the lifeline), the other worker takes the step
 * over once the dead worker's lock has run out, the run is recorded LOST and then DONE, and the
 * agent ran exactly twice, never at the same time.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
    "spring.datasource.url=jdbc:h2:mem:storyflow-worker-crash;DB_CLOSE_DELAY=-1",
    "camunda.bpm.job-execution.enabled=true",
    "camunda.bpm.generate-unique-process-engine-name=false",
    "storyflow.worker.enabled=false",
    "storyflow.worker.username=worker",
    "storyflow.worker.password=worker-secret"})
@ActiveProfiles("test")
@DirtiesContext
class WorkerCrashIT {

  static final Duration LOCK = Duration.ofSeconds(20);
  static final Path DIR = temp();
  static final ClockedAgent AGENT = ClockedAgent.in(DIR.resolve("agent"));

  @LocalServerPort
  int port;

  @AfterAll
  static void cleanUp() {
    FileSystemUtils.deleteRecursively(DIR.toFile());
  }

  @Test
  void theOtherWorkerTakesOverAKilledWorkersStepOnce() throws Exception {
    HttpTestClient http = new HttpTestClient(port);
    try (StoryflowProcess first = worker("crash-worker-1"); StoryflowProcess second = worker("crash-worker-2")) {
      first.awaitLog("Remote backend-engineer worker");
      second.awaitLog("Remote backend-engineer worker");

      // given a story whose feasibility step an agent works on for 25 s
      String storyId = "CR-" + UUID.randomUUID().toString().substring(0, 8);
      assertThat(http.post("po", "/api/stories", story(storyId)).status()).isEqualTo(201);
      ClockedAgent.Run killed = awaitRuns(storyId, 1).get(0);
      StoryflowProcess running = killed.parentPid() == first.pid() ? first : second;
      StoryflowProcess survivor = running == first ? second : first;
      assertThat(killed.parentPid()).isEqualTo(running.pid());

      // when the worker running it is killed
      long killedAt = System.currentTimeMillis();
      running.kill();

      // then its agent dies with it, and the survivor runs the step once more, after that
      assertThat(ProcessTable.endsWithin(killed.pid(), Duration.ofSeconds(15))).as("the killed worker's agent").isTrue();
      long agentDeadAt = System.currentTimeMillis();
      List<ClockedAgent.Run> runs = awaitRuns(storyId, 2);
      ClockedAgent.Run takeOver = runs.get(1);
      assertThat(takeOver.parentPid()).isEqualTo(survivor.pid());
      assertThat(takeOver.start()).isGreaterThan(agentDeadAt).isLessThan(killedAt + Duration.ofMinutes(3).toMillis());
      awaitEnd(storyId);
      assertThat(AGENT.runs(storyId)).hasSize(2);
      assertThat(AGENT.runs(storyId).get(0).end()).as("the killed run never ended by itself").isNull();
      assertThat(http.get("qa", "/api/stories/" + storyId + "/runs").json().findValuesAsText("outcome"))
          .containsExactly("LOST", "DONE");
      assertThat(http.get("qa", "/api/stories/" + storyId).json().path("feasibility").path("verdict").asText())
          .isNotEmpty();
    }
  }

  private StoryflowProcess worker(String name) {
    return StoryflowProcess.start(name, Path.of("target", "process-logs"), List.of(
        "--storyflow.worker.engine-url=http://localhost:" + port + "/engine-rest",
        "--storyflow.worker.username=worker",
        "--storyflow.worker.password=worker-secret",
        "--storyflow.worker.lock-duration=" + LOCK.toSeconds() + "s",
        "--storyflow.worker.idle-wait=2s",
        "--storyflow.agent.steps.feasibility.agent=command",
        "--storyflow.agent.command=" + AGENT.command(25),
        "--storyflow.workspace.root=" + DIR.resolve(name)));
  }

  private static List<ClockedAgent.Run> awaitRuns(String storyId, int count) throws InterruptedException {
    long deadline = System.nanoTime() + Duration.ofMinutes(3).toNanos();
    while (AGENT.runs(storyId).size() < count && System.nanoTime() < deadline) {
      Thread.sleep(200);
    }
    List<ClockedAgent.Run> runs = AGENT.runs(storyId);
    assertThat(runs).as("agent runs of %s", storyId).hasSizeGreaterThanOrEqualTo(count);
    return runs;
  }

  private static void awaitEnd(String storyId) throws InterruptedException {
    long deadline = System.nanoTime() + Duration.ofMinutes(2).toNanos();
    while (AGENT.runs(storyId).stream().noneMatch(run -> run.end() != null) && System.nanoTime() < deadline) {
      Thread.sleep(200);
    }
    Thread.sleep(2_000);
  }

  private static Map<String, Object> story(String storyId) {
    Map<String, Object> story = new LinkedHashMap<>();
    story.put("storyId", storyId);
    story.put("title", "Show the order history");
    story.put("asA", "customer");
    story.put("iWant", "to see my past orders");
    story.put("soThat", "I can order again");
    story.put("acceptanceCriteria", List.of("The last 20 orders are listed, newest first"));
    story.put("components", List.of("backend"));
    return story;
  }

  private static Path temp() {
    try {
      return Files.createTempDirectory("storyflow-worker-crash-");
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }
}
