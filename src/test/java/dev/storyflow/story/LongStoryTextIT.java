package dev.storyflow.story;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.storyflow.HttpTestClient;
import dev.storyflow.HttpTestClient.Reply;
import dev.storyflow.StoryflowApplication;
import dev.storyflow.lifecycle.Status;
import dev.storyflow.lifecycle.StoryDriver;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * Story text up to its documented limits is stored whole, on H2 and on PostgreSQL, through every
 * door (design section 5): the engine's {@code TEXT_} columns hold 4,000 characters, the story's
 * notes 20,000, its acceptance criteria 50 × 2,000, a rework comment and security concerns 10,000.
 */
class LongStoryTextIT {

  static EmbeddedPostgres postgres;

  @BeforeAll
  static void startPostgres() throws Exception {
    postgres = EmbeddedPostgres.builder().start();
  }

  @AfterAll
  static void stopPostgres() throws Exception {
    postgres.close();
  }

  @Test
  void longStoryTextIsStoredWholeOnH2() {
    try (ConfigurableApplicationContext node = startNode(
        "jdbc:h2:mem:storyflow-long-text;DB_CLOSE_DELAY=-1", "sa", "", "test")) {
      everyDoorKeepsLongTextWhole(node);
    }
  }

  @Test
  void longStoryTextIsStoredWholeOnPostgres() {
    try (ConfigurableApplicationContext node = startNode(
        postgres.getJdbcUrl("postgres", "postgres"), "postgres", "", "test", "postgres")) {
      everyDoorKeepsLongTextWhole(node);
    }
  }

  private void everyDoorKeepsLongTextWhole(ConfigurableApplicationContext node) {
    HttpTestClient http = new HttpTestClient(((WebServerApplicationContext) node).getWebServer().getPort());
    ProcessEngine engine = node.getBean(ProcessEngine.class);
    Random random = new Random(12);

    // given a story through Storyflow's API: three 1,500-character criteria, 20,000 characters of notes
    String apiStory = "LT-" + UUID.randomUUID().toString().substring(0, 8);
    List<String> criteria = List.of(line(random, 1500), line(random, 1500), line(random, 1500));
    String notes = text(random, 20_000);
    String reference = line(random, 2000);
    Reply created = http.post("po", "/api/stories", Map.of("storyId", apiStory, "title", "Export a long ledger",
        "asA", line(random, 1000), "iWant", "to export the ledger", "soThat", line(random, 1000),
        "acceptanceCriteria", criteria, "notes", notes, "reference", reference));

    // then it is created and read back exactly, from Storyflow's API and from Camunda's
    assertThat(created.status()).as(created.body()).isEqualTo(201);
    JsonNode story = http.get("qa", "/api/stories/" + apiStory).json();
    assertThat(story.path("notes").asText()).isEqualTo(notes);
    assertThat(story.path("reference").asText()).isEqualTo(reference);
    assertThat(texts(story.path("acceptanceCriteria"))).containsExactlyElementsOf(criteria);
    JsonNode variable = http.get("admin", "/engine-rest/process-instance/" + story.path("processInstanceId").asText()
        + "/variables/notes").json();
    assertThat(variable.path("type").asText()).as("Cockpit and the forms see a String").isEqualTo("String");
    assertThat(variable.path("value").asText()).isEqualTo(notes);

    // given a story started through /engine-rest with the same long text
    String restStory = "LT-" + UUID.randomUUID().toString().substring(0, 8);
    Reply started = http.post("po", "/engine-rest/process-definition/key/story-lifecycle/start", Map.of(
        "businessKey", restStory, "variables", Map.of(
            "title", Map.of("value", "Import a long ledger"),
            "acceptanceCriteria", Map.of("value", String.join("\n", criteria), "type", "String"),
            "notes", Map.of("value", notes, "type", "String"))));
    assertThat(started.status()).as(started.body()).isEqualTo(200);
    story = http.get("qa", "/api/stories/" + restStory).json();
    assertThat(story.path("notes").asText()).isEqualTo(notes);
    assertThat(texts(story.path("acceptanceCriteria"))).containsExactlyElementsOf(criteria);

    // when the code reviewer sends a story back with a 10,000-character comment
    StoryDriver driver = new StoryDriver(engine);
    ProcessInstance inReview = driver.startAt(Status.CODE_REVIEW.entryElementId(), Map.of());
    String comment = text(random, 10_000);
    Task review = openTask(engine, inReview, "Task_CodeReview");
    Reply rework = http.post("reviewer", "/engine-rest/task/" + review.getId() + "/complete", Map.of("variables",
        Map.of("approved", Map.of("value", false), "comment", Map.of("value", comment),
            "reworkTo", Map.of("value", "IN_PROGRESS"))));

    // then the comment and the rework reason are kept whole
    assertThat(rework.status()).as(rework.body()).isEqualTo(204);
    assertThat(historicVariable(http, inReview.getId(), "reworkReason")).isEqualTo("Code reviewer: " + comment);
    assertThat(http.get("admin", "/engine-rest/task/" + review.getId() + "/comment").json().get(0)
        .path("message").asText()).isEqualTo(comment);
    JsonNode history = http.get("reviewer", "/api/stories/" + inReview.getBusinessKey()).json().path("history");
    assertThat(history.findValuesAsText("comment")).contains(comment);

    // when the security expert raises 10,000 characters of concerns, with a 10,000-character comment
    ProcessInstance inSecurity = driver.startAt(Status.SECURITY_REVIEW.entryElementId(), Map.of());
    String concerns = text(random, 10_000);
    String securityComment = text(random, 10_000);
    Task securityReview = openTask(engine, inSecurity, "Task_SecurityReview");
    Reply raised = http.post("security", "/engine-rest/task/" + securityReview.getId() + "/complete",
        Map.of("variables", Map.of("securityConcerns", Map.of("value", concerns),
            "comment", Map.of("value", securityComment))));

    // then the backend engineer gets them whole, and the comment is kept whole
    assertThat(raised.status()).as(raised.body()).isEqualTo(204);
    assertThat(historicVariable(http, inSecurity.getId(), "concernsToAddress")).isEqualTo(concerns);
    assertThat(http.get("admin", "/engine-rest/task/" + securityReview.getId() + "/comment").json().get(0)
        .path("message").asText()).isEqualTo(securityComment);
  }

