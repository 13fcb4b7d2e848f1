package dev.storyflow.story;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.storyflow.HttpTestClient;
import dev.storyflow.HttpTestClient.Reply;
import dev.storyflow.RestStoryWalker;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.camunda.bpm.engine.HistoryService;
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
 * Drives stories over real HTTP, as the demo users, with the job executor running: Storyflow's
 * API, Camunda's REST API, authentication, authorizations and bad input.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
    "spring.datasource.url=jdbc:h2:mem:storyflow-rest;DB_CLOSE_DELAY=-1",
    "camunda.bpm.job-execution.enabled=true",
    "camunda.bpm.generate-unique-process-engine-name=false",
    // one wrong password below must not lock the demo user out for the other tests
    "camunda.bpm.generic-properties.properties.login-delay-base=0"})
@ActiveProfiles("test")
@DirtiesContext
class StoryRestIT {

  @LocalServerPort
  int port;

  @Autowired
  HistoryService historyService;

  HttpTestClient http;

  @BeforeEach
  void setUp() {
    http = new HttpTestClient(port);
  }

  @Test
  void storyStartedThroughTheApiWalksToDoneThroughEngineRest() {
    // given
    String storyId = newStoryId();
    Reply created = http.post("po", "/api/stories", story(storyId, List.of("backend", "frontend")));
    assertThat(created.status()).isEqualTo(201);
    assertThat(created.header("Location")).isEqualTo("/api/stories/" + storyId);
    assertThat(created.json().path("status").asText()).isEqualTo("DRAFT");
    assertThat(created.json().path("components")).hasSize(2);

    // when every open task is completed by the right demo user
    List<String> completed = new RestStoryWalker(http).walkToDone(storyId);

    // then
    JsonNode story = http.get("reviewer", "/api/stories/" + storyId).json();
    assertThat(story.path("status").asText()).isEqualTo("DONE");
    assertThat(story.path("openTasks")).isEmpty();
    assertThat(story.path("history").findValuesAsText("status")).containsExactly(
        "DRAFT", "BACKLOG", "PLANNED_IN_SPRINT", "IN_PROGRESS", "CODE_REVIEW", "INTEGRATION_TESTING",
        "E2E_TESTING", "PO_REVIEW", "SECURITY_REVIEW", "CONFIGURING_DEVOPS", "UAT", "DONE");
    JsonNode history = story.path("history");
    assertThat(history.get(0).path("by").asText()).isEqualTo("po");
    assertThat(history.get(1).path("by").asText()).isEqualTo("po");
    assertThat(history.get(5).path("by").asText()).isEqualTo("reviewer");
    assertThat(history.get(11).path("by").asText()).isEqualTo("business");
    assertThat(history.get(11).path("comment").asText()).isEqualTo(dev.storyflow.TaskDecisions.comment("Task_UAT"));
    assertThat(completed).contains("Task_FrontendFeasibility", "Task_FrontendImplement",
        "Task_BackendEngineerFallback", "Task_UAT");
  }

  @Test
  void storyStartedThroughEngineRestIsCheckedAndShownByTheApi() {
    // given
    String storyId = newStoryId();
    Map<String, Object> body = Map.of("businessKey", storyId, "variables", Map.of(
        "title", Map.of("value", "Export invoices as CSV"),
        "asA", Map.of("value", "accountant"),
        "iWant", Map.of("value", "to export invoices"),
        "soThat", Map.of("value", "I can file taxes")));

    // when
    Reply started = http.post("po", "/engine-rest/process-definition/key/story-lifecycle/start", body);

    // then
    assertThat(started.status()).isEqualTo(200);
    assertThat(started.json().path("businessKey").asText()).isEqualTo(storyId);
    JsonNode story = http.get("qa", "/api/stories/" + storyId).json();
    assertThat(story.path("title").asText()).isEqualTo("Export invoices as CSV");
    assertThat(story.path("components").get(0).asText()).isEqualTo("backend");
    assertThat(story.path("status").asText()).isEqualTo("DRAFT");
    assertThat(story.path("openTasks").findValuesAsText("taskDefinitionKey"))
        .contains("Task_ArchitectReview", "Task_SecurityEarlyReview");
    new RestStoryWalker(http).walkToDone(storyId);
    assertThat(http.get("po", "/api/stories/" + storyId).json().path("status").asText()).isEqualTo("DONE");
  }

