package dev.storyflow.board;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.storyflow.HttpTestClient;
import dev.storyflow.HttpTestClient.Reply;
import dev.storyflow.WebappClient;
import dev.storyflow.lifecycle.Status;
import dev.storyflow.lifecycle.StoryDriver;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.Base64;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.externaltask.ExternalTask;
import org.camunda.bpm.engine.identity.User;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.ActiveProfiles;

/**
 * The board over real HTTP: each story of a sprint in the column of its status, with who owns it,
 * who claimed it, when it is due, and whether it is overdue, waits for a human, has an incident or
 * an agent at work; the burndown from the days its stories reached Done, by the engine's clock;
 * the stories in no sprint; and who may read a board.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
    "spring.datasource.url=jdbc:h2:mem:storyflow-board;DB_CLOSE_DELAY=-1",
    "camunda.bpm.generate-unique-process-engine-name=false"})
@ActiveProfiles("test")
class BoardRestIT {

  static final ObjectMapper JSON = new ObjectMapper();
  /** A Monday, 09:00 UTC (the team's time zone in tests). */
  static final Instant MONDAY = Instant.parse("2026-03-02T09:00:00Z");

  @LocalServerPort
  int port;
  @Autowired
  ProcessEngine engine;

  HttpTestClient http;
  StoryDriver driver;

  @BeforeEach
  void setUp() {
    http = new HttpTestClient(port);
    driver = new StoryDriver(engine);
  }

  @AfterEach
  void resetClock() {
    ClockUtil.reset();
  }

  @Test
  void aSprintsBoardShowsEachStoryInTheColumnOfItsStatusWithWhatItWaitsFor() {
    // given a started sprint of two weeks
    clock(MONDAY);
    String sprint = sprint("2026-03-02", "2026-03-13");
    start(sprint);
    // a story accepted on Tuesday, and one in Code review since Monday, claimed by the reviewer
    ProcessInstance done = story("Gateway_EnterUAT", sprint, 3);
    ProcessInstance codeReview = story("Gateway_EnterCodeReview", sprint, 5);
    engine.getTaskService().claim(task(codeReview).getId(), "reviewer");
    clock(MONDAY.plus(Duration.ofDays(1)));
    engine.getTaskService().complete(task(done).getId(), Map.of("approved", true));
    // on Friday: one waiting for a human backend engineer, one with an incident, one with an agent
    // at work, one in UAT claimed by the business owner
    Instant friday = MONDAY.plus(Duration.ofDays(4)).plus(Duration.ofHours(1));
    clock(friday);
    ProcessInstance waiting = story("Gateway_EnterInProgress", sprint, 8);
    driver.runStep(waiting, "Task_Implement");
    ProcessInstance incident = story("Gateway_EnterSecurityReview", sprint, 2);
    engine.getExternalTaskService().setRetries(externalTask(incident).getId(), 0);
    ProcessInstance agent = story("Gateway_EnterPlannedInSprint", sprint, 1);
    assertThat(engine.getExternalTaskService().fetchAndLock(1, "board-test")
        .topic("backend-engineer.plan", Duration.ofMinutes(10).toMillis()).businessKey(agent.getBusinessKey())
        .execute()).hasSize(1);
    ProcessInstance uat = story("Gateway_EnterUAT", sprint, 3);
    engine.getTaskService().claim(task(uat).getId(), "business");
    // and stories elsewhere: another sprint's, and one in no sprint
    story("Gateway_EnterCodeReview", sprint("2026-03-16", "2026-03-27"), 5);
    story("Gateway_EnterBacklog", null, null);

    // when a team member reads the board on Friday
    Reply reply = http.get("qa", "/api/sprints/" + sprint + "/board");

    // then the twelve statuses are columns in workflow order, each with its owner
    assertThat(reply.status()).as(reply.body()).isEqualTo(200);
    JsonNode board = reply.json();
    assertThat(board.path("sprintId").asText()).isEqualTo(sprint);
    assertThat(board.path("state").asText()).isEqualTo("STARTED");
    assertThat(board.path("pointsCommitted").asInt()).isEqualTo(22);
    assertThat(board.path("pointsDone").asInt()).isEqualTo(3);
    JsonNode columns = board.path("columns");
    assertThat(columns.findValuesAsText("status"))
        .containsExactly(Arrays.stream(Status.values()).map(Status::name).toArray(String[]::new));
    assertThat(columns.get(4).path("label").asText()).isEqualTo("Code review");
    assertThat(columns.get(4).path("ownerRole").asText()).isEqualTo("code-reviewer");
    assertThat(columns.get(4).path("ownerLabel").asText()).isEqualTo("Code reviewer");
    assertThat(columns.get(0).path("ownerRole").isNull()).isTrue();

    // and each story is the expected card in the column of its status
    Map<String, JsonNode> cards = cardsByStatus(columns);
    assertThat(cards).containsOnlyKeys("DONE", "CODE_REVIEW", "IN_PROGRESS", "SECURITY_REVIEW", "PLANNED_IN_SPRINT",
        "UAT");
    assertThat(cards.get("DONE")).isEqualTo(card(done, 3, null, null, null, false, false, false, false));
    assertThat(cards.get("CODE_REVIEW")).isEqualTo(
        card(codeReview, 5, "code-reviewer", "reviewer", due(codeReview), true, false, false, false));
    assertThat(cards.get("IN_PROGRESS")).isEqualTo(
        card(waiting, 8, "backend-engineer", null, due(waiting), false, true, false, false));
    assertThat(cards.get("SECURITY_REVIEW")).isEqualTo(
        card(incident, 2, "security-expert", null, null, false, false, true, false));
    assertThat(cards.get("PLANNED_IN_SPRINT")).isEqualTo(
        card(agent, 1, "backend-engineer", null, null, false, false, false, true));
    assertThat(cards.get("UAT")).isEqualTo(card(uat, 3, "business-owner", "business", due(uat), false, false, false,
        false));

    // when the agent's lock runs out without a word from it
    clock(friday.plus(Duration.ofMinutes(11)));

    // then no agent is at work on the story any more
    JsonNode planned = cardsByStatus(http.get("qa", "/api/sprints/" + sprint + "/board").json().path("columns"))
        .get("PLANNED_IN_SPRINT");
    assertThat(planned.path("agentRunning").asBoolean()).isFalse();
  }

  @Test
  void theBurndownCountsAStorysPointsDoneOnTheDayItReachedDone() {
    // given a sprint from Monday to Friday with 16 points: 3 done on Tuesday, 5 and 2 on Thursday
    clock(MONDAY);
    String sprint = sprint("2026-03-02", "2026-03-06");
    start(sprint);
    ProcessInstance tuesday = story("Gateway_EnterUAT", sprint, 3);
    ProcessInstance thursday = story("Gateway_EnterUAT", sprint, 5);
    ProcessInstance thursdayToo = story("Gateway_EnterUAT", sprint, 2);
    ProcessInstance unfinished = story("Gateway_EnterCodeReview", sprint, 6);
    accept(tuesday, MONDAY.plus(Duration.ofDays(1)).plus(Duration.ofHours(5)));
    accept(thursday, MONDAY.plus(Duration.ofDays(3)));
    accept(thursdayToo, MONDAY.plus(Duration.ofDays(3)).plus(Duration.ofHours(6)));

    // when the board is read on Thursday afternoon
    clock(MONDAY.plus(Duration.ofDays(3)).plus(Duration.ofHours(7)));
    JsonNode burndown = http.get("po", "/api/sprints/" + sprint + "/board").json().path("burndown");

    // then, by hand: 16 left on Monday, 13 on Tuesday and Wednesday, 6 on Thursday, Friday to come;
    // the ideal line falls by 4 a day from 16 to none on Friday
    assertThat(burndown).isEqualTo(json("""
        [{"date": "2026-03-02", "remainingPoints": 16, "idealPoints": 16.0},
         {"date": "2026-03-03", "remainingPoints": 13, "idealPoints": 12.0},
         {"date": "2026-03-04", "remainingPoints": 13, "idealPoints": 8.0},
         {"date": "2026-03-05", "remainingPoints": 6, "idealPoints": 4.0},
         {"date": "2026-03-06", "remainingPoints": null, "idealPoints": 0.0}]"""));

    // when the sprint closes on Thursday and the board is read the week after
    assertThat(http.post("po", "/api/sprints/" + sprint + "/close", Map.of()).status()).isEqualTo(200);
    clock(MONDAY.plus(Duration.ofDays(7)));

    // then the burndown ends on the day the sprint closed
    assertThat(http.get("po", "/api/sprints/" + sprint + "/board").json().path("burndown")).isEqualTo(burndown);

    // when the unfinished story is carried over into the next sprint and moves on there
    String next = sprint("2026-03-09", "2026-03-13");
    Reply carried = http.post("po", "/api/sprints/" + next + "/stories", Map.of("storyId", unfinished.getBusinessKey()));
    assertThat(carried.status()).as(carried.body()).isEqualTo(200);
    engine.getTaskService().complete(task(unfinished).getId(), Map.of("approved", true));

    // then the closed sprint's board still holds it, in the column it had reached when the sprint closed,
    // with the points committed and the same burndown
    JsonNode closed = http.get("po", "/api/sprints/" + sprint + "/board").json();
    assertThat(closed.path("pointsCommitted").asInt()).isEqualTo(16);
    assertThat(closed.path("pointsDone").asInt()).isEqualTo(10);
    assertThat(closed.path("burndown")).isEqualTo(burndown);
    assertThat(cardIds(closed.path("columns"), "CODE_REVIEW")).containsExactly(unfinished.getBusinessKey());
    assertThat(cardIds(closed.path("columns"), "DONE")).containsExactlyInAnyOrder(tuesday.getBusinessKey(),
        thursday.getBusinessKey(), thursdayToo.getBusinessKey());
    // and the next sprint's board shows it where it is now
    JsonNode now = http.get("po", "/api/sprints/" + next + "/board").json();
    assertThat(cardIds(now.path("columns"), "INTEGRATION_TESTING")).containsExactly(unfinished.getBusinessKey());
  }

  private static List<String> cardIds(JsonNode columns, String status) {
    List<String> ids = new java.util.ArrayList<>();
    for (JsonNode column : columns) {
      if (column.path("status").asText().equals(status)) {
        column.path("cards").forEach(card -> ids.add(card.path("storyId").asText()));
      }
    }
    return ids;
  }

  @Test
  void theBoardOfNoSprintShowsDraftAndBacklogStoriesNotPlannedIntoASprint() {
    // given a story in Draft, one in Backlog, and one sent back to Backlog from its sprint
    String sprint = sprint("2026-04-06", "2026-04-17");
    ProcessInstance draft = story("Gateway_EnterDraft", null, null);
    ProcessInstance backlog = story("Gateway_EnterBacklog", null, 2);
    ProcessInstance planned = story("Gateway_EnterBacklog", sprint, 3);

    // when a team member reads the board of stories in no sprint
    Reply reply = http.get("frontend", "/api/board");

    // then it has the twelve columns, the first two with the stories not planned, and no sprint
    assertThat(reply.status()).as(reply.body()).isEqualTo(200);
    JsonNode board = reply.json();
    assertThat(board.has("sprintId")).isFalse();
    assertThat(board.has("burndown")).isFalse();
    assertThat(board.path("columns")).hasSize(12);
    assertThat(board.path("columns").get(0).path("cards").findValuesAsText("storyId")).contains(draft.getBusinessKey());
    assertThat(board.path("columns").get(1).path("cards").findValuesAsText("storyId"))
        .contains(backlog.getBusinessKey()).doesNotContain(planned.getBusinessKey());
    for (int i = 2; i < 12; i++) {
      assertThat(board.path("columns").get(i).path("cards")).isEmpty();
    }
    // and the story planned into the sprint is on the sprint's board, in Backlog
    assertThat(cardsByStatus(http.get("po", "/api/sprints/" + sprint + "/board").json().path("columns"))
        .get("BACKLOG").path("storyId").asText()).isEqualTo(planned.getBusinessKey());
  }

  @Test
  void onlyTeamMembersReadBoardsAndAnUnknownSprintHasNone() {
    String outsiderId = "outsider" + UUID.randomUUID().toString().replace("-", "").substring(0, 6);
    User outsider = engine.getIdentityService().newUser(outsiderId);
    outsider.setPassword("secret");
    engine.getIdentityService().saveUser(outsider);
    String sprint = sprint("2026-05-04", "2026-05-15");

    assertThat(http.get(null, "/api/sprints/" + sprint + "/board").status()).isEqualTo(401);
    assertThat(http.get("devops:wrong", "/api/board").status()).isEqualTo(401);
    Reply forbidden = http.get(outsider.getId() + ":secret", "/api/board");
    assertThat(forbidden.status()).isEqualTo(403);
    assertThat(forbidden.header("Content-Type")).startsWith("application/problem+json");
    Reply unknown = http.get("qa", "/api/sprints/no-such-sprint/board");
    assertThat(unknown.status()).isEqualTo(404);
    assertThat(unknown.json().path("detail").asText()).isEqualTo("No sprint no-such-sprint");
    assertThat(http.get("admin", "/api/sprints/" + sprint + "/board").status()).isEqualTo(200);
  }

  @Test
  void withoutASessionBoardIsServedAndItsReadsAskForBasicCredentials() {
    String sprint = sprint("2026-05-18", "2026-05-29");

    // the page holds no data: anyone gets it, and its scripts
    Reply redirect = http.get(null, "/board?sprint=" + sprint);
    assertThat(redirect.status()).isEqualTo(302);
    assertThat(redirect.header("Location")).endsWith("/board/?sprint=" + sprint);
    Reply page = http.get(null, "/board/?sprint=" + sprint, "text/html");
    assertThat(page.status()).isEqualTo(200);
    assertThat(page.header("Content-Type")).startsWith("text/html");
    assertThat(page.body()).contains("<script type=\"module\" src=\"page.js\"></script>",
        "http-equiv=\"Content-Security-Policy\"");
    for (String script : List.of("page.js", "board.js", "story.js", "burndown.js")) {
      Reply served = http.get(null, "/board/" + script);
      assertThat(served.status()).as(script).isEqualTo(200);
      assertThat(served.header("Content-Type")).as(script).contains("javascript");
    }

    // but its reads of /api, sent as the page sends them, are challenged for HTTP Basic, so the browser asks
    for (String read : List.of("/api/board", "/api/sprints", "/api/sprints/" + sprint + "/board")) {
      Reply refused = http.get(null, read, "application/json");
      assertThat(refused.status()).as(read).isEqualTo(401);
      assertThat(refused.header("WWW-Authenticate")).as(read).startsWith("Basic ");
    }
    // and the same reads with the user and password the browser asked for are answered
    assertThat(http.get("qa", "/api/sprints/" + sprint + "/board", "application/json").status()).isEqualTo(200);
  }

  @Test
  void aWebappSessionReadsTheBoardButChangesNothing() throws Exception {
    // given the product owner logged into Cockpit, with no Basic credentials at hand
    String sprint = sprint("2026-06-01", "2026-06-12");
    WebappClient browser = WebappClient.session(port, "cockpit", "po");

    // then the session reads the board and the sprints, as Cockpit's Storyflow plugin does
    assertThat(browser.get("/api/sprints/" + sprint + "/board").status()).isEqualTo(200);
    assertThat(browser.get("/api/sprints").status()).isEqualTo(200);
    // but changes nothing: a change needs HTTP Basic, so a cookie sent by itself does no harm
    assertThat(browser.postWithoutToken("/api/sprints/" + sprint + "/start", "{}").status()).isEqualTo(401);
    assertThat(http.get("po", "/api/sprints/" + sprint).json().path("state").asText()).isEqualTo("PLANNED");

    // when the product owner logs out, the session reads nothing more
    browser.logout();
    assertThat(browser.get("/api/board").status()).isEqualTo(401);

    // and a Tasklist user's session reads boards too
    assertThat(WebappClient.session(port, "tasklist", "qa").get("/api/board").status()).isEqualTo(200);
  }

  @Test
  void aChangeThatABrowserSendsFromAnotherSiteIsRefusedEvenWithBasicCredentials() {
    String sprint = sprint("2026-07-06", "2026-07-17");

    Reply crossSite = fromSite("po", "POST", "/api/sprints/" + sprint + "/start", "cross-site");
    Reply sameSite = fromSite("po", "POST", "/engine-rest/process-definition/key/story-lifecycle/start", "same-site");
    Reply read = fromSite("po", "GET", "/api/sprints/" + sprint + "/board", "cross-site");

    assertThat(crossSite.status()).isEqualTo(403);
    assertThat(crossSite.header("Content-Type")).startsWith("application/problem+json");
    assertThat(sameSite.status()).isEqualTo(403);
    assertThat(read.status()).as("reads change nothing").isEqualTo(200);
    assertThat(http.get("po", "/api/sprints/" + sprint).json().path("state").asText()).isEqualTo("PLANNED");
    assertThat(fromSite("po", "POST", "/api/sprints/" + sprint + "/start", "same-origin").status()).isEqualTo(200);
  }

  /** Starts a story at a status's entry, in a sprint (or none), with its points (or none). */
  private ProcessInstance story(String entry, String sprint, Integer points) {
    Map<String, Object> variables = new HashMap<>();
    if (sprint != null) {
      variables.put("sprint", sprint);
    }
    if (points != null) {
      variables.put("storyPoints", points);
      variables.put("priority", "HIGH");
    }
    variables.put("title", "Story at " + entry);
    return driver.startAt(entry, variables);
  }

  private String sprint(String startDate, String endDate) {
    String sprintId = "s-" + UUID.randomUUID().toString().substring(0, 8);
    Reply created = http.post("po", "/api/sprints", Map.of("sprintId", sprintId, "name", "Sprint " + sprintId,
        "goal", "Invoices by email", "startDate", startDate, "endDate", endDate));
    assertThat(created.status()).as(created.body()).isEqualTo(201);
    return sprintId;
  }

  private void start(String sprint) {
    assertThat(http.post("po", "/api/sprints/" + sprint + "/start", Map.of()).status()).isEqualTo(200);
  }

  /** UAT accepted at the given time: the story is Done. */
  private void accept(ProcessInstance story, Instant at) {
    clock(at);
    engine.getTaskService().complete(task(story).getId(), Map.of("approved", true));
  }

  private Task task(ProcessInstance story) {
    return engine.getTaskService().createTaskQuery().processInstanceId(story.getId()).singleResult();
  }

  private ExternalTask externalTask(ProcessInstance story) {
    return engine.getExternalTaskService().createExternalTaskQuery().processInstanceId(story.getId()).singleResult();
  }

  private Instant due(ProcessInstance story) {
    return task(story).getDueDate().toInstant();
  }

  private JsonNode card(ProcessInstance story, int points, String ownerRole, String assignee, Instant due,
      boolean overdue, boolean waitingForHuman, boolean incident, boolean agentRunning) {
    ObjectNode card = JSON.createObjectNode();
    card.put("storyId", story.getBusinessKey());
    card.put("title", (String) engine.getHistoryService().createHistoricVariableInstanceQuery()
        .processInstanceId(story.getId()).variableName("title").singleResult().getValue());
    card.put("storyPoints", points);
    card.put("ownerRole", ownerRole);
    card.put("assignee", assignee);
    card.put("due", due == null ? null : due.toString());
    card.put("overdue", overdue);
    card.put("waitingForHuman", waitingForHuman);
    card.put("incident", incident);
    card.put("agentRunning", agentRunning);
    card.put("processInstanceId", story.getId());
    return card;
  }

  /** The only card of each column that has one. */
  private static Map<String, JsonNode> cardsByStatus(JsonNode columns) {
    Map<String, JsonNode> cards = new HashMap<>();
    for (JsonNode column : columns) {
      assertThat(column.path("cards").size()).as(column.path("status").asText()).isLessThanOrEqualTo(1);
      if (!column.path("cards").isEmpty()) {
        cards.put(column.path("status").asText(), column.path("cards").get(0));
      }
    }
    return cards;
  }

  /** A request as a browser sends it with Basic credentials it remembers, marked with where it came from. */
  private Reply fromSite(String user, String method, String path, String site) {
    HttpRequest request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
        .header("Authorization", "Basic " + Base64.getEncoder().encodeToString((user + ":demo").getBytes(UTF_8)))
        .header("Sec-Fetch-Site", site)
        .header("Content-Type", "application/json")
        .method(method, "GET".equals(method)
            ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString("{}"))
        .build();
    try {
      HttpResponse<String> response = HttpClient.newHttpClient().send(request, HttpResponse.BodyHandlers.ofString());
      return new Reply(response.statusCode(), response.body(), response);
    } catch (IOException | InterruptedException e) {
      throw new AssertionError(e);
    }
  }

  private static JsonNode json(String text) {
    try {
      return JSON.readTree(text);
    } catch (IOException e) {
      throw new AssertionError(e);
    }
  }

  private static void clock(Instant now) {
    ClockUtil.setCurrentTime(Date.from(now));
  }
}
