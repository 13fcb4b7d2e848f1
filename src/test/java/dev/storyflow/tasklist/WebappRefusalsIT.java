package dev.storyflow.tasklist;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.storyflow.HttpTestClient;
import dev.storyflow.HttpTestClient.Reply;
import dev.storyflow.RestStoryWalker;
import dev.storyflow.WebappClient;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.ActiveProfiles;

/**
 * Tasklist completes tasks and starts stories through the webapp's own engine API
 * ({@code /camunda/api/engine/engine/default/...}). Every refusal there is a 400 (a story id
 * already taken: 409) with one readable sentence that names the field: never a 500, never an
 * engine log code ({@code ENGINE-…}) or a Java class in the message; and the task stays open.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
    "spring.datasource.url=jdbc:h2:mem:storyflow-webapp-refusals;DB_CLOSE_DELAY=-1",
    "camunda.bpm.generate-unique-process-engine-name=false",
    "camunda.bpm.job-execution.enabled=true"})
@ActiveProfiles("test")
@DirtiesContext
class WebappRefusalsIT {

  /** A refused decision on the architect's review, and the field its answer must name. */
  record Refusal(String why, String body, String field) {
  }

  static final List<Refusal> ARCHITECT_REFUSALS = List.of(
      new Refusal("no comment to a rejection", "{\"variables\": {\"approved\": {\"value\": false}}}", "comment"),
      new Refusal("a blank comment to a rejection",
          "{\"variables\": {\"approved\": {\"value\": false}, \"comment\": {\"value\": \"   \"}}}", "comment"),
      new Refusal("no decision", "{\"variables\": {\"comment\": {\"value\": \"Looks fine\"}}}", "approved"),
      new Refusal("a decision that is not a Boolean", "{\"variables\": {\"approved\": {\"value\": \"yes\"}}}",
          "approved"),
      new Refusal("a status with the decision",
          "{\"variables\": {\"approved\": {\"value\": true}, \"status\": {\"value\": \"DONE\"}}}", "status"),
      new Refusal("a report with the decision", "{\"variables\": {\"approved\": {\"value\": true}, "
          + "\"feasibility\": {\"value\": \"{}\", \"type\": \"Json\"}}}", "feasibility"),
      new Refusal("a rework status on a Draft opinion", "{\"variables\": {\"approved\": {\"value\": false}, "
          + "\"comment\": {\"value\": \"No\"}, \"reworkTo\": {\"value\": \"DRAFT\"}}}", "reworkTo"),
      new Refusal("a comment that is not text", "{\"variables\": {\"approved\": {\"value\": false}, "
          + "\"comment\": {\"value\": \"{\\\"a\\\": 1}\", \"type\": \"Json\"}}}", "comment"),
      new Refusal("a comment with control characters", "{\"variables\": {\"approved\": {\"value\": false}, "
          + "\"comment\": {\"value\": \"bell\\u0007\"}}}", "comment"),
      new Refusal("a comment of 10,001 characters", "{\"variables\": {\"approved\": {\"value\": false}, "
          + "\"comment\": {\"value\": \"" + "x".repeat(10_001) + "\"}}}", "comment"),
      new Refusal("a Java-serialized comment", "{\"variables\": {\"approved\": {\"value\": true}, \"comment\": "
          + "{\"value\": \"rO0ABXQAAmhp\", \"type\": \"Object\", \"valueInfo\": {\"objectTypeName\": "
          + "\"java.lang.String\", \"serializationDataFormat\": \"application/x-java-serialized-object\"}}}}",
          "comment"),
      new Refusal("a variable of an unknown type",
          "{\"variables\": {\"approved\": {\"value\": true}, \"comment\": {\"value\": \"ok\", \"type\": \"Strange\"}}}",
          "comment"),
      new Refusal("a decision sent bare, not as {\"value\": …}", "{\"variables\": {\"approved\": true}}", "approved"),
      new Refusal("a decision that does not convert to its type",
          "{\"variables\": {\"approved\": {\"value\": \"abc\", \"type\": \"Boolean\"}}}", "approved"),
      new Refusal("a body of null", "null", null),
      new Refusal("JSON cut off", "{\"variables\": {\"approved\": ", null));

  @LocalServerPort
  int port;
  @Autowired
  TaskService taskService;

  @Test
  void everyRefusedDecisionIsA400InPlainWordsAndTheTaskStaysOpen() throws Exception {
    // given the architect's review, claimed by the architect in Tasklist
    String storyId = startStory("Book incoming payments", "incoming payments booked against invoices",
        "open items are right");
    Task task = task(storyId, "Task_ArchitectReview");
    WebappClient architect = WebappClient.session(port, "architect");
    assertThat(architect.engine("POST", "/task/" + task.getId() + "/claim", "{\"userId\": \"architect\"}").status())
        .isEqualTo(204);
    HttpTestClient engineRest = new HttpTestClient(port);

    for (Refusal refusal : ARCHITECT_REFUSALS) {
      // when Tasklist submits the decision
      Reply reply = architect.engine("POST", "/task/" + task.getId() + "/submit-form", refusal.body());

      // then it is refused in words, naming the field, and the task is still there
      assertReadable(reply, 400, refusal.why());
      if (refusal.field() != null) {
        assertThat(reply.json().path("errors").findValuesAsText("field")).as(refusal.why()).contains(refusal.field());
        assertThat(reply.json().path("message").asText()).as(refusal.why()).contains(refusal.field());
      }
      assertThat(taskService.createTaskQuery().taskId(task.getId()).count()).as(refusal.why()).isEqualTo(1);

      // and /engine-rest answers the same body the same way, in Camunda's error format
      Reply rest = engineRest.postRaw("architect", "/engine-rest/task/" + task.getId() + "/complete",
          "application/json", refusal.body());
      assertReadable(rest, 400, "/engine-rest: " + refusal.why());
      assertThat(rest.json().path("type").asText()).as(refusal.why()).isNotBlank();
      if (refusal.field() != null) {
        assertThat(rest.json().path("message").asText()).as(refusal.why()).contains(refusal.field());
      }
    }

    // and a user of another role may not decide it (403, in words)
    Reply stranger = WebappClient.session(port, "qa").engine("POST", "/task/" + task.getId() + "/submit-form",
        "{\"variables\": {\"approved\": {\"value\": true}}}");
    assertReadable(stranger, 403, "another role's task");

    // and a valid decision still goes through
    assertThat(architect.engine("POST", "/task/" + task.getId() + "/submit-form",
        "{\"variables\": {\"approved\": {\"value\": true}}}").status()).isEqualTo(204);
  }

  @Test
  void approvingAgainstTheEvidenceWithoutAReasonIsA400ThatSaysSo() throws Exception {
    // given a draft whose feasibility verdict is not READY ("quickly"), waiting for the product owner
    String storyId = startStory("Match payments quickly", "payments matched to invoices quickly",
        "dunning stops in time");
    HttpTestClient http = new HttpTestClient(port);
    for (String[] review : new String[][] {{"architect", "Task_ArchitectReview"}, {"security", "Task_SecurityEarlyReview"}}) {
      Task opinion = task(storyId, review[1]);
      assertThat(http.post(review[0], "/engine-rest/task/" + opinion.getId() + "/complete",
          Map.of("variables", Map.of("approved", Map.of("value", true)))).status()).isEqualTo(204);
    }
    Task approve = task(storyId, "Task_ApproveDraft");
    WebappClient po = WebappClient.session(port, "po");
    po.engine("POST", "/task/" + approve.getId() + "/claim", "{\"userId\": \"po\"}");

    // when the product owner approves without a comment
    Reply reply = po.engine("POST", "/task/" + approve.getId() + "/submit-form",
        "{\"variables\": {\"approved\": {\"value\": true}}}");

    // then the answer says that a comment is needed and why
    assertReadable(reply, 400, "an override without a comment");
    assertThat(reply.json().path("message").asText()).contains("comment", "override", "feasibility verdict",
        "\"Needs clarification\"").doesNotContain("NEEDS_CLARIFICATION", "(s)");
    assertThat(taskService.createTaskQuery().taskId(approve.getId()).count()).isEqualTo(1);
  }

  @Test
  void planningIntoASprintThatIsNotOpenOrWithStoryPointsOutOfRangeIsRefused() throws Exception {
    // given a story waiting in Backlog
    String storyId = startStory("Show payment terms per customer", "the payment terms of each customer",
        "sales sees what is agreed");
    new RestStoryWalker(new HttpTestClient(port)).walkUntilTask(storyId, "Task_PlanIntoSprint");
    Task plan = task(storyId, "Task_PlanIntoSprint");
    WebappClient po = WebappClient.session(port, "po");
    po.engine("POST", "/task/" + plan.getId() + "/claim", "{\"userId\": \"po\"}");

    for (Refusal refusal : List.of(
        new Refusal("a sprint that does not exist", planning("HIGH", 3, "no-such-sprint"), "sprint"),
        new Refusal("no story points", "{\"variables\": {\"approved\": {\"value\": true}, \"priority\": "
            + "{\"value\": \"HIGH\"}, \"sprint\": {\"value\": \"" + RestStoryWalker.SPRINT + "\"}}}", "storyPoints"),
        new Refusal("story points out of range (1–100)", planning("HIGH", 101, RestStoryWalker.SPRINT), "storyPoints"),
        new Refusal("story points that are not a whole number", "{\"variables\": {\"approved\": {\"value\": true}, "
            + "\"priority\": {\"value\": \"HIGH\"}, \"storyPoints\": {\"value\": \"abc\", \"type\": \"Integer\"}, "
            + "\"sprint\": {\"value\": \"" + RestStoryWalker.SPRINT + "\"}}}", "storyPoints"),
        new Refusal("a priority that does not exist", planning("URGENT", 3, RestStoryWalker.SPRINT), "priority"))) {
      Reply reply = po.engine("POST", "/task/" + plan.getId() + "/submit-form", refusal.body());
      assertReadable(reply, 400, refusal.why());
      assertThat(reply.json().path("errors").findValuesAsText("field")).as(refusal.why()).contains(refusal.field());
      assertThat(reply.json().path("message").asText()).as(refusal.why()).contains(refusal.field());
      assertThat(taskService.createTaskQuery().taskId(plan.getId()).count()).as(refusal.why()).isEqualTo(1);
    }

    // and story points off the planning-poker scale but within 1–100 are the product owner's choice
    assertThat(po.engine("POST", "/task/" + plan.getId() + "/submit-form", planning("HIGH", 4, RestStoryWalker.SPRINT))
        .status()).isEqualTo(204);
  }

  @Test
  void aStartFormWithAnIdTakenOrInvalidIsRefusedInWords() throws Exception {
    // given a story US-… exists
    String storyId = startStory("Export the ledger", "the ledger exported per month", "auditors get it");
    WebappClient po = WebappClient.session(port, "po");
    String definition = po.engine("GET", "/process-definition/key/story-lifecycle", null).json().path("id").asText();

    // when the start form submits the same id, then the answer is 409 and says the id is taken
    Reply duplicate = po.engine("POST", "/process-definition/" + definition + "/submit-form", startForm(storyId));
    assertReadable(duplicate, 409, "a taken id");
    assertThat(duplicate.json().path("message").asText()).contains(storyId, "already exists", "never reused");

    // when it submits an id that cannot name a story, then the answer is 400 naming the field
    Reply invalid = po.engine("POST", "/process-definition/" + definition + "/submit-form", startForm("US 1..2"));
    assertReadable(invalid, 400, "an invalid id");
    assertThat(invalid.json().path("message").asText()).contains("storyId");
  }

  @Test
  void theStartFormsOwnApiNeedsTheProductOwnersSessionAndToken() throws Exception {
    // given a story of the epic "ledger"
    startStory("LG-210", "Close the ledger per month", "the ledger closed at month end", "the books are final",
        "ledger");

    // then the product owner gets the epic's next id
    WebappClient po = WebappClient.session(port, "po");
    Reply next = po.get("/camunda/api/storyflow/next-story-id?epic=ledger");
    assertThat(next.status()).as(next.body()).isEqualTo(200);
    assertThat(next.json().path("storyId").asText()).isEqualTo("LG-211");

    // and "Check story" reviews a story without starting it, in words
    Reply check = po.post("/camunda/api/storyflow/story-check", "{\"storyId\": \"LG-299\", \"title\": \"Reopen "
        + "a closed month\", \"asA\": \"controller\", \"iWant\": \"to reopen a closed month quickly\", "
        + "\"soThat\": \"late invoices are booked\"}");
    assertThat(check.status()).as(check.body()).isEqualTo(200);
    assertThat(check.json().path("verdictLabel").asText()).isIn("Ready", "Needs clarification", "Too large");
    assertThat(check.json().path("findings").findValuesAsText("label")).contains("Vague wording");
    assertThat(check.json().path("findings").findValuesAsText("where")).contains("I want");

    // and a story the rules refuse is a 400 naming the field
    Reply invalid = po.post("/camunda/api/storyflow/story-check", "{\"storyId\": \"LG-297\"}");
    assertThat(invalid.status()).isEqualTo(400);
    assertThat(invalid.body()).contains("title");

    // and nobody else: no session, another role, a POST without the CSRF token
    assertThat(WebappClient.session(port, null).get("/camunda/api/storyflow/next-story-id").status()).isIn(401, 403);
    assertThat(WebappClient.session(port, "architect").get("/camunda/api/storyflow/next-story-id").status())
        .isEqualTo(403);
    // (the role is checked before the story: another role's invalid story is a 403, not a 400)
    assertThat(WebappClient.session(port, "architect").post("/camunda/api/storyflow/story-check",
        "{\"storyId\": \"LG-296\"}").status()).isEqualTo(403);
    assertThat(po.postWithoutToken("/camunda/api/storyflow/story-check", "{\"storyId\": \"LG-298\", "
        + "\"title\": \"x\"}").status()).isEqualTo(403);
  }

  private static void assertReadable(Reply reply, int status, String why) {
    assertThat(reply.status()).as("%s: %s", why, reply.body()).isEqualTo(status);
    assertThat(reply.body()).as(why).doesNotContain("ENGINE-");
    JsonNode message = reply.json().path("message");
    assertThat(message.asText()).as(why).isNotBlank()
        .doesNotContain("Exception", "org.camunda", "java.", "NullPointer");
  }

  private static String planning(String priority, int points, String sprint) {
    return "{\"variables\": {\"approved\": {\"value\": true}, \"priority\": {\"value\": \"" + priority + "\"}, "
        + "\"storyPoints\": {\"value\": " + points + ", \"type\": \"Integer\"}, \"sprint\": {\"value\": \"" + sprint
        + "\"}}}";
  }

  private static String startForm(String storyId) {
    return "{\"variables\": {\"storyId\": {\"value\": \"" + storyId + "\"}, \"title\": {\"value\": \"Again\"}, "
        + "\"asA\": {\"value\": \"clerk\"}, \"iWant\": {\"value\": \"the same story\"}, \"soThat\": {\"value\": "
        + "\"it is there twice\"}}}";
  }

  private String startStory(String title, String iWant, String soThat) {
    return startStory("US-" + UUID.randomUUID().toString().substring(0, 8), title, iWant, soThat, null);
  }

  private String startStory(String storyId, String title, String iWant, String soThat, String epic) {
    Map<String, Object> story = new java.util.HashMap<>(Map.of("storyId", storyId, "title", title, "asA", "accountant",
        "iWant", iWant, "soThat", soThat, "acceptanceCriteria", List.of("Each line names its invoice")));
    if (epic != null) {
      story.put("epic", epic);
    }
    Reply created = new HttpTestClient(port).post("po", "/api/stories", story);
    assertThat(created.status()).as(created.body()).isEqualTo(201);
    return storyId;
  }

  private Task task(String storyId, String key) throws InterruptedException {
    Instant deadline = Instant.now().plus(Duration.ofSeconds(60));
    while (Instant.now().isBefore(deadline)) {
      Task task = taskService.createTaskQuery().processInstanceBusinessKey(storyId).taskDefinitionKey(key)
          .singleResult();
      if (task != null) {
        return task;
      }
      Thread.sleep(200);
    }
    throw new AssertionError(storyId + " never reached " + key);
  }
}