  @Test
  void engineRestRefusesInvalidAndDuplicateStories() {
    String storyId = newStoryId();
    Reply blank = http.post("po", "/engine-rest/process-definition/key/story-lifecycle/start",
        Map.of("businessKey", storyId, "variables", Map.of("title", Map.of("value", " "))));
    assertThat(blank.status()).isEqualTo(400);
    assertThat(blank.json().path("message").asText()).contains("title must not be blank");
    assertThat(instancesOf(storyId)).isZero();

    assertThat(http.post("po", "/api/stories", story(storyId, List.of("backend"))).status()).isEqualTo(201);
    Reply duplicate = http.post("po", "/engine-rest/process-definition/key/story-lifecycle/start",
        Map.of("businessKey", storyId, "variables", Map.of("title", Map.of("value", "Again"))));
    assertThat(duplicate.status()).isEqualTo(409);
    assertThat(instancesOf(storyId)).isEqualTo(1);
  }

  @Test
  void duplicateRunningStoryIsAConflict() {
    String storyId = newStoryId();
    assertThat(http.post("po", "/api/stories", story(storyId, List.of("backend"))).status()).isEqualTo(201);

    Reply again = http.post("po", "/api/stories", story(storyId, List.of("backend")));

    assertThat(again.status()).isEqualTo(409);
    assertThat(again.header("Content-Type")).startsWith("application/problem+json");
    assertThat(again.json().path("detail").asText()).contains(storyId);
    assertThat(instancesOf(storyId)).isEqualTo(1);
  }

  @ParameterizedTest(name = "{0}")
  @ValueSource(strings = {"missing title", "title of 10000 characters", "id with spaces", "unknown component",
      "malformed JSON", "storyPoints not a number", "unknown field"})
  void badInputIsRefusedWithTheFieldNamedAndNothingStarted(String kind) {
    // given
    String storyId = newStoryId();
    Map<String, Object> story = story(storyId, List.of("backend"));
    String field;
    switch (kind) {
      case "missing title" -> { story.remove("title"); field = "title"; }
      case "title of 10000 characters" -> { story.put("title", "x".repeat(10_000)); field = "title"; }
      case "id with spaces" -> { story.put("storyId", "US 1 2"); field = "storyId"; }
      case "unknown component" -> { story.put("components", List.of("backend", "mobile")); field = "components[1]"; }
      case "storyPoints not a number" -> { story.put("storyPoints", "many"); field = "storyPoints"; }
      case "unknown field" -> { story.put("titel", "typo"); field = "titel"; }
      default -> field = null;
    }

    // when
    Reply reply = "malformed JSON".equals(kind)
        ? http.postRaw("po", "/api/stories", "application/json", "{\"storyId\": \"" + storyId + "\", \"title\": ")
        : http.post("po", "/api/stories", story);

    // then
    assertThat(reply.status()).isEqualTo(400);
    assertThat(reply.header("Content-Type")).startsWith("application/problem+json");
    assertThat(reply.body()).doesNotContain("Exception").doesNotContain("at dev.storyflow");
    if (field != null) {
      assertThat(reply.json().path("errors").findValuesAsText("field")).contains(field);
      assertThat(reply.json().path("detail").asText()).contains(field);
    } else {
      assertThat(reply.json().path("detail").asText()).contains("not valid JSON");
    }
    assertThat(instancesOf(storyId)).isZero();
  }

  @Test
  void credentialsAreRequiredOnBothDoors() {
    assertThat(http.get(null, "/api/stories").status()).isEqualTo(401);
    assertThat(http.get("po:wrong", "/api/stories").status()).isEqualTo(401);
    assertThat(http.get(null, "/engine-rest/task").status()).isEqualTo(401);
    assertThat(http.get("nobody:demo", "/engine-rest/task").status()).isEqualTo(401);
    assertThat(http.post(null, "/api/stories", story(newStoryId(), List.of("backend"))).status()).isEqualTo(401);
    assertThat(http.get("qa", "/api/stories").status()).isEqualTo(200);
  }

