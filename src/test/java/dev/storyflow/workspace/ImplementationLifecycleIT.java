package dev.storyflow.workspace;

import static dev.storyflow.lifecycle.StoryDriver.plan;
import static dev.storyflow.lifecycle.StoryDriver.rework;
import static org.assertj.core.api.Assertions.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.complete;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.execute;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.job;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.task;

import com.fasterxml.jackson.databind.JsonNode;
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
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.util.FileSystemUtils;

/**
 * Planned in Sprint and In-progress on real git repositories (a tiny make-based project built at
 * test time): the builtin plan, the implementation gates, the human fallback, workspaces as caches.
 */
@SpringBootTest(properties = {
    "spring.datasource.url=jdbc:h2:mem:storyflow-workspace;DB_CLOSE_DELAY=-1",
    "storyflow.build.timeout=2m"})
@ActiveProfiles("test")
class ImplementationLifecycleIT {

  @TempDir
  static Path temp;

  @DynamicPropertySource
  static void workspaceRoot(DynamicPropertyRegistry registry) {
    registry.add("storyflow.workspace.root", () -> temp.resolve("workspaces").toString());
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
  void workOnTheBranchPassesTheGatesAndAReworkBringsTheReviewersCommentIntoThePlan() {
    // given a story planned by the builtin agent
    ProcessInstance story = plannedStory();
    JsonNode plan = driver.json(story, "implementationPlan");
    assertThat(plan.path("tasks")).hasSize(2);
    assertThat(plan.path("tasks").get(1).path("test").asText()).contains("The link expires after 30 minutes");
    assertThat(plan.path("repository").path("buildTools").toString()).isEqualTo("[\"make\"]");
    assertThat(plan.path("repository").path("testFolders").toString()).contains("tests");
    assertThat(plan.path("branch").asText()).isEqualTo("story/" + id(story));
    assertThat(project.storyBranchHead(id(story))).as("story branch pushed when planned").isNotNull();

    // when someone pushes passing work to the story branch
    String commit = project.commitOnStoryBranch(id(story), MakeProject.passingWork(), "Subtraction", temp);
    driver.backendStep(story, "Task_Implement");

    // then
    assertThat(story).isWaitingAt("Task_CodeReview");
    JsonNode implementation = driver.json(story, "implementation");
    assertThat(implementation.path("passed").asBoolean()).isTrue();
    assertThat(implementation.path("head").asText()).isEqualTo(commit);
    assertThat(implementation.path("commits")).hasSize(1);
    assertThat(implementation.path("tests").path("run").asInt()).isEqualTo(2);
    assertThat(implementation.path("gates").findValuesAsText("result"))
        .containsExactly("PASSED", "PASSED", "PASSED", "SKIPPED");

    // when the reviewer sends the story back to planning
    driver.completeTask(story, "Task_CodeReview", rework("Cover negative numbers too", "PLANNED_IN_SPRINT"));
    driver.backendStep(story, "Task_PlanImplementation");

    // then the new plan leads with the reviewer's comment
    JsonNode replanned = driver.json(story, "implementationPlan");
    assertThat(replanned.path("rework").asText()).contains("Cover negative numbers too");
    assertThat(replanned.path("steps").get(0).asText()).contains("Cover negative numbers too");
    assertThat(replanned.path("reviewerComments").findValuesAsText("comment")).contains("Cover negative numbers too");
    assertThat(replanned.path("reviewerComments").findValuesAsText("taskDefinitionKey")).contains("Task_CodeReview");

    // and the same commits do not pass again: the story waits for new work
    driver.runStep(story, "Task_Implement");
    assertThat(story).isWaitingAt("Task_BackendEngineerFallback");
    assertThat(fallbackReason(story)).contains("no new commits since the implementation accepted")
        .contains("Cover negative numbers too");
  }

  @Test
  void humanFixesTheBranchInTheFallbackTaskAndTheGatesLetTheStoryGoOn() {
    // given a planned story with no work on its branch
    ProcessInstance story = plannedStory();

    // when
    driver.runStep(story, "Task_Implement");

    // then it waits for a human backend engineer
    assertThat(story).isWaitingAt("Task_BackendEngineerFallback");
    assertThat(fallbackReason(story)).contains("has no commits beyond main");

    // when the human pushes work whose test fails and completes the task
    project.commitOnStoryBranch(id(story), MakeProject.failingWork(), "Subtraction, first try", temp);
    complete(task("Task_BackendEngineerFallback", story), Map.of("comment", "Done"));
    driver.runStep(story, "Task_Implement");

    // then the gates refuse it, naming the failing test, and the story comes back
    assertThat(story).isWaitingAt("Task_BackendEngineerFallback");
    assertThat(fallbackReason(story)).contains("tests: 1 of 2 tests failed").contains("test_calc.test_sub");
    assertThat(driver.json(story, "implementation").path("passed").asBoolean()).isFalse();

    // when the human fixes it
    project.commitOnStoryBranch(id(story), MakeProject.passingWork(), "Subtraction, fixed", temp);
    complete(task("Task_BackendEngineerFallback", story), Map.of("comment", "Fixed"));
    driver.backendStep(story, "Task_Implement");

    // then
    assertThat(story).isWaitingAt("Task_CodeReview");
    JsonNode implementation = driver.json(story, "implementation");
    assertThat(implementation.path("passed").asBoolean()).isTrue();
    assertThat(implementation.path("commits").findValuesAsText("message"))
        .containsExactly("Subtraction, fixed", "Subtraction, first try");
    assertThat(story).variables().containsEntry("fallbackStep", null);
  }

  @Test
  void deletedWorkspaceIsRebuiltFromTheRepositoryBetweenSteps() throws Exception {
    // given work left uncommitted in the workspace, accepted by the gates
    ProcessInstance story = plannedStory();
    Path workspace = temp.resolve("workspaces").resolve(id(story));
    MakeProject.write(workspace, MakeProject.passingWork());
    driver.backendStep(story, "Task_Implement");
    assertThat(story).isWaitingAt("Task_CodeReview");
    String accepted = driver.json(story, "implementation").path("head").asText();
    assertThat(project.storyBranchHead(id(story))).isEqualTo(accepted);

    // when the workspace is lost and the story comes back for more work
    FileSystemUtils.deleteRecursively(workspace);
    driver.completeTask(story, "Task_CodeReview", rework("Add a test for 0", null));
    project.commitOnStoryBranch(id(story), Map.of("tests/test_zero.sh",
        "test_add_zero() { assert_eq \"$(add 0 0)\" 0; }\n"), "Test for zero", temp);
    driver.backendStep(story, "Task_Implement");

    // then the workspace was rebuilt from the repository, with every commit
    assertThat(story).isWaitingAt("Task_CodeReview");
    assertThat(workspace.resolve("src/calc.sh")).hasContent(MakeProject.CALC_WITH_SUB.strip());
    JsonNode implementation = driver.json(story, "implementation");
    assertThat(implementation.path("commits")).hasSize(2);
    assertThat(implementation.path("commits").get(1).path("id").asText()).isEqualTo(accepted);
    assertThat(implementation.path("tests").path("run").asInt()).isEqualTo(3);
  }

  @Test
  void twoStoriesOnOneRepositoryDoNotClash() {
    // given
    ProcessInstance first = plannedStory();
    ProcessInstance second = plannedStory();

    // when each gets its own work
    project.commitOnStoryBranch(id(first), MakeProject.passingWork(), "First story", temp);
    project.commitOnStoryBranch(id(second), MakeProject.failingWork(), "Second story", temp);
    driver.runStep(first, "Task_Implement");
    driver.runStep(second, "Task_Implement");
    driver.passJoins(first);

    // then each is judged on its own branch in its own workspace
    assertThat(first).isWaitingAt("Task_CodeReview");
    assertThat(second).isWaitingAt("Task_BackendEngineerFallback");
    assertThat(driver.json(first, "implementation").path("branch").asText()).isEqualTo("story/" + id(first));
    assertThat(driver.json(second, "implementation").path("commits").findValuesAsText("message"))
        .containsExactly("Second story");
    assertThat(temp.resolve("workspaces").resolve(id(first))).isDirectory();
    assertThat(temp.resolve("workspaces").resolve(id(second))).isDirectory();
  }

  // ------------------------------------------------------------------ helpers

  private ProcessInstance plannedStory() {
    ProcessInstance story = driver.start("backend", Map.of("repository", project.path.toString()));
    driver.throughDraft(story, false);
    driver.completeTask(story, "Task_PlanIntoSprint", plan());
    driver.backendStep(story, "Task_PlanImplementation");
    assertThat(story).isWaitingAt("Task_Implement");
    return story;
  }


  private String fallbackReason(ProcessInstance story) {
    return (String) engine.getRuntimeService().getVariable(story.getId(), "fallbackReason");
  }

  private static String id(ProcessInstance story) {
    return story.getBusinessKey();
  }
}
