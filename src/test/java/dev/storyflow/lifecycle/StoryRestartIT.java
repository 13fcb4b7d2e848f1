package dev.storyflow.lifecycle;

import static dev.storyflow.lifecycle.StoryDriver.approve;
import static org.assertj.core.api.Assertions.assertThat;

import dev.storyflow.StoryflowApplication;
import java.nio.file.Path;
import java.util.UUID;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

/** Stopping and starting Storyflow on the same H2 file keeps every story where it was. */
class StoryRestartIT {

  @TempDir
  Path data;

  @Test
  void runningStoriesSurviveARestart() {
    // given a story halfway through Draft, with a backend job pending
    String storyId;
    String processInstanceId;
    try (ConfigurableApplicationContext first = start()) {
      StoryDriver driver = new StoryDriver(first.getBean(ProcessEngine.class));
      ProcessInstance story = driver.start("backend");
      driver.completeTask(story, "Task_ArchitectReview", approve());
      storyId = story.getBusinessKey();
      processInstanceId = story.getId();
    }

    assertThat(data.resolve("storyflow.mv.db")).exists();

    // when Storyflow starts again on the same database
    try (ConfigurableApplicationContext second = start()) {
      ProcessEngine engine = second.getBean(ProcessEngine.class);
      StoryDriver driver = new StoryDriver(engine);
      ProcessInstance story = engine.getRuntimeService().createProcessInstanceQuery()
          .processInstanceBusinessKey(storyId).singleResult();

      // then it is where it was, and goes on
      assertThat(story.getId()).isEqualTo(processInstanceId);
      driver.assertStatus(story, Status.DRAFT);
      org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat(story)
          .isWaitingAt("Task_FeasibilityReview", "Task_SecurityEarlyReview")
          .isNotWaitingAt("Task_ArchitectReview");
      driver.completeTask(story, "Task_SecurityEarlyReview", approve());
      driver.feasibilityReview(story);
      driver.completeTask(story, "Task_ApproveDraft", StoryDriver.approveDraft());
      driver.assertStatus(story, Status.BACKLOG);
    }
  }

  private ConfigurableApplicationContext start() {
    return new SpringApplicationBuilder(StoryflowApplication.class)
        .profiles("test")
        // command-line arguments: they win over the profile files, as on a real node
        .run(
            "--server.port=0",
            "--spring.datasource.url=jdbc:h2:file:" + data.resolve("storyflow") + ";DB_CLOSE_ON_EXIT=FALSE",
            "--camunda.bpm.generate-unique-process-engine-name=true",
            "--spring.jmx.enabled=false");
  }
}
