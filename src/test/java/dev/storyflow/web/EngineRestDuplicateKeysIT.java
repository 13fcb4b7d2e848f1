package dev.storyflow.web;

import static org.assertj.core.api.Assertions.assertThat;

import dev.storyflow.HttpTestClient;
import dev.storyflow.HttpTestClient.Reply;
import dev.storyflow.lifecycle.Status;
import dev.storyflow.lifecycle.StoryDriver;
import java.util.Map;
import java.util.UUID;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.ActiveProfiles;

/**
 * {@code /engine-rest} refuses a JSON body with a key twice in one object, at any depth, with a
 * 400 that names the key, and changes nothing; Camunda's own reader would keep the last value.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
    "spring.datasource.url=jdbc:h2:mem:storyflow-engine-rest-duplicates;DB_CLOSE_DELAY=-1",
    "camunda.bpm.generate-unique-process-engine-name=false"})
@ActiveProfiles("test")
@DirtiesContext
class EngineRestDuplicateKeysIT {

  static final String START = "/engine-rest/process-definition/key/story-lifecycle/start";
  /** A story's start with the business key {@code ID}; {@code @MORE@} is where a test adds a key. */
  static final String STORY = """
      {"businessKey": "ID", @MORE@"variables": {
        "title": {"value": "Export the invoice list", "type": "String"},
        "asA": {"value": "bookkeeper", "type": "String"},
        "iWant": {"value": "to export the invoices of a month", "type": "String"},
        "soThat": {"value": "I can import them into the accounting tool", "type": "String"},
        "acceptanceCriteria": {"value": "One line per invoice", "type": "String"},
        "components": {"value": "backend", "type": "String"}}}
      """;

  @LocalServerPort
  int port;
  @Autowired
  ProcessEngine engine;

  HttpTestClient http;

  @BeforeEach
  void setUp() {
    http = new HttpTestClient(port);
  }

  @Test
  void aStoryWithEveryKeyOnceStarts() {
    String storyId = storyId();

    Reply reply = http.postRaw("po", START, "application/json", STORY.replace("ID", storyId).replace("@MORE@", ""));

    assertThat(reply.status()).as(reply.body()).isEqualTo(200);
    assertThat(instances(storyId)).isEqualTo(1);
  }

  @ParameterizedTest(name = "{0}")
  @ValueSource(strings = {
      "\"businessKey\": \"OTHER\", ",
      "\"variables\": {}, ",
      "\"variables\": {\"title\": {\"value\": \"Another title\", \"value\": \"A third title\"}}, "})
  void aStartWithAKeyTwiceIsRefusedAndStartsNothing(String more) {
    String storyId = storyId();

    Reply reply = http.postRaw("po", START, "application/json", STORY.replace("ID", storyId).replace("@MORE@", more));

    assertThat(reply.status()).as(reply.body()).isEqualTo(400);
    assertThat(reply.body()).contains("Duplicate field");
    assertThat(instances(storyId)).isZero();
    assertThat(instances("OTHER")).isZero();
  }

  @Test
  void aCompletionWithAVariableTwiceIsRefusedAndLeavesTheTaskOpen() {
    // given a story in code review
    ProcessInstance story = new StoryDriver(engine).startAt(Status.CODE_REVIEW.entryElementId(), Map.of());
    Task review = engine.getTaskService().createTaskQuery().processInstanceId(story.getId()).singleResult();

    // when the reviewer approves and rejects in one body
    Reply reply = http.postRaw("reviewer", "/engine-rest/task/" + review.getId() + "/complete", "application/json",
        "{\"variables\": {\"approved\": {\"value\": false}, \"approved\": {\"value\": true}}}");

    // then nothing is decided
    assertThat(reply.status()).as(reply.body()).isEqualTo(400);
    assertThat(reply.body()).contains("approved");
    assertThat(engine.getTaskService().createTaskQuery().taskId(review.getId()).count()).isEqualTo(1);
  }

  private long instances(String businessKey) {
    return engine.getHistoryService().createHistoricProcessInstanceQuery().processInstanceBusinessKey(businessKey)
        .count();
  }

  private static String storyId() {
    return "DUP-" + UUID.randomUUID().toString().substring(0, 8);
  }
}
