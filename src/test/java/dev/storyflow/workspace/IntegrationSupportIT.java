package dev.storyflow.workspace;

import static dev.storyflow.lifecycle.StoryDriver.approve;
import static dev.storyflow.lifecycle.StoryDriver.plan;
import static org.assertj.core.api.Assertions.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.storyflow.HttpTestClient;
import dev.storyflow.HttpTestClient.Reply;
import dev.storyflow.lifecycle.StoryDriver;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * An integration-support round trip over real HTTP: QA asks for help through {@code /engine-rest},
 * a scripted command agent commits a fix on the story branch, the implementation gates run again
 * on it, the report reaches QA, and the story goes on to E2E testing without passing Code review
 * again. Backend-engineer steps are run by hand (the worker is off with the job executor).
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
    "spring.datasource.url=jdbc:h2:mem:storyflow-integration-support;DB_CLOSE_DELAY=-1",
    "camunda.bpm.generate-unique-process-engine-name=false",
    "storyflow.agent.steps.integrationSupport.agent=command",
    "storyflow.agent.retries=0",
    "storyflow.agent.timeout=60s"})
@ActiveProfiles("test")
@DirtiesContext
class IntegrationSupportIT {

  @TempDir
  static Path temp;

  @DynamicPropertySource
  static void settings(DynamicPropertyRegistry registry) {
    registry.add("storyflow.workspace.root", () -> temp.resolve("workspaces").toString());
    registry.add("storyflow.agent.steps.integrationSupport.command", () -> "python3,"
        + Path.of("src/test/resources/agents/support-agent.py").toAbsolutePath() + ",{workOrderFile}");
  }

  @LocalServerPort
  int port;

  @Autowired
  ProcessEngine engine;

  StoryDriver driver;
  HttpTestClient http;
  MakeProject project;

  @BeforeEach
  void setUp() throws Exception {
    driver = new StoryDriver(engine);
    http = new HttpTestClient(port);
    project = MakeProject.create(Files.createTempDirectory(temp, "calc"));
  }

  @Test
  void qaAsksForHelpAndTheAgentsFixPassesTheGatesWithoutAnotherCodeReview() throws Exception {
    // given a story implemented by hand and accepted in Code review, now in Integration testing
    ProcessInstance story = driver.start("backend", Map.of("repository", project.path.toString()));
    driver.throughDraft(story, false);
    driver.completeTask(story, "Task_PlanIntoSprint", plan());
    driver.backendStep(story, "Task_PlanImplementation");
    driver.runStep(story, "Task_Implement");
    project.commitOnStoryBranch(story.getBusinessKey(), MakeProject.passingWork(), "Subtraction", temp);
    driver.completeTask(story, "Task_BackendEngineerFallback", Map.of("comment", "Implemented"));
    driver.runStep(story, "Task_Implement");
    String acceptedHead = driver.json(story, "implementation").path("head").asText();
    driver.completeTask(story, "Task_CodeReview", approve());
    assertThat(story).isWaitingAt("Task_IntegrationTest");

    // when QA asks the backend engineer for help over /engine-rest
    String qaTask = openTask(story, "Task_IntegrationTest");
    Reply asked = http.post("qa", "/engine-rest/task/" + qaTask + "/complete", Map.of("variables", Map.of(
        "needsBackendSupport", Map.of("value", true, "type", "Boolean"),
        "comment", Map.of("value", "Calling mul 4 3 from the billing service fails: command not found"))));
    assertThat(asked.status()).as(asked.body()).isEqualTo(204);

    // and the agent's fix is committed and checked by the gates
    assertThat(story).isWaitingAt("Task_IntegrationSupport");
    driver.runStep(story, "Task_IntegrationSupport");

    // then the report reaches QA in a new task of the same status
    assertThat(story).isWaitingAt("Task_IntegrationTest");
    JsonNode report = http.get("qa", "/api/stories/" + story.getBusinessKey()).json();
    assertThat(report.path("status").asText()).isEqualTo("INTEGRATION_TESTING");
    JsonNode support = driver.json(story, "integrationSupport");
    assertThat(support.path("gate").asText()).isEqualTo("passed");
    assertThat(support.path("head").asText()).isNotEqualTo(acceptedHead);
    assertThat(support.path("changedFiles").toString()).contains("src/calc.sh");
    assertThat(support.path("summary").asText()).contains("fix was committed");
    assertThat(support.path("agentNotes").path("summary").asText()).contains("Added mul with a test");
    assertThat(support.path("request").asText()).contains("mul 4 3");

    // when QA approves, the story goes on to E2E testing, not through Code review again
    String again = openTask(story, "Task_IntegrationTest");
    assertThat(again).isNotEqualTo(qaTask);
    Reply approved = http.post("qa", "/engine-rest/task/" + again + "/complete",
        Map.of("variables", Map.of("approved", Map.of("value", true))));
    assertThat(approved.status()).as(approved.body()).isEqualTo(204);
    assertThat(story).isWaitingAt("Task_E2ETest");
    JsonNode history = http.get("qa", "/api/stories/" + story.getBusinessKey()).json().path("history");
    assertThat(history.findValuesAsText("status")).containsExactly("DRAFT", "BACKLOG", "PLANNED_IN_SPRINT",
        "IN_PROGRESS", "CODE_REVIEW", "INTEGRATION_TESTING", "E2E_TESTING");
  }

  private String openTask(ProcessInstance story, String key) {
    return engine.getTaskService().createTaskQuery().processInstanceId(story.getId()).taskDefinitionKey(key)
        .singleResult().getId();
  }
}