  @Test
  void usersOfTheWrongGroupAreForbidden() {
    // given
    String storyId = newStoryId();

    // when / then: only product owners create stories, on either door
    Reply api = http.post("qa", "/api/stories", story(storyId, List.of("backend")));
    assertThat(api.status()).isEqualTo(403);
    assertThat(api.json().path("detail").asText()).contains("product-owner");
    Reply engine = http.post("qa", "/engine-rest/process-definition/key/story-lifecycle/start",
        Map.of("businessKey", storyId, "variables", Map.of("title", Map.of("value", "Sneaky"))));
    assertThat(engine.status()).isEqualTo(403);
    assertThat(instancesOf(storyId)).isZero();

    // and a task can be completed only by its candidate group
    assertThat(http.post("po", "/api/stories", story(storyId, List.of("backend"))).status()).isEqualTo(201);
    String architectTask = openTask(storyId, "Task_ArchitectReview");
    assertThat(http.post("qa", "/engine-rest/task/" + architectTask + "/complete",
        Map.of("variables", Map.of("approved", Map.of("value", true)))).status()).isEqualTo(403);
    assertThat(http.get("qa", "/engine-rest/task?processInstanceBusinessKey=" + storyId).json()
        .findValuesAsText("taskDefinitionKey")).doesNotContain("Task_ArchitectReview");
    assertThat(http.get("architect", "/engine-rest/task?processInstanceBusinessKey=" + storyId).json()
        .findValuesAsText("taskDefinitionKey")).containsExactly("Task_ArchitectReview");
    assertThat(http.post("architect", "/engine-rest/task/" + architectTask + "/complete",
        Map.of("variables", Map.of("approved", Map.of("value", true)))).status()).isEqualTo(204);
  }

  @Test
  void invalidDecisionThroughEngineRestIsA400AndTheTaskStaysOpen() {
    // given
    String storyId = newStoryId();
    http.post("po", "/api/stories", story(storyId, List.of("backend")));
    String task = openTask(storyId, "Task_ArchitectReview");

    // when
    Reply reply = http.post("architect", "/engine-rest/task/" + task + "/complete",
        Map.of("variables", Map.of("approved", Map.of("value", false))));

    // then
    assertThat(reply.status()).isEqualTo(400);
    assertThat(reply.json().path("message").asText()).contains("comment is required when approved is false");
    assertThat(openTask(storyId, "Task_ArchitectReview")).isEqualTo(task);
  }

  @Test
  void storiesAreListedAndFiltered() {
    String storyId = newStoryId();
    Map<String, Object> story = story(storyId, List.of("backend"));
    story.put("epic", "EPIC-" + storyId);
    http.post("po", "/api/stories", story);

    JsonNode byEpic = http.get("devops", "/api/stories?epic=EPIC-" + storyId).json();
    assertThat(byEpic.findValuesAsText("storyId")).containsExactly(storyId);
    assertThat(http.get("devops", "/api/stories?status=DRAFT").json().findValuesAsText("storyId")).contains(storyId);
    assertThat(http.get("devops", "/api/stories?status=BACKLOG").json().findValuesAsText("storyId")).doesNotContain(storyId);
    assertThat(http.get("devops", "/api/stories?status=NOPE").status()).isEqualTo(400);
    assertThat(http.get("devops", "/api/stories?sprint=a%00b").status()).as("a NUL never reaches the database")
        .isEqualTo(400);
    assertThat(http.get("devops", "/api/stories/NO-SUCH-STORY").status()).isEqualTo(404);
  }

  @Test
  void openApiDocumentDescribesTheStoryApi() {
    Reply docs = http.get(null, "/v3/api-docs");
    assertThat(docs.status()).isEqualTo(200);
    assertThat(docs.json().path("paths").has("/api/stories")).isTrue();
    assertThat(docs.json().path("paths").has("/api/stories/{storyId}")).isTrue();
    assertThat(http.get(null, "/swagger-ui/index.html").status()).isEqualTo(200);
  }

  // ------------------------------------------------------------------ helpers

  private String openTask(String storyId, String taskKey) {
    Instant deadline = Instant.now().plus(Duration.ofSeconds(30));
    while (Instant.now().isBefore(deadline)) {
      for (JsonNode task : http.get("admin", "/api/stories/" + storyId).json().path("openTasks")) {
        if (taskKey.equals(task.path("taskDefinitionKey").asText())) {
          return task.path("id").asText();
        }
      }
      sleep();
    }
    throw new AssertionError(taskKey + " did not open for " + storyId);
  }

  private long instancesOf(String storyId) {
    return historyService.createHistoricProcessInstanceQuery().processInstanceBusinessKey(storyId).count();
  }

  static Map<String, Object> story(String storyId, List<String> components) {
    Map<String, Object> story = new LinkedHashMap<>();
    story.put("storyId", storyId);
    story.put("title", "Reset a forgotten password");
    story.put("asA", "registered user");
    story.put("iWant", "to reset my password by email");
    story.put("soThat", "I can log in again");
    story.put("acceptanceCriteria", List.of("A reset link is sent to the registered email",
        "The link expires after 30 minutes"));
    story.put("components", components);
    return story;
  }

  static String newStoryId() {
    return "US-" + UUID.randomUUID().toString().substring(0, 8);
  }

  private static void sleep() {
    try {
      Thread.sleep(200);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
