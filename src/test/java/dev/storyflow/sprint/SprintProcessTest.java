package dev.storyflow.sprint;

import static org.assertj.core.api.Assertions.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.complete;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.task;

import dev.storyflow.lifecycle.Status;
import dev.storyflow.lifecycle.StoryDriver;
import dev.storyflow.lifecycle.StoryProcess;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.IdentityLink;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.ActiveProfiles;

/**
 * Planned in Sprint waits for the sprint to start ({@code Event_SprintStarted}) and for the
 * story's dependencies to be Done ({@code Event_DependenciesDone}); both are released by message.
 * UAT is open to the product owner as well as the business owner. Jobs run by hand.
 */
@SpringBootTest
@ActiveProfiles("test")
class SprintProcessTest {

  @Autowired
  ProcessEngine engine;

  @Autowired
  SprintService sprints;

  StoryDriver driver;

  @BeforeEach
  void setUp() {
    driver = new StoryDriver(engine);
  }

  @Test
  void aStoryWaitsForItsSprintToStartAndGoesOnWhenItDoes() {
    // given a sprint that is planned but not started
    String sprint = newSprint();
    ProcessInstance story = plannedInto(sprint, null);

    // then the story waits at the sprint event, still Planned in Sprint
    assertThat(story).isWaitingAt(StoryProcess.EVENT_SPRINT_STARTED);
    driver.assertStatus(story, Status.PLANNED_IN_SPRINT);
    assertThat(story).isNotWaitingAt("Task_Implement");

    // when the sprint starts
    sprints.start(sprint);
    continueAfter(story, StoryProcess.EVENT_SPRINT_STARTED);

    // then it goes on to In-progress
    assertThat(story).isWaitingAt("Task_Implement");
    driver.assertStatus(story, Status.IN_PROGRESS);
  }

  @Test
  void aStoryPlannedIntoAStartedSprintGoesStraightOn() {
    String sprint = newSprint();
    sprints.start(sprint);

    ProcessInstance story = plannedInto(sprint, null);

    assertThat(story).isWaitingAt("Task_Implement");
    assertThat(engine.getRuntimeService().createEventSubscriptionQuery().processInstanceId(story.getId()).count())
        .isZero();
  }

  @Test
  void aStoryWaitsForItsDependenciesAndTheLastOneToFinishReleasesIt() {
    // given two stories the third depends on, one of them already done
    String sprint = newSprint();
    sprints.start(sprint);
    ProcessInstance first = driver.startAt("Gateway_EnterUAT", Map.of());
    ProcessInstance second = driver.startAt("Gateway_EnterUAT", Map.of());
    complete(task("Task_UAT", first), Map.of("approved", true));
    assertThat(first).isEnded();
    ProcessInstance dependent = plannedInto(sprint, first.getBusinessKey() + ", " + second.getBusinessKey());

    // then it waits for the one not done
    assertThat(dependent).isWaitingAt(StoryProcess.EVENT_DEPENDENCIES_DONE);
    driver.assertStatus(dependent, Status.PLANNED_IN_SPRINT);

    // when the last dependency is done
    complete(task("Task_UAT", second), Map.of("approved", true));
    continueAfter(dependent, StoryProcess.EVENT_DEPENDENCIES_DONE);

    // then the story goes on
    assertThat(dependent).isWaitingAt("Task_Implement");
    driver.assertStatus(dependent, Status.IN_PROGRESS);
  }

  @Test
  void aStoryWaitsForBothItsSprintAndItsDependencies() {
    String sprint = newSprint();
    ProcessInstance dependency = driver.startAt("Gateway_EnterUAT", Map.of());
    ProcessInstance story = plannedInto(sprint, dependency.getBusinessKey());
    assertThat(story).isWaitingAt(StoryProcess.EVENT_SPRINT_STARTED);

    sprints.start(sprint);
    continueAfter(story, StoryProcess.EVENT_SPRINT_STARTED);
    assertThat(story).isWaitingAt(StoryProcess.EVENT_DEPENDENCIES_DONE);

    complete(task("Task_UAT", dependency), Map.of("approved", true));
    continueAfter(story, StoryProcess.EVENT_DEPENDENCIES_DONE);
    assertThat(story).isWaitingAt("Task_Implement");
  }

  @Test
  void finishingAStoryReleasesNothingThatStillWaitsForAnother() {
    String sprint = newSprint();
    sprints.start(sprint);
    ProcessInstance done = driver.startAt("Gateway_EnterUAT", Map.of());
    ProcessInstance open = driver.startAt("Gateway_EnterUAT", Map.of());
    ProcessInstance story = plannedInto(sprint, done.getBusinessKey() + "," + open.getBusinessKey());

    complete(task("Task_UAT", done), Map.of("approved", true));

    assertThat(story).isWaitingAt(StoryProcess.EVENT_DEPENDENCIES_DONE);
    assertThat(engine.getManagementService().createJobQuery().processInstanceId(story.getId()).count()).isZero();
  }

  @Test
  void uatIsOpenToTheProductOwnerWhoMayAcceptIt() {
    ProcessInstance story = driver.startAt("Gateway_EnterUAT", Map.of());

    List<String> candidates = engine.getTaskService().getIdentityLinksForTask(task("Task_UAT", story).getId()).stream()
        .map(IdentityLink::getGroupId).toList();
    assertThat(candidates).containsExactlyInAnyOrder("business-owner", "product-owner");

    engine.getIdentityService().setAuthentication("po", List.of("product-owner"));
    try {
      engine.getTaskService().complete(task("Task_UAT", story).getId(), Map.of("approved", true));
    } finally {
      engine.getIdentityService().clearAuthentication();
    }
    assertThat(story).isEnded().hasPassed("EndEvent_StoryDone");
  }

  private String newSprint() {
    String id = "sprint-" + UUID.randomUUID().toString().substring(0, 8);
    sprints.create(new SprintInput(id, "Sprint " + id, "Ship it", null, null), "po");
    return id;
  }

  /** A story in Backlog planned into the sprint; its implementation plan is made by the builtin agent. */
  private ProcessInstance plannedInto(String sprint, String dependsOn) {
    Map<String, Object> more = dependsOn == null ? Map.of() : Map.of("dependsOn", dependsOn);
    ProcessInstance story = driver.startAt("Gateway_EnterBacklog", more);
    complete(task("Task_PlanIntoSprint", story), Map.of("priority", "HIGH", "storyPoints", 3, "sprint", sprint));
    driver.runStep(story, "Task_PlanImplementation");
    return story;
  }

  /** Runs the job after a released message event (asynchronous continuation). */
  private void continueAfter(ProcessInstance story, String eventId) {
    List<Job> jobs = engine.getManagementService().createJobQuery().processInstanceId(story.getId())
        .activityId(eventId).list();
    assertThat(jobs).as("continuation after %s", eventId).hasSize(1);
    engine.getManagementService().executeJob(jobs.get(0).getId());
  }
}
