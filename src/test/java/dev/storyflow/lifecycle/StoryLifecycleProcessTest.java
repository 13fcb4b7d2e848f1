package dev.storyflow.lifecycle;

import static dev.storyflow.lifecycle.StoryDriver.approve;
import static dev.storyflow.lifecycle.StoryDriver.plan;
import static dev.storyflow.lifecycle.StoryDriver.rework;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.complete;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.execute;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.job;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.task;

import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Comment;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.ActiveProfiles;

/** One test per path through {@code story-lifecycle}, on the real engine with jobs run by hand. */
@SpringBootTest
@ActiveProfiles("test")
class StoryLifecycleProcessTest {

  @Autowired
  ProcessEngine engine;

  StoryDriver driver;

  @BeforeEach
  void setUp() {
    driver = new StoryDriver(engine);
  }

  @Test
  void happyPathWalksThroughAllTwelveStatuses() {
    // given
    ProcessInstance story = driver.start("backend");
    driver.assertStatus(story, Status.DRAFT);
    assertThat(story).isWaitingAt("Task_FeasibilityReview", "Task_ArchitectReview", "Task_SecurityEarlyReview");
    assertThat(story).isNotWaitingAt("Task_FrontendFeasibility");

    // when
    driver.throughDraft(story, false);
    driver.assertStatus(story, Status.BACKLOG);
    driver.throughPlanningAndImplementation(story, false);
    driver.assertStatus(story, Status.CODE_REVIEW);
    driver.completeTask(story, "Task_CodeReview", approve());
    driver.completeTask(story, "Task_IntegrationTest", approve());
    driver.completeTask(story, "Task_E2ETest", approve());
    driver.completeTask(story, "Task_POReview", approve());
    driver.assertStatus(story, Status.SECURITY_REVIEW);
    driver.throughSecurityAndDevOps(story);
    driver.assertStatus(story, Status.UAT);
    driver.completeTask(story, "Task_UAT", approve());

    // then
    assertThat(story).isEnded().hasPassed("EndEvent_StoryDone");
    assertThat(driver.statusTrail(story)).containsExactly(
        "DRAFT", "BACKLOG", "PLANNED_IN_SPRINT", "IN_PROGRESS", "CODE_REVIEW", "INTEGRATION_TESTING",
        "E2E_TESTING", "PO_REVIEW", "SECURITY_REVIEW", "CONFIGURING_DEVOPS", "UAT", "DONE");
    assertThat(engine.getHistoryService().createHistoricVariableInstanceQuery()
        .processInstanceId(story.getId()).variableName("status").singleResult().getValue()).isEqualTo("DONE");
    assertThat(engine.getHistoryService().createHistoricVariableInstanceQuery()
        .processInstanceId(story.getId()).variableName("sprint").singleResult().getValue()).isEqualTo(dev.storyflow.sprint.TestSprints.STARTED);
  }

  @Test
  void frontendStoryAddsFrontendFeasibilityAndFrontendImplementation() {
    // given
    ProcessInstance story = driver.start("backend,frontend");

    // then
    assertThat(story).isWaitingAt("Task_FeasibilityReview", "Task_ArchitectReview",
        "Task_SecurityEarlyReview", "Task_FrontendFeasibility");
    assertThat(task("Task_FrontendFeasibility", story)).hasCandidateGroup("frontend-engineer");

    // when all Draft reviews but the frontend one are done, the story waits for it
    driver.completeTask(story, "Task_ArchitectReview", approve());
    driver.completeTask(story, "Task_SecurityEarlyReview", approve());
    driver.feasibilityReview(story);
    assertThat(story).isWaitingAt("Task_FrontendFeasibility").isNotWaitingAt("Task_ApproveDraft");
    driver.completeTask(story, "Task_FrontendFeasibility", approve());
    driver.completeTask(story, "Task_ApproveDraft", StoryDriver.approveDraft());
    driver.completeTask(story, "Task_PlanIntoSprint", plan());
    driver.backendStep(story, "Task_PlanImplementation");

    // then backend and frontend implementation run in parallel
    assertThat(story).isWaitingAt("Task_Implement", "Task_FrontendImplement");
    driver.backendStepByHand(story, "Task_Implement", "implement");
    assertThat(story).isWaitingAt("Task_FrontendImplement").isNotWaitingAt("Task_CodeReview");
    driver.completeTask(story, "Task_FrontendImplement", Map.of());
    assertThat(story).isWaitingAt("Task_CodeReview");
  }

