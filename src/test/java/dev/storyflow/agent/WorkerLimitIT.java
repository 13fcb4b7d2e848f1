package dev.storyflow.agent;

import static org.assertj.core.api.Assertions.assertThat;

import dev.storyflow.crash.ClockedAgent;
import dev.storyflow.lifecycle.StoryDriver;
import dev.storyflow.lifecycle.StoryProcess;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.camunda.bpm.engine.ProcessEngine;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.util.FileSystemUtils;

/**
 * {@code storyflow.worker.max-concurrent-runs} holds: five stories reach their feasibility step at
 * once on a node whose embedded worker may run two steps at a time, with a slow agent (5 s). Never
 * more than two agents are alive at the same moment, two are (the worker does run in parallel),
 * and all five steps finish, each with one run.
 */
@SpringBootTest(properties = {
    "spring.datasource.url=jdbc:h2:mem:storyflow-worker-limit;DB_CLOSE_DELAY=-1",
    "camunda.bpm.generate-unique-process-engine-name=false",
    "camunda.bpm.job-execution.enabled=true",
    "storyflow.worker.max-concurrent-runs=" + WorkerLimitIT.LIMIT,
    "storyflow.agent.steps.feasibility.agent=command",
    "storyflow.agent.timeout=1m"})
@ActiveProfiles("test")
@DirtiesContext
class WorkerLimitIT {

  static final int LIMIT = 2;
  static final int STORIES = 5;
  static final Path DIR = temp();
  static final ClockedAgent AGENT = ClockedAgent.in(DIR.resolve("agent"));
  static final String TOPIC = "backend-engineer.feasibility";

  @DynamicPropertySource
  static void agent(DynamicPropertyRegistry registry) {
    registry.add("storyflow.agent.command", () -> AGENT.command(5));
    registry.add("storyflow.workspace.root", () -> DIR.resolve("workspaces").toString());
  }

  @AfterAll
  static void cleanUp() {
    FileSystemUtils.deleteRecursively(DIR.toFile());
  }

  @Autowired
  ProcessEngine engine;

  @Test
  void noMoreStepsRunAtOnceThanTheLimitAndAllFinish() throws Exception {
    List<String> stories = new ArrayList<>();
    for (int i = 0; i < STORIES; i++) {
      String storyId = "LIMIT-" + i + "-" + System.nanoTime();
      engine.getRuntimeService().startProcessInstanceByKey(StoryProcess.KEY, storyId,
          StoryDriver.storyVariables(storyId, "backend"));
      stories.add(storyId);
    }

    Instant deadline = Instant.now().plus(Duration.ofMinutes(2));
    while (open() > 0 && Instant.now().isBefore(deadline)) {
      Thread.sleep(500);
    }
    assertThat(open()).as("feasibility steps not finished").isZero();
    assertThat(engine.getRuntimeService().createIncidentQuery().count()).isZero();

    List<ClockedAgent.Run> runs = new ArrayList<>();
    for (String storyId : stories) {
      assertThat(AGENT.runs(storyId)).as(storyId).hasSize(1).allMatch(run -> run.end() != null);
      runs.addAll(AGENT.runs(storyId));
    }
    assertThat(mostAliveAtOnce(runs)).isEqualTo(LIMIT);
  }

  /** The most runs alive at one moment: at each start, the runs started and not yet ended. */
  private static int mostAliveAtOnce(List<ClockedAgent.Run> runs) {
    return runs.stream().mapToInt(run -> (int) runs.stream()
        .filter(other -> other.start() <= run.start() && other.end() > run.start()).count()).max().orElse(0);
  }

  private long open() {
    return engine.getExternalTaskService().createExternalTaskQuery().topicName(TOPIC).count();
  }

  private static Path temp() {
    try {
      return Files.createTempDirectory("storyflow-limit-");
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