  private static Task openTask(ProcessEngine engine, ProcessInstance story, String taskKey) {
    Instant deadline = Instant.now().plus(Duration.ofSeconds(60));
    while (Instant.now().isBefore(deadline)) {
      Task task = engine.getTaskService().createTaskQuery().processInstanceId(story.getId())
          .taskDefinitionKey(taskKey).singleResult();
      if (task != null) {
        return task;
      }
      pause();
    }
    throw new AssertionError(taskKey + " did not open for " + story.getBusinessKey());
  }

  private static String historicVariable(HttpTestClient http, String processInstanceId, String name) {
    JsonNode variables = http.get("admin", "/engine-rest/history/variable-instance?processInstanceId="
        + processInstanceId + "&variableName=" + name).json();
    assertThat(variables).as(name).hasSize(1);
    assertThat(variables.get(0).path("type").asText()).isEqualTo("String");
    return variables.get(0).path("value").asText();
  }

  private static List<String> texts(JsonNode array) {
    List<String> texts = new ArrayList<>();
    array.forEach(element -> texts.add(element.asText()));
    return texts;
  }

  /** Words of several scripts, an emoji among them, on one line of exactly {@code length} characters. */
  private static String line(Random random, int length) {
    return text(random, length).replace('\n', ' ').replace('\t', ' ');
  }

  /** Text of exactly {@code length} characters: words of several scripts, tabs and line breaks. */
  private static String text(Random random, int length) {
    String[] words = {"ledger", "Übertrag", "число", "記帳", "💶", "total", "café", "O'Brien", "<b>", "&amp;"};
    StringBuilder text = new StringBuilder("Start");
    while (text.length() < length) {
      int r = random.nextInt(20);
      text.append(r == 0 ? "\n" : r == 1 ? "\t" : " ").append(words[random.nextInt(words.length)]);
    }
    text.setLength(length - 1);
    if (Character.isHighSurrogate(text.charAt(length - 2))) {
      text.setCharAt(length - 2, 'x');
    }
    return text.append('.').toString();
  }

  private static ConfigurableApplicationContext startNode(String url, String user, String password,
      String... profiles) {
    return new SpringApplicationBuilder(StoryflowApplication.class)
        .profiles(profiles)
        .run("--server.port=0", "--spring.jmx.enabled=false",
            "--spring.datasource.url=" + url,
            "--spring.datasource.username=" + user,
            "--spring.datasource.password=" + password,
            "--camunda.bpm.generate-unique-process-engine-name=false",
            "--camunda.bpm.job-execution.enabled=true",
            "--storyflow.demo.enabled=true");
  }

  private static void pause() {
    try {
      Thread.sleep(100);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
