package dev.storyflow.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.storyflow.HttpTestClient;
import dev.storyflow.HttpTestClient.Reply;
import dev.storyflow.lifecycle.Status;
import dev.storyflow.lifecycle.StoryDriver;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.ActiveProfiles;

/**
 * A careless or hostile client gets a clear 4xx and changes nothing: JSON that is not exactly a
 * story, text with control characters, Object variables of classes Storyflow never builds, and many
 * clients completing one task at once.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
    "spring.datasource.url=jdbc:h2:mem:storyflow-bad-input;DB_CLOSE_DELAY=-1",
    "camunda.bpm.generate-unique-process-engine-name=false"})
@ActiveProfiles("test")
@DirtiesContext
class BadInputIT {

  @LocalServerPort
  int port;
  @Autowired
  ProcessEngine engine;

  HttpTestClient http;

  @BeforeEach
  void setUp() {
    http = new HttpTestClient(port);
  }

  /** Each body names the story id {@code ID}: none of them may start a story. */
  @ParameterizedTest(name = "{0}")
  @ValueSource(strings = {
      "{\"storyId\": \"ID\", \"title\": \"A story\"} trailing",
      "{\"storyId\": \"ID\", \"title\": \"A story\"}{\"storyId\": \"ID\"}",
      "{\"storyId\": \"ID\", \"title\": \"A story\", \"title\": \"Another title\"}",
      "{\"storyId\": \"ID\", \"title\": true}",
      "{\"storyId\": \"ID\", \"title\": 123}",
      "{\"storyId\": \"ID\", \"title\": \"A story\", \"storyPoints\": 1.5}",
      "{\"storyId\": \"ID\", \"title\": \"A story\", \"storyPoints\": \"3\"}",
      "{\"storyId\": \"ID\", \"title\": \"A story\", \"repository\": \"/repos/a\\u0000b\"}",
      "{\"storyId\": \"ID\", \"title\": \"A \\ud800 story\"}",
      "{\"storyId\": \"ID\", \"title\": \"Two\\nlines\"}",
      "{\"storyId\": \"ID\", \"title\": \"A story\", \"notes\": \"bell \\u0007\"}",
      "{\"storyId\": \"ID\", \"title\": \"A story\", \"acceptanceCriteria\": [\"ok\", 7]}",
      "{\"storyId\": \"ID\", \"title\": \"A story\", \"status\": \"DONE\"}"})
  void jsonThatIsNotExactlyAStoryIsRefused(String body) {
    String storyId = "BAD-" + UUID.randomUUID().toString().substring(0, 8);
    Reply reply = http.postRaw("po", "/api/stories", "application/json", body.replace("ID", storyId));

    assertThat(reply.status()).as(reply.body()).isEqualTo(400);
    assertThat(reply.header("Content-Type")).startsWith("application/problem+json");
    assertThat(engine.getHistoryService().createHistoricProcessInstanceQuery()
        .processInstanceBusinessKey(storyId).count()).isZero();
  }

  @Test
  void multiLineTextKeepsItsLineBreaks() {
    String storyId = "OK-" + UUID.randomUUID().toString().substring(0, 8);
    Reply reply = http.post("po", "/api/stories", Map.of("storyId", storyId, "title", "A story",
        "notes", "First line\n\tSecond line"));

    assertThat(reply.status()).as(reply.body()).isEqualTo(201);
  }

  @Test
  void thirtyParallelCompletionsOfOneTaskGiveOneCompletionAndNoServerError() throws Exception {
    ProcessInstance story = new StoryDriver(engine).startAt(Status.CODE_REVIEW.entryElementId(), Map.of());
    Task review = engine.getTaskService().createTaskQuery().processInstanceId(story.getId()).singleResult();
    ExecutorService pool = Executors.newFixedThreadPool(30);
    CountDownLatch ready = new CountDownLatch(30);
    List<Future<Integer>> replies = new ArrayList<>();
    try {
      for (int i = 0; i < 30; i++) {
        Callable<Integer> complete = () -> {
          ready.countDown();
          ready.await();
          return http.post("reviewer", "/engine-rest/task/" + review.getId() + "/complete",
              Map.of("variables", Map.of("approved", Map.of("value", true)))).status();
        };
        replies.add(pool.submit(complete));
      }
      List<Integer> statuses = new ArrayList<>();
      for (Future<Integer> reply : replies) {
        statuses.add(reply.get());
      }
      assertThat(statuses).filteredOn(s -> s == 204).hasSize(1);
      assertThat(statuses).filteredOn(s -> s != 204).allMatch(s -> s == 404 || s == 409);
    } finally {
      pool.shutdownNow();
    }
    assertThat(engine.getHistoryService().createHistoricTaskInstanceQuery().taskId(review.getId()).singleResult()
        .getDeleteReason()).isEqualTo("completed");
  }

  /** A class whose instances count themselves: an Object variable of it must never make one. */
  public static class Tripwire {

    static final AtomicInteger BUILT = new AtomicInteger();

    public Tripwire() {
      BUILT.incrementAndGet();
    }
  }

  /**
   * Even an admin, who may set any variable, cannot get the engine to build an object of a class
   * from a variable: Storyflow's allow-list of Object classes is empty (Camunda's default allows
   * all of {@code java.lang}, so a {@code Thread} was built before). The read is a 400, never a
   * 500, and the serialized value is still there to read.
   */
  @ParameterizedTest(name = "{0}")
  @CsvSource(delimiter = '|', value = {
      "java.io.File|\"/etc/passwd\"",
      "java.lang.Thread|{}",
      "java.lang.ProcessBuilder|{\"command\": [\"touch\", \"/tmp/storyflow-pwned\"]}",
      "dev.storyflow.web.BadInputIT$Tripwire|{}"})
  void anObjectVariableIsNeverBuiltFromItsClass(String className, String serialized) {
    ProcessInstance story = new StoryDriver(engine).start("backend");
    String path = "/engine-rest/process-instance/" + story.getId() + "/variables/payload";
    Reply set = http.put("admin", path, Map.of("value", serialized, "type", "Object", "valueInfo",
        Map.of("objectTypeName", className, "serializationDataFormat", "application/json")));
    assertThat(set.status()).as(set.body()).isEqualTo(204);

    Reply read = http.get("admin", path);
    assertThat(read.status()).as(read.body()).isEqualTo(400);
    assertThat(read.json().path("message").asText()).contains(className);
    assertThatThrownBy(() -> engine.getRuntimeService().getVariableTyped(story.getId(), "payload", true))
        .hasStackTraceContaining("Storyflow deserializes no Object variable");
    assertThat(Tripwire.BUILT).hasValue(0);

    Reply kept = http.get("admin", path + "?deserializeValue=false");
    assertThat(kept.status()).as(kept.body()).isEqualTo(200);
    assertThat(kept.json().path("value").asText()).isEqualTo(serialized);
    assertThat(kept.json().path("valueInfo").path("objectTypeName").asText()).isEqualTo(className);
  }
}