  @Test
  void draftRejectedIsRevisedAndReviewedAgain() {
    // given
    ProcessInstance story = driver.start("backend");
    driver.completeTask(story, "Task_ArchitectReview", rework("Split the email part out", null));
    driver.completeTask(story, "Task_SecurityEarlyReview", approve());
    driver.feasibilityReview(story);

    // when
    driver.completeTask(story, "Task_ApproveDraft", rework("Too big, split it", null));

    // then
    assertThat(story).isWaitingAt("Task_ReviseStory");
    assertThat(task("Task_ReviseStory", story)).hasCandidateGroup("product-owner");

    // when the product owner revises the story
    complete(task("Task_ReviseStory", story), Map.of("title", "Reset a password by email link"));

    // then the Draft reviews run again on the revised story
    assertThat(story).isWaitingAt("Task_FeasibilityReview", "Task_ArchitectReview", "Task_SecurityEarlyReview");
    assertThat(story).variables().containsEntry("title", "Reset a password by email link");
    assertThat(driver.statusTrail(story)).containsExactly("DRAFT", "DRAFT");
    List<String> comments = engine.getTaskService().getProcessInstanceComments(story.getId()).stream()
        .map(Comment::getFullMessage).toList();
    assertThat(comments).contains("Split the email part out", "Too big, split it");
  }

  @Test
  void revisionThatBreaksTheStoryRulesIsRefused() {
    // given
    ProcessInstance story = driver.start("backend");
    driver.completeTask(story, "Task_ArchitectReview", approve());
    driver.completeTask(story, "Task_SecurityEarlyReview", approve());
    driver.feasibilityReview(story);
    driver.completeTask(story, "Task_ApproveDraft", rework("Unclear", null));

    // when / then
    assertThatThrownBy(() -> complete(task("Task_ReviseStory", story), Map.of("title", "")))
        .isInstanceOf(ProcessEngineException.class).hasMessageContaining("title must not be blank");
    assertThat(story).isWaitingAt("Task_ReviseStory");
  }

  static Stream<Arguments> reworks() {
    return Stream.of(
        Arguments.of("Task_CodeReview", "IN_PROGRESS"),
        Arguments.of("Task_CodeReview", "BACKLOG"),
        Arguments.of("Task_CodeReview", null),
        Arguments.of("Task_IntegrationTest", "CODE_REVIEW"),
        Arguments.of("Task_IntegrationTest", "PLANNED_IN_SPRINT"),
        Arguments.of("Task_POReview", "INTEGRATION_TESTING"),
        Arguments.of("Task_POReview", "DRAFT"),
        Arguments.of("Task_UAT", "PO_REVIEW"),
        Arguments.of("Task_UAT", "SECURITY_REVIEW"),
        Arguments.of("Task_UAT", "CONFIGURING_DEVOPS"),
        Arguments.of("Task_E2ETest", "INTEGRATION_TESTING"),
        Arguments.of("Task_ConfigureDevOps", "CODE_REVIEW"));
  }

  @ParameterizedTest(name = "{0} sends the story back to {1}")
  @MethodSource("reworks")
  void reviewSendsTheStoryBackToAnEarlierStatus(String reviewTask, String reworkTo) {
    // given
    ProcessInstance story = driver.start("backend");
    walkTo(story, reviewTask);
    String expected = reworkTo == null ? "IN_PROGRESS" : reworkTo;

    // when
    driver.completeTask(story, reviewTask, rework("Needs another look", reworkTo));

    // then
    driver.assertStatus(story, Status.valueOf(expected));
    assertThat(story).isWaitingAt(firstStepOf(expected));
    assertThat(story).variables().containsEntry("reworkReason", roleOf(reviewTask) + ": Needs another look");
    List<String> trail = driver.statusTrail(story);
    assertThat(trail.get(trail.size() - 1)).isEqualTo(expected);
    assertThat(engine.getTaskService().getProcessInstanceComments(story.getId()))
        .extracting(Comment::getFullMessage).contains("Needs another look");
  }

