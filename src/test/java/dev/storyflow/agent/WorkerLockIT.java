package dev.storyflow.agent;

import static org.assertj.core.api.Assertions.assertThat;

import dev.storyflow.lifecycle.StoryDriver;
import dev.storyflow.worker.ExternalTaskWorker;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
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
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.util.FileSystemUtils;

/**
 * No lock time has to outlast a run: an agent runs for 12 s while the step's task is locked for
 * only 10 s at a time, and the worker's heartbeat keeps extending the lock, so no other worker can
 * take the step while the run lives, and the agent runs once.
 */
@SpringBootTest(properties = {
    "spring.datasource.url=jdbc:h2:mem:storyflow-worker-lock;DB_CLOSE_DELAY=-1",
    "camunda.bpm.generate-unique-process-engine-name=false",
    "storyflow.agent.steps.feasibility.agent=command",
    "storyflow.agent.timeout=1m",
    "storyflow.worker.lock-duration=10s"})
@ActiveProfiles("test")
@DirtiesContext
class WorkerLockIT {

  static final TestAgent AGENT = TestAgent.inNewDirectory();

  @DynamicPropertySource
  static void agent(DynamicPropertyRegistry registry) {
    registry.add("storyflow.agent.command", AGENT::command);
    registry.add("storyflow.workspace.root", () -> AGENT.state().resolve("workspaces").toString());
  }

  @AfterAll
  static void cleanUp() {
    FileSystemUtils.deleteRecursively(AGENT.state().toFile());
  }

  @Autowired
  ProcessEngine engine;

  @Test
  void theLockIsExtendedWhileTheRunLivesAndNoOtherWorkerTakesTheStep() throws Exception {
    StoryDriver driver = new StoryDriver(engine);
    ProcessInstance story = driver.start("backend");
    AGENT.script(story.getBusinessKey(), "slow");
    ExecutorService background = Executors.newSingleThreadExecutor();
    try {
      Future<ExternalTaskWorker.Result> run = background.submit(() -> driver.runStep(story, "Task_FeasibilityReview"));
      Date firstExpiry = awaitLock(driver, story);

      // past the first lock's end, the task is still locked, further out, and nobody else can fetch it
      while (Instant.now().isBefore(firstExpiry.toInstant().plusSeconds(1)) && !run.isDone()) {
        Thread.sleep(200);
      }
      assertThat(run.isDone()).as("the agent runs for 12 s, longer than one lock").isFalse();
      ExternalTask task = driver.stepTask(story, "Task_FeasibilityReview");
      assertThat(task.getLockExpirationTime()).isAfter(firstExpiry);
      assertThat(engine.getExternalTaskService().fetchAndLock(10, "another-node")
          .topic("backend-engineer.feasibility", 10_000).execute()).isEmpty();

      assertThat(run.get(1, TimeUnit.MINUTES)).isEqualTo(ExternalTaskWorker.Result.DONE);
    } finally {
      background.shutdownNow();
    }
    assertThat(AGENT.calls(story.getBusinessKey())).hasSize(1);
    assertThat(driver.json(story, "agentRuns").findValuesAsText("outcome")).containsExactly("DONE");
  }

  private static Date awaitLock(StoryDriver driver, ProcessInstance story) throws InterruptedException {
    Instant deadline = Instant.now().plus(Duration.ofSeconds(30));
    while (Instant.now().isBefore(deadline)) {
      ExternalTask task = driver.stepTask(story, "Task_FeasibilityReview");
      if (task != null && task.getLockExpirationTime() != null) {
        return task.getLockExpirationTime();
      }
      Thread.sleep(100);
    }
    throw new AssertionError("the step was never locked");
  }
}
