package dev.storyflow.lifecycle;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.storyflow.HttpTestClient;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.camunda.bpm.engine.ProcessEngine;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.ActiveProfiles;

/**
 * People complete Draft reviews while the job executor runs the feasibility reviews of the same
 * stories. Each branch ends in its own job before the join, so a completion never collides with a
 * step: no 5xx, no failed job, and every story reaches the product owner's approval.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
    "spring.datasource.url=jdbc:h2:mem:storyflow-draft-join;DB_CLOSE_DELAY=-1",
    "camunda.bpm.job-execution.enabled=true",
    "camunda.bpm.generate-unique-process-engine-name=false"})
@ActiveProfiles("test")
@DirtiesContext
class DraftJoinConcurrencyIT {

  static final int STORIES = 50;
  static final int CLIENTS = 16;

  @LocalServerPort
  int port;
  @Autowired
  ProcessEngine engine;

  @Test
  void reviewsCompletedWhileFeasibilityStepsRunNeverCollide() throws Exception {
    HttpTestClient http = new HttpTestClient(port);
    List<String> stories = new ArrayList<>();
    for (int i = 0; i < STORIES; i++) {
      String storyId = "JOIN-" + i + "-" + UUID.randomUUID().toString().substring(0, 6);
      assertThat(http.post("po", "/api/stories", Map.of("storyId", storyId, "title", "Story " + i + " of the join test",
          "asA", "tester", "iWant", "review " + i, "soThat", "the join holds")).status()).isEqualTo(201);
      stories.add(storyId);
    }

    List<Integer> statuses = Collections.synchronizedList(new ArrayList<>());
    ExecutorService clients = Executors.newFixedThreadPool(CLIENTS);
    List<Future<?>> work = new ArrayList<>();
    for (String storyId : stories) {
      for (String[] review : new String[][] {{"architect", "Task_ArchitectReview"}, {"security", "Task_SecurityEarlyReview"}}) {
        work.add(clients.submit(() -> {
          JsonNode tasks = http.get(review[0], "/engine-rest/task?processInstanceBusinessKey=" + storyId
              + "&taskDefinitionKey=" + review[1]).json();
          for (JsonNode task : tasks) {
            statuses.add(http.post(review[0], "/engine-rest/task/" + task.path("id").asText() + "/complete",
                Map.of("variables", Map.of("approved", Map.of("value", true)))).status());
          }
        }));
      }
    }
    for (Future<?> done : work) {
      done.get();
    }
    clients.shutdown();

    assertThat(statuses).hasSize(2 * STORIES).containsOnly(204);
    Instant deadline = Instant.now().plus(Duration.ofMinutes(3));
    while (engine.getTaskService().createTaskQuery().taskDefinitionKey("Task_ApproveDraft").count() < STORIES
        && Instant.now().isBefore(deadline)) {
      Thread.sleep(200);
    }
    assertThat(engine.getTaskService().createTaskQuery().taskDefinitionKey("Task_ApproveDraft").count())
        .isEqualTo(STORIES);
    assertThat(engine.getHistoryService().createHistoricJobLogQuery().failureLog().count())
        .as("jobs that failed, for instance on an optimistic locking collision").isZero();
    assertThat(engine.getRuntimeService().createIncidentQuery().count()).isZero();
  }
}