  @Test
  void reworkedStoryCanBeApprovedAfterwardsWithoutStaleDecisions() {
    // given a story sent back from Code review to In-progress
    ProcessInstance story = driver.start("backend");
    walkTo(story, "Task_CodeReview");
    driver.completeTask(story, "Task_CodeReview", rework("Missing tests", "IN_PROGRESS"));
    driver.backendStepByHand(story, "Task_Implement", "implement");

    // when the reviewer completes without a decision, the old one does not count
    assertThatThrownBy(() -> complete(task("Task_CodeReview", story), Map.of()))
        .hasMessageContaining("approved is required");

    // then an explicit approval moves it on
    driver.completeTask(story, "Task_CodeReview", approve());
    assertThat(story).isWaitingAt("Task_IntegrationTest");
    assertThat(driver.statusTrail(story)).containsSubsequence("CODE_REVIEW", "IN_PROGRESS", "CODE_REVIEW", "INTEGRATION_TESTING");
  }

  @Test
  void securityConcernsGoToTheBackendEngineerAndBackToTheExpert() {
    // given
    ProcessInstance story = driver.start("backend");
    walkTo(story, "Task_SecurityReview");

    // when
    driver.completeTask(story, "Task_SecurityReview", Map.of("securityConcerns", "Passwords are logged in clear text"));

    // then
    assertThat(story).isWaitingAt("Task_AddressSecurityConcerns");
    assertThat(story).variables().containsEntry("concernsToAddress", "Passwords are logged in clear text");
    driver.backendStepByHand(story, "Task_AddressSecurityConcerns", "securityFix");
    assertThat(story).isWaitingAt("Task_SecurityReview");
    driver.assertStatus(story, Status.SECURITY_REVIEW);

    // when the expert is satisfied
    driver.completeTask(story, "Task_SecurityReview", approve());

    // then
    assertThat(story).isWaitingAt("Task_PrepareDeployment");
    assertThat(story).variables().containsEntry("concernsToAddress", null);
    driver.assertStatus(story, Status.CONFIGURING_DEVOPS);
  }

  /** Every backend step without builtin work; the security self-check has its own test above. */
  @ParameterizedTest(name = "fallback on {0}")
  @MethodSource("serviceTasks")
  void everyServiceTaskFallsBackToAHumanBackendEngineer(String serviceTask, String step) {
    // given
    ProcessInstance story = driver.start("backend");
    walkTo(story, serviceTask);

    // when
    driver.runStep(story, serviceTask);

    // then
    assertThat(story).isWaitingAt("Task_BackendEngineerFallback");
    assertThat(task("Task_BackendEngineerFallback", story)).hasCandidateGroup("backend-engineer");
    assertThat(story).variables().containsEntry("fallbackStep", step);
    assertThat((String) engine.getRuntimeService().getVariable(story.getId(), "fallbackReason"))
        .contains("No agent is configured for step '" + step + "'");

    // when a human does the step, the step runs again and the story goes on
    complete(task("Task_BackendEngineerFallback", story), Map.of("comment", "Did it by hand"));
    assertThat(story).isWaitingAt(serviceTask);
    driver.runStep(story, serviceTask);
    assertThat(story).isNotWaitingAt(serviceTask).isNotWaitingAt("Task_BackendEngineerFallback");
    assertThat(story).variables().containsEntry("fallbackStep", null);
  }

  /** The service tasks whose step has no builtin work yet; feasibility has (see FeasibilityReviewProcessTest). */
  static Stream<Arguments> serviceTasks() {
    return Stream.of(
        Arguments.of("Task_Implement", "implement"),
        Arguments.of("Task_AddressSecurityConcerns", "securityFix"));
    // the security self-check and the deployment have builtin work: their fallbacks are tested in
    // securityscan.SecurityReviewProcessTest and deployment.DeploymentLifecycleIT
  }

