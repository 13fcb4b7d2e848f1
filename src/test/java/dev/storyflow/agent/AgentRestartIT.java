package dev.storyflow.agent;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.storyflow.StoryflowApplication;
import dev.storyflow.lifecycle.StoryDriver;
import dev.storyflow.lifecycle.StoryProcess;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.function.BooleanSupplier;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * Storyflow stops while an agent runs (the Spring context is closed) and starts again on the same
 * H2 file: the agent's processes do not outlive the engine, the run is retried exactly once, and
 * both runs are recorded, the first as lost.
 */
class AgentRestartIT {

  @TempDir
  Path data;

  @Test
  void runCutShortByAStopIsRetriedOnceAfterTheRestart() throws Exception {
    // given an agent that hangs on its first call and answers on its second
    TestAgent agent = new TestAgent(Files.createDirectories(data.resolve("agent")));
    String storyId = "US-restart";
    agent.script(storyId, "hang", "valid");

    // when Storyflow is stopped while the first run is under way
    try (ConfigurableApplicationContext first = start(agent, true)) {
      first.getBean(ProcessEngine.class).getRuntimeService().startProcessInstanceByKey(StoryProcess.KEY, storyId,
          StoryDriver.storyVariables(storyId, "backend"));
      await(() -> agent.pids(storyId, 1).isPresent(), "the first run to start");
    }

    // then its processes are stopped with it
    long[] pids = agent.pids(storyId, 1).orElseThrow();
    await(() -> !TestAgent.running(pids[0]) && !TestAgent.running(pids[1]), "the agent's processes to end");

    // and after the restart the step runs once more, and the story goes on
    try (ConfigurableApplicationContext second = start(agent, false)) {
      ProcessEngine engine = second.getBean(ProcessEngine.class);
      BpmnAwareTests.init(engine);
      ProcessInstance story = engine.getRuntimeService().createProcessInstanceQuery()
          .processInstanceBusinessKey(storyId).singleResult();
      StoryDriver driver = new StoryDriver(engine);
      assertThat(driver.stepTask(story, "Task_FeasibilityReview").getLockExpirationTime())
          .as("the step's task is still locked by the stopped node").isNotNull();

      // its lock would run out within storyflow.worker.lock-duration; the test does not wait
      driver.runStep(story, "Task_FeasibilityReview");

      BpmnAwareTests.assertThat(story).isNotWaitingAt("Task_FeasibilityReview", "Task_BackendEngineerFallback");
      assertThat(agent.calls(storyId)).hasSize(2);
      JsonNode runs = new ObjectMapper().readTree(
          engine.getRuntimeService().getVariable(story.getId(), "agentRuns").toString());
      assertThat(runs.findValuesAsText("outcome")).containsExactly("LOST", "DONE");
      assertThat(runs.findValues("attempt").stream().map(JsonNode::asInt)).containsExactly(1, 2);
      assertThat(runs.get(0).path("reason").asText()).contains("Storyflow stopped during the run");
    }
  }

  /** Command-line arguments, as an operator would pass them (they win over the test profile). */
  private ConfigurableApplicationContext start(TestAgent agent, boolean jobExecutor) {
    return new SpringApplicationBuilder(StoryflowApplication.class)
        .profiles("test")
        .run(
            "--server.port=0",
            "--spring.datasource.url=jdbc:h2:file:" + data.resolve("storyflow") + ";DB_CLOSE_ON_EXIT=FALSE",
            "--camunda.bpm.generate-unique-process-engine-name=true",
            "--camunda.bpm.job-execution.enabled=" + jobExecutor,
            "--spring.jmx.enabled=false",
            "--storyflow.agent.steps.feasibility.agent=command",
            "--storyflow.agent.steps.feasibility.command=" + agent.command(),
            "--storyflow.agent.timeout=60s",
            "--storyflow.workspace.root=" + data.resolve("workspaces"));
  }

  private static void await(BooleanSupplier condition, String what) throws InterruptedException {
    long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
    while (!condition.getAsBoolean()) {
      assertThat(System.nanoTime()).as("waiting for " + what).isLessThan(deadline);
      Thread.sleep(100);
    }
  }
}
