package dev.storyflow.lifecycle;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import dev.storyflow.HttpTestClient;
import dev.storyflow.HttpTestClient.Reply;
import java.io.IOException;
import java.net.CookieManager;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.camunda.spin.plugin.variable.SpinValues;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.ActiveProfiles;

/**
 * The story rules hold at every door, tried the way an attacker or a careless operator would:
 * each test sends the request that used to step around a rule (issue 10, items 1 to 10) over
 * real HTTP and shows the answer now, with nothing changed in the database, on disk or in the
 * story. The Java door is tried with an authenticated caller too.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
    "spring.datasource.url=jdbc:h2:mem:storyflow-doors;DB_CLOSE_DELAY=-1",
    "camunda.bpm.generate-unique-process-engine-name=false",
    // failed logins: 1 s after the first, doubling, at most 2 s (production: 3 s up to 60 s)
    "camunda.bpm.generic-properties.properties.login-delay-base=1",
    "camunda.bpm.generic-properties.properties.login-delay-max-time=2"})
@ActiveProfiles("test")
@DirtiesContext
class RulesAtEveryDoorIT {

  static final String START = "/engine-rest/process-definition/key/story-lifecycle/start";

  @LocalServerPort
  int port;
  @Autowired
  ProcessEngine engine;
  @Value("${storyflow.workspace.root}")
  Path workspaceRoot;

  HttpTestClient http;
  StoryDriver driver;

  @BeforeEach
  void setUp() {
    http = new HttpTestClient(port);
    driver = new StoryDriver(engine);
  }

  // 1. a start through /engine-rest that skipped intake could name any folder as the workspace

  @Test
  void startsAtAnotherStepAreForbiddenAndNoFolderOutsideTheWorkspaceRootIsTouched(@TempDir Path outside)
      throws IOException {
    Path victim = Files.createDirectories(outside.resolve("victim"));
    Files.writeString(victim.resolve("keep.txt"), "precious");
    Files.createDirectories(workspaceRoot);
    String climbingKey = workspaceRoot.toAbsolutePath().normalize().relativize(victim).toString();
    assertThat(climbingKey).startsWith("..");
    Map<String, Object> attack = new LinkedHashMap<>();
    attack.put("businessKey", climbingKey);
    attack.put("skipCustomListeners", true);
    attack.put("startInstructions", List.of(Map.of("type", "startBeforeActivity", "activityId", "Task_PlanImplementation")));
    attack.put("variables", Map.of("title", value("t"), "repository", value("/some/repo")));

    Reply asProductOwner = http.post("po", START, attack);
    assertThat(asProductOwner.status()).isEqualTo(403);
    assertThat(asProductOwner.json().path("message").asText()).contains("only camunda-admin");

    // an admin may start at a step, but never with an id that is not a story id
    Reply asAdmin = http.post("admin", START, attack);
    assertThat(asAdmin.status()).isEqualTo(400);
    assertThat(asAdmin.json().path("message").asText()).contains("businessKey");

    Reply plainStart = http.post("po", START, Map.of("businessKey", climbingKey,
        "variables", Map.of("title", value("t"))));
    assertThat(plainStart.status()).isEqualTo(400);

    assertThat(victim.resolve("keep.txt")).hasContent("precious");
    assertThat(engine.getHistoryService().createHistoricProcessInstanceQuery()
        .processInstanceBusinessKey(climbingKey).count()).isZero();
  }

  // 2. one approval made a story started at Task_UAT DONE

  @Test
  void aProductOwnerCannotStartAStoryAtAnyStep() {
    String storyId = newStoryId();
    Reply reply = http.post("po", START, Map.of("businessKey", storyId,
        "startInstructions", List.of(Map.of("type", "startBeforeActivity", "activityId", "Task_UAT")),
        "variables", storyVariables(storyId)));

    assertThat(reply.status()).isEqualTo(403);
    assertThat(countStories(storyId)).isZero();
    // the refused start took nothing: the id is still free
    assertThat(http.post("po", START, Map.of("businessKey", storyId, "variables", storyVariables(storyId))).status())
        .isEqualTo(200);
    assertThat(driver.status(instanceOf(storyId))).isEqualTo("DRAFT");
  }

  @ParameterizedTest(name = "story id \"{0}\" is refused")
  @ValueSource(strings = {"RP..23", "X.lock", "US-1.", "..", ".hidden", "a/b", "a b"})
  void storyIdsMustBeValidGitRefParts(String storyId) {
    Map<String, Object> story = new LinkedHashMap<>();
    story.put("storyId", storyId);
    story.put("title", "A story");
    Reply api = http.post("po", "/api/stories", story);
    assertThat(api.status()).isEqualTo(400);
    assertThat(api.json().path("errors").findValuesAsText("field")).contains("storyId");

    Reply engineRest = http.post("po", START, Map.of("businessKey", storyId, "variables", storyVariables(storyId)));
    assertThat(engineRest.status()).isEqualTo(400);
    assertThat(engineRest.json().path("message").asText()).contains("must be 1 to 64 letters");
    assertThat(countStories(storyId)).isZero();
  }

  @Test
  void startsCarryOnlyTheStorysFields() {
    String storyId = newStoryId();
    Map<String, Object> variables = new LinkedHashMap<>(storyVariables(storyId));
    variables.put("status", value("DONE"));
    variables.put("securityScan", value("{\"verdict\":\"PASS\"}"));
    Reply reply = http.post("po", START, Map.of("businessKey", storyId, "variables", variables));

    assertThat(reply.status()).isEqualTo(400);
    assertThat(reply.json().path("errors").findValuesAsText("field")).containsExactly("securityScan", "status");
    assertThat(countStories(storyId)).isZero();
  }

  // 3. a later status sent as "status" counted as earlier: CODE_REVIEW -> UAT -> DONE

  @Test
  void aReviewerCannotPushAStoryForwardBySendingItsStatus() {
    ProcessInstance story = driver.startAt(Status.CODE_REVIEW.entryElementId(), Map.of());
    Task review = task(story, "Task_CodeReview");

    Reply smuggled = complete("reviewer", review, Map.of("approved", value(false), "comment", value("x"),
        "reworkTo", value("UAT"), "status", value("DONE")));
    assertThat(smuggled.status()).isEqualTo(400);
    assertThat(smuggled.json().path("errors").findValuesAsText("field")).containsExactly("status");

    Reply later = complete("reviewer", review, Map.of("approved", value(false), "comment", value("x"),
        "reworkTo", value("UAT")));
    assertThat(later.status()).isEqualTo(400);
    assertThat(later.json().path("message").asText()).contains("reworkTo must be a status earlier than CODE_REVIEW");

    assertThat(task(story, "Task_CodeReview").getId()).isEqualTo(review.getId());
    assertThat(driver.status(story)).isEqualTo("CODE_REVIEW");
  }

  // 4. approving with "feasibility": "whatever" skipped the override and erased the report

  @Test
  void evidenceCannotBeReplacedWhileApproving() {
    String report = "{\"verdict\":\"NEEDS_CLARIFICATION\",\"findings\":[{\"criterion\":\"UNAMBIGUOUS\"}]}";
    ProcessInstance story = driver.startAt("Task_ApproveDraft", Map.of("feasibility", SpinValues.jsonValue(report).create()));
    Task approval = task(story, "Task_ApproveDraft");

    for (String evidence : List.of("feasibility", "overrides", "securityScan", "deployment")) {
      Reply reply = complete("po", approval, Map.of("approved", value(true), evidence, value("whatever")));
      assertThat(reply.status()).as(evidence).isEqualTo(400);
      assertThat(reply.json().path("errors").findValuesAsText("field")).as(evidence).containsExactly(evidence);
    }
    assertThat(driver.json(story, "feasibility").path("verdict").asText()).isEqualTo("NEEDS_CLARIFICATION");

    Reply withoutComment = complete("po", approval, Map.of("approved", value(true)));
    assertThat(withoutComment.status()).isEqualTo(400);
    assertThat(withoutComment.json().path("message").asText()).contains("comment is required to approve against the evidence");

    Reply override = complete("po", approval, Map.of("approved", value(true), "comment", value("The team agreed on the wording")));
    assertThat(override.status()).isEqualTo(204);
    JsonNode audit = http.get("qa", "/api/stories/" + story.getBusinessKey() + "/audit").json();
    JsonNode entry = audit.get(audit.size() - 1);
    assertThat(entry.path("kind").asText()).isEqualTo("OVERRIDE");
    assertThat(entry.path("actor").asText()).isEqualTo("po");
    assertThat(entry.path("status").asText()).isEqualTo("DRAFT");
    assertThat(entry.path("reason").asText()).contains("the feasibility verdict is \"Needs clarification\"");
    assertThat(entry.path("evidence").asText()).startsWith("feasibility sha256:");
    assertThat(entry.path("comment").asText()).isEqualTo("The team agreed on the wording");
    assertThat(driver.json(story, "overrides").get(0).path("by").asText()).isEqualTo("po");
  }

  // 5. repository and acceptanceCriteria sent on Architect review were stored

  @Test
  void taskHoldersCannotRewriteTheStory() {
    ProcessInstance story = driver.startAt("Task_ArchitectReview", Map.of());
    Task review = task(story, "Task_ArchitectReview");
    Map<String, Object> rewrite = Map.of("approved", value(true), "repository", value("/somewhere/else"),
        "acceptanceCriteria", value("Anything goes"));

    Reply completed = complete("architect", review, rewrite);
    Reply submitted = http.post("architect", "/engine-rest/task/" + review.getId() + "/submit-form",
        Map.of("variables", rewrite));

    for (Reply reply : List.of(completed, submitted)) {
      assertThat(reply.status()).isEqualTo(400);
      assertThat(reply.json().path("errors").findValuesAsText("field")).containsExactly("acceptanceCriteria", "repository");
    }
    assertThat(engine.getRuntimeService().getVariable(story.getId(), "repository")).isNull();
    assertThat((String) engine.getRuntimeService().getVariable(story.getId(), "acceptanceCriteria"))
        .startsWith("A reset link is sent");
    assertThat(task(story, "Task_ArchitectReview").getId()).isEqualTo(review.getId());
  }

  // 6. a missing or unreadable report let the approval through; an unreadable override log restarted

  @Test
  void guardsFailClosedAndTheOverrideLogIsRebuiltFromTheAudit() {
    ProcessInstance noBundle = driver.startAt("Task_ConfigureDevOps", Map.of());
    Task configure = task(noBundle, "Task_ConfigureDevOps");
    Reply refused = complete("devops", configure, Map.of("approved", value(true)));
    assertThat(refused.status()).isEqualTo(400);
    assertThat(refused.json().path("message").asText()).contains("there is no deployment report");

    ProcessInstance garbled = driver.startAt("Task_SecurityReview", Map.of("securityScan", "not a report"));
    Reply unreadable = complete("security", task(garbled, "Task_SecurityReview"), Map.of("approved", value(true)));
    assertThat(unreadable.status()).isEqualTo(400);
    assertThat(unreadable.json().path("message").asText()).contains("the security scan report cannot be read");

    // an admin garbles the mirror; the next override rebuilds it from the audit
    assertThat(http.put("admin", "/engine-rest/process-instance/" + noBundle.getId() + "/variables/overrides",
        Map.of("value", "not json")).status()).isEqualTo(204);
    Reply override = complete("devops", configure, Map.of("approved", value(true), "comment", value("Configured by hand")));
    assertThat(override.status()).isEqualTo(204);
    JsonNode overrides = driver.json(noBundle, "overrides");
    assertThat(overrides).hasSize(1);
    assertThat(overrides.get(0).path("reason").asText()).isEqualTo("there is no deployment report");
    assertThat(overrides.get(0).path("evidence").asText()).isEqualTo("deployment missing");
  }

  // 7. 40 parallel starts of one id gave 9 stories; a finished story's id could be reused

  @Test
  void fortyParallelStartsOfOneIdMakeOneStory() throws Exception {
    String storyId = newStoryId();
    ExecutorService pool = Executors.newFixedThreadPool(40);
    CountDownLatch ready = new CountDownLatch(40);
    List<Future<Integer>> replies = new ArrayList<>();
    try {
      for (int i = 0; i < 40; i++) {
        boolean engineRest = i % 2 == 0;
        Callable<Integer> start = () -> {
          ready.countDown();
          ready.await();
          return engineRest
              ? http.post("po", START, Map.of("businessKey", storyId, "variables", storyVariables(storyId))).status()
              : http.post("po", "/api/stories", Map.of("storyId", storyId, "title", "Parallel")).status();
        };
        replies.add(pool.submit(start));
      }
      List<Integer> statuses = new ArrayList<>();
      for (Future<Integer> reply : replies) {
        statuses.add(reply.get());
      }
      assertThat(statuses.stream().filter(s -> s == 200 || s == 201)).hasSize(1);
      assertThat(statuses.stream().filter(s -> s == 409)).hasSize(39);
    } finally {
      pool.shutdownNow();
    }
    assertThat(countStories(storyId)).isEqualTo(1);
  }

  @Test
  void aFinishedStorysIdIsNeverReused() {
    String storyId = newStoryId();
    assertThat(http.post("po", "/api/stories", Map.of("storyId", storyId, "title", "Once")).status()).isEqualTo(201);
    ProcessInstance story = instanceOf(storyId);
    assertThat(http.delete("admin", "/engine-rest/process-instance/" + story.getId()).status()).isEqualTo(204);

    Reply api = http.post("po", "/api/stories", Map.of("storyId", storyId, "title", "Twice"));
    assertThat(api.status()).isEqualTo(409);
    assertThat(api.json().path("detail").asText()).contains("never reused");
    assertThat(http.post("po", START, Map.of("businessKey", storyId, "variables", storyVariables(storyId))).status())
        .isEqualTo(409);
    assertThat(countStories(storyId)).as("the deleted story stays in history, no second one").isEqualTo(1);
  }

  // 8. admin had no rights at all; the product owner could not open Cockpit

  @Test
  void adminHasEveryRightAndTheProductOwnerReadsStories() {
    ProcessInstance story = driver.start("backend");

    assertThat(http.get("admin", "/engine-rest/process-definition?key=story-lifecycle").json()).hasSize(1);
    assertThat(http.get("admin", "/engine-rest/process-instance?businessKey=" + story.getBusinessKey()).json()).hasSize(1);
    assertThat(http.get("admin", "/engine-rest/incident").status()).isEqualTo(200);
    assertThat(http.get("admin", "/engine-rest/job").status()).isEqualTo(200);
    assertThat(http.get("admin", "/engine-rest/user?id=qa").json()).hasSize(1);
    assertThat(http.get("admin", "/engine-rest/authorization/check?permissionName=ACCESS&resourceName=application"
        + "&resourceType=0&resourceId=cockpit").json().path("authorized").asBoolean()).isTrue();

    assertThat(http.get("po", "/engine-rest/process-instance?businessKey=" + story.getBusinessKey()).json()).hasSize(1);
    assertThat(http.get("po", "/engine-rest/history/process-instance?processInstanceBusinessKey="
        + story.getBusinessKey()).json()).hasSize(1);
    assertThat(http.get("po", "/engine-rest/authorization/check?permissionName=ACCESS&resourceName=application"
        + "&resourceType=0&resourceId=cockpit").json().path("authorized").asBoolean()).isTrue();
    assertThat(http.put("po", "/engine-rest/process-instance/" + story.getId() + "/suspended",
        Map.of("suspended", true)).status()).isEqualTo(403);
    assertThat(http.delete("po", "/engine-rest/process-instance/" + story.getId()).status()).isEqualTo(403);
    assertThat(engine.getRuntimeService().createProcessInstanceQuery().processInstanceId(story.getId())
        .active().count()).isEqualTo(1);
  }

  @ParameterizedTest(name = "{0} logs into {1}: {2}")
  @CsvSource({"admin,cockpit,200", "admin,admin,200", "admin,tasklist,200", "po,cockpit,200", "po,admin,403",
      "po,tasklist,200", "qa,cockpit,403", "qa,admin,403", "qa,tasklist,200"})
  void webappLoginsFollowTheRights(String user, String app, int expected) throws Exception {
    HttpClient browser = HttpClient.newBuilder().cookieHandler(new CookieManager()).build();
    String base = "http://localhost:" + port;
    browser.send(HttpRequest.newBuilder(URI.create(base + "/camunda/app/" + app + "/default/")).build(),
        HttpResponse.BodyHandlers.discarding());
    String csrf = ((CookieManager) browser.cookieHandler().orElseThrow()).getCookieStore().getCookies().stream()
        .filter(c -> c.getName().equals("XSRF-TOKEN")).findFirst().orElseThrow().getValue();
    HttpResponse<String> login = browser.send(HttpRequest.newBuilder(
            URI.create(base + "/camunda/api/admin/auth/user/default/login/" + app))
        .header("Content-Type", "application/x-www-form-urlencoded").header("X-XSRF-TOKEN", csrf)
        .POST(HttpRequest.BodyPublishers.ofString("username=" + user + "&password=demo")).build(),
        HttpResponse.BodyHandlers.ofString());
    assertThat(login.statusCode()).as(login.body()).isEqualTo(expected);
  }

  // 9. ten wrong passwords locked any account for good

  @Test
  void failedLoginsSlowAnAttackerDownButNeverLockTheUserOutForGood() throws InterruptedException {
    for (int i = 0; i < 10; i++) {
      assertThat(http.get("frontend:wrong", "/engine-rest/task").status()).isEqualTo(401);
    }
    assertThat(http.get("frontend", "/engine-rest/task").status()).as("delayed right after the attack").isEqualTo(401);
    Thread.sleep(2_500);
    assertThat(http.get("frontend", "/engine-rest/task").status()).as("after the delay").isEqualTo(200);

    for (int i = 0; i < 10; i++) {
      http.get("frontend:wrong", "/engine-rest/task");
    }
    assertThat(http.post("reviewer", "/engine-rest/user/frontend/unlock", "").status()).isEqualTo(403);
    assertThat(http.post("admin", "/engine-rest/user/frontend/unlock", "").status()).isEqualTo(204);
    assertThat(http.get("frontend", "/engine-rest/task").status()).as("unlocked by the admin").isEqualTo(200);
  }

  // 10. a group member claimed a task for a user outside the group, who then completed it

  @Test
  void usersClaimTasksForThemselvesOnly() {
    ProcessInstance story = driver.startAt(Status.CODE_REVIEW.entryElementId(), Map.of());
    Task review = task(story, "Task_CodeReview");
    String path = "/engine-rest/task/" + review.getId();

    assertThat(http.post("reviewer", path + "/claim", Map.of("userId", "qa")).status()).isEqualTo(403);
    assertThat(http.post("reviewer", path + "/assignee", Map.of("userId", "qa")).status()).isEqualTo(403);
    assertThat(http.post("reviewer", path + "/delegate", Map.of("userId", "qa")).status()).isEqualTo(403);
    assertThat(http.post("reviewer", path + "/identity-links", Map.of("groupId", "qa-engineer", "type", "candidate"))
        .status()).isEqualTo(403);
    assertThat(task(story, "Task_CodeReview").getAssignee()).isNull();

    assertThat(http.post("reviewer", path + "/claim", Map.of("userId", "reviewer")).status()).isEqualTo(204);
    assertThat(http.post("admin", path + "/claim", Map.of("userId", "reviewer")).status()).isEqualTo(204);
    assertThat(task(story, "Task_CodeReview").getAssignee()).isEqualTo("reviewer");
  }

  // variables change only by completing a task, whichever door

  @Test
  void variablesChangeOnlyByCompletingATask() {
    ProcessInstance story = driver.startAt(Status.CODE_REVIEW.entryElementId(), Map.of());
    Task review = task(story, "Task_CodeReview");

    assertThat(http.put("reviewer", "/engine-rest/task/" + review.getId() + "/variables/status", value("DONE")).status())
        .isEqualTo(403);
    assertThat(http.post("po", "/engine-rest/process-instance/" + story.getId() + "/variables",
        Map.of("modifications", Map.of("status", value("DONE")))).status()).isEqualTo(403);
    assertThat(http.post("po", "/engine-rest/message", Map.of("messageName", "SprintStarted",
        "processInstanceId", story.getId(), "processVariables", Map.of("status", value("DONE")))).status())
        .isEqualTo(403);
    assertThat(driver.status(story)).isEqualTo("CODE_REVIEW");

    engine.getIdentityService().setAuthentication("reviewer", List.of("code-reviewer"));
    try {
      assertThatThrownBy(() -> engine.getTaskService().setVariable(review.getId(), "status", "DONE"))
          .isInstanceOf(StoryForbiddenException.class);
      assertThatThrownBy(() -> engine.getTaskService().complete(review.getId(), Map.of("approved", true, "status", "DONE")))
          .isInstanceOf(StoryRuleException.class).hasMessageContaining("status is not accepted");
    } finally {
      engine.getIdentityService().clearAuthentication();
    }
    assertThat(driver.status(story)).isEqualTo("CODE_REVIEW");

    assertThat(http.put("admin", "/engine-rest/process-instance/" + story.getId() + "/variables/priority",
        value("HIGH")).status()).isEqualTo(204);
  }

  private Reply complete(String user, Task task, Map<String, Object> variables) {
    return http.post(user, "/engine-rest/task/" + task.getId() + "/complete", Map.of("variables", variables));
  }

  private Task task(ProcessInstance story, String key) {
    return engine.getTaskService().createTaskQuery().processInstanceId(story.getId()).taskDefinitionKey(key)
        .singleResult();
  }

  private ProcessInstance instanceOf(String storyId) {
    return engine.getRuntimeService().createProcessInstanceQuery().processInstanceBusinessKey(storyId).singleResult();
  }

  private long countStories(String storyId) {
    return engine.getHistoryService().createHistoricProcessInstanceQuery().processInstanceBusinessKey(storyId).count();
  }

  private static Map<String, Object> storyVariables(String storyId) {
    return Map.of("storyId", value(storyId), "title", value("Reset a forgotten password"));
  }

  private static Map<String, Object> value(Object value) {
    return Map.of("value", value);
  }

  private static String newStoryId() {
    return "US-" + UUID.randomUUID().toString().substring(0, 8);
  }
}