  @Test
  void planIsMadeByTheBuiltinAgentWithoutAHuman() {
    // given
    ProcessInstance story = driver.start("backend");
    walkTo(story, "Task_PlanImplementation");

    // when
    driver.backendStep(story, "Task_PlanImplementation");

    // then one task and one test per acceptance criterion; without repository, implementing is by hand
    assertThat(story).isWaitingAt("Task_Implement");
    String plan = engine.getRuntimeService().getVariable(story.getId(), "implementationPlan").toString();
    assertThat(plan).contains("\"acceptanceCriterion\":\"A reset link is sent to the registered email\"")
        .contains("\"acceptanceCriterion\":\"The link expires after 30 minutes\"")
        .contains("The story has no repository");
    driver.runStep(story, "Task_Implement");
    assertThat(story).isWaitingAt("Task_BackendEngineerFallback");
    assertThat((String) engine.getRuntimeService().getVariable(story.getId(), "fallbackReason"))
        .contains("has no repository");
  }

  @Test
  void securitySelfCheckWithoutAWorkspaceGoesToTheExpertWithReview() {
    // given a story without a repository
    ProcessInstance story = driver.start("backend");
    walkTo(story, "Task_SecurityScan");

    // when
    driver.runStep(story, "Task_SecurityScan");

    // then nothing was scanned, the expert is told so and approves without an override
    assertThat(story).isWaitingAt("Task_SecurityReview").isNotWaitingAt("Task_BackendEngineerFallback");
    String report = engine.getRuntimeService().getVariable(story.getId(), "securityScan").toString();
    assertThat(report).contains("\"verdict\":\"REVIEW\"", "\"scope\":\"none\"", "\"filesScanned\":0", "Nothing was scanned");
    driver.completeTask(story, "Task_SecurityReview", approve());
    assertThat(story).isWaitingAt("Task_PrepareDeployment");
    Object overrides = engine.getRuntimeService().getVariable(story.getId(), "overrides");
    assertThat(overrides == null ? "" : overrides.toString()).doesNotContain("Task_SecurityReview");
  }

  @Test
  void invalidDecisionsAreRefusedAndTheTaskStaysOpen() {
    // given
    ProcessInstance story = driver.start("backend");
    walkTo(story, "Task_CodeReview");
    String taskId = task("Task_CodeReview", story).getId();
    // a new task carries the story's comments so far (tasklist.EarlierComments); a refusal adds none
    List<String> comments = engine.getTaskService().getTaskComments(taskId).stream().map(Comment::getId).toList();

    // when / then: each refusal names what is allowed, and nothing moves
    assertThatThrownBy(() -> complete(task("Task_CodeReview", story), Map.of("approved", "yes")))
        .hasMessageContaining("approved must be a Boolean");
    assertThatThrownBy(() -> complete(task("Task_CodeReview", story), rework("", "BACKLOG")))
        .hasMessageContaining("comment is required when approved is false");
    assertThatThrownBy(() -> complete(task("Task_CodeReview", story), rework("Later", "UAT")))
        .hasMessageContaining("reworkTo must be a status earlier than CODE_REVIEW: one of DRAFT, BACKLOG, PLANNED_IN_SPRINT, IN_PROGRESS");
    assertThatThrownBy(() -> complete(task("Task_CodeReview", story), rework("Same", "CODE_REVIEW")))
        .hasMessageContaining("reworkTo must be a status earlier than CODE_REVIEW");
    assertThatThrownBy(() -> complete(task("Task_CodeReview", story), rework("Typo", "IN_PROGRES")))
        .hasMessageContaining("reworkTo must be a status earlier");

    // then
    assertThat(story).isWaitingAt("Task_CodeReview");
    assertThat(task("Task_CodeReview", story).getId()).isEqualTo(taskId);
    driver.assertStatus(story, Status.CODE_REVIEW);
    assertThat(engine.getTaskService().getTaskComments(taskId)).extracting(Comment::getId)
        .containsExactlyInAnyOrderElementsOf(comments);
    assertThat(story).variables().doesNotContainKey("approved");
  }

