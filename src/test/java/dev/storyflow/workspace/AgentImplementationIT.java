package dev.storyflow.workspace;

import static dev.storyflow.lifecycle.StoryDriver.plan;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.execute;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.job;

import com.fasterxml.jackson.databind.JsonNode;
import dev.storyflow.lifecycle.StoryDriver;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.externaltask.ExternalTask;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * A command agent implements the story in its workspace and the gates check the result: when
 * they fail, the agent gets the failure report and another go; after its last attempt the human
 * fallback takes over, with the failing test named.
 */
@SpringBootTest(properties = {
    "spring.datasource.url=jdbc:h2:mem:storyflow-agent-implementation;DB_CLOSE_DELAY=-1",
    "storyflow.agent.steps.implement.agent=command",
    "storyflow.agent.retries=1",
    "storyflow.agent.retry-delay=1s",
    "storyflow.agent.timeout=60s"})
@ActiveProfiles("test")
@DirtiesContext
class AgentImplementationIT {

  @TempDir
  static Path temp;

  @DynamicPropertySource
  static void settings(DynamicPropertyRegistry registry) {
    registry.add("storyflow.workspace.root", () -> temp.resolve("workspaces").toString());
    registry.add("storyflow.agent.steps.implement.command", () -> "python3,"
        + Path.of("src/test/resources/agents/make-agent.py").toAbsolutePath() + ",{workOrderFile}");
  }

  @Autowired
  ProcessEngine engine;

  StoryDriver driver;
  MakeProject project;

  @BeforeEach
  void setUp() throws Exception {
    driver = new StoryDriver(engine);
    project = MakeProject.create(Files.createTempDirectory(temp, "calc"));
  }

  @Test
  void failedChecksGoBackToTheAgentWhichFixesTheWork() {
    // given
    ProcessInstance story = plannedStory("Subtract two numbers");

    // when the agent's first work fails the tests
    assertThatThrownBy(() -> driver.runStep(story, "Task_Implement"))
        .hasMessageContaining("The step's checks failed on agent run 1").hasMessageContaining("test_calc.test_sub");

    // then the step's task is kept for a retry, with the failure as its error
    assertThat(story).isWaitingAt("Task_Implement");
    ExternalTask retry = driver.stepTask(story, "Task_Implement");
    assertThat(retry.getRetries()).isEqualTo(1);
    assertThat(retry.getErrorMessage()).contains("The step's checks failed on agent run 1");

    // when the retry runs, the agent reads the report and fixes its work
    driver.runStep(story, "Task_Implement");
    driver.passJoins(story);

    // then the gates pass on the fixed branch
    assertThat(story).isWaitingAt("Task_CodeReview");
    JsonNode after = driver.json(story, "agentRuns");
    assertThat(after.findValuesAsText("outcome")).containsExactly("CHECKS_FAILED", "DONE");
    assertThat(after.get(0).path("reason").asText()).contains("test_calc.test_sub");
    assertThat(after.get(1).path("summary").asText()).contains("fixed after the checks said").contains("test_sub");
    JsonNode implementation = driver.json(story, "implementation");
    assertThat(implementation.path("passed").asBoolean()).isTrue();
    assertThat(implementation.path("tests").path("failed").asInt()).isZero();
    assertThat(implementation.path("agentNotes").path("summary").asText()).contains("Added subtraction");
  }

  @Test
  void anAgentThatCannotPassTheChecksHandsOverToAHuman() {
    // given
    ProcessInstance story = plannedStory("A stubborn subtraction");

    // when both attempts fail the tests
    assertThatThrownBy(() -> driver.runStep(story, "Task_Implement")).hasMessageContaining("test_calc.test_sub");
    driver.runStep(story, "Task_Implement");

    // then a human takes over, told which test fails
    assertThat(story).isWaitingAt("Task_BackendEngineerFallback");
    assertThat((String) engine.getRuntimeService().getVariable(story.getId(), "fallbackReason"))
        .contains("That was attempt 2 of 2").contains("test_calc.test_sub");
    assertThat(driver.json(story, "implementation").path("passed").asBoolean()).isFalse();
    assertThat(driver.json(story, "agentRuns").findValuesAsText("outcome")).containsExactly("CHECKS_FAILED", "CHECKS_FAILED");
  }

  private ProcessInstance plannedStory(String title) {
    ProcessInstance story = driver.start("backend", Map.of("repository", project.path.toString(), "title", title));
    driver.throughDraft(story, false);
    driver.completeTask(story, "Task_PlanIntoSprint", plan());
    driver.backendStep(story, "Task_PlanImplementation");
    assertThat(story).isWaitingAt("Task_Implement");
    return story;
  }

}