  @Test
  void planningNeedsPriorityPointsAndSprint() {
    // given
    ProcessInstance story = driver.start("backend");
    driver.throughDraft(story, false);

    // when / then
    assertThatThrownBy(() -> complete(task("Task_PlanIntoSprint", story), Map.of("priority", "URGENT", "storyPoints", 0)))
        .hasMessageContaining("priority must be one of LOW, MEDIUM, HIGH, CRITICAL")
        .hasMessageContaining("storyPoints must be a whole number from 1 to 100")
        .hasMessageContaining("sprint is required");
    assertThat(story).isWaitingAt("Task_PlanIntoSprint");

    // when the product owner sends it back to Draft instead
    driver.completeTask(story, "Task_PlanIntoSprint", rework("Needs the architect again", null));
    assertThat(story).isWaitingAt("Task_ArchitectReview");
    driver.assertStatus(story, Status.DRAFT);
  }

  @Test
  void securityReviewCannotApproveAndRaiseConcernsAtOnce() {
    ProcessInstance story = driver.start("backend");
    walkTo(story, "Task_SecurityReview");

    assertThatThrownBy(() -> complete(task("Task_SecurityReview", story),
        Map.of("approved", true, "securityConcerns", "SQL built by concatenation")))
        .hasMessageContaining("approved must be false when securityConcerns are raised");
    assertThat(story).isWaitingAt("Task_SecurityReview");
  }

  /** Walks a backend-only story to the given task, approving everything on the way. */
  private void walkTo(ProcessInstance story, String target) {
    List<Runnable> steps = List.of(
        () -> driver.throughDraft(story, false),
        () -> driver.completeTask(story, "Task_PlanIntoSprint", plan()),
        () -> driver.backendStep(story, "Task_PlanImplementation"),
        () -> driver.backendStepByHand(story, "Task_Implement", "implement"),
        () -> driver.completeTask(story, "Task_CodeReview", approve()),
        () -> driver.completeTask(story, "Task_IntegrationTest", approve()),
        () -> driver.completeTask(story, "Task_E2ETest", approve()),
        () -> driver.completeTask(story, "Task_POReview", approve()),
        () -> driver.securityScanWithoutWorkspace(story),
        () -> driver.completeTask(story, "Task_SecurityReview",
            target.equals("Task_AddressSecurityConcerns") ? Map.of("securityConcerns", "Check the tokens") : approve()),
        () -> driver.backendStepByHand(story, "Task_PrepareDeployment", "deployment"),
        () -> driver.completeTask(story, "Task_ConfigureDevOps", StoryDriver.approveWithoutBundle()));
    for (Runnable step : steps) {
      if (isWaitingAt(story, target)) {
        return;
      }
      step.run();
    }
    assertThat(story).isWaitingAt(target);
  }

  private boolean isWaitingAt(ProcessInstance story, String activityId) {
    return engine.getRuntimeService().getActiveActivityIds(story.getId()).contains(activityId);
  }

  private static String firstStepOf(String status) {
    return switch (status) {
      case "DRAFT" -> "Task_ArchitectReview";
      case "BACKLOG" -> "Task_PlanIntoSprint";
      case "PLANNED_IN_SPRINT" -> "Task_PlanImplementation";
      case "IN_PROGRESS" -> "Task_Implement";
      case "CODE_REVIEW" -> "Task_CodeReview";
      case "INTEGRATION_TESTING" -> "Task_IntegrationTest";
      case "E2E_TESTING" -> "Task_E2ETest";
      case "PO_REVIEW" -> "Task_POReview";
      case "SECURITY_REVIEW" -> "Task_SecurityScan";
      case "CONFIGURING_DEVOPS" -> "Task_PrepareDeployment";
      case "UAT" -> "Task_UAT";
      default -> throw new IllegalArgumentException(status);
    };
  }

  private static String roleOf(String reviewTask) {
    return StoryTask.ofId(reviewTask).orElseThrow().role().label();
  }
}
