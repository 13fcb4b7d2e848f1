package dev.storyflow.sprint;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.storyflow.HttpTestClient;
import dev.storyflow.HttpTestClient.Reply;
import dev.storyflow.RestStoryWalker;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Predicate;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.ActiveProfiles;

/**
 * Sprints over real HTTP with the job executor running: the stories of an imported epic, planned
 * into a sprint, wait until it starts, then go on only when their dependencies are Done; finishing
 * a dependency releases the next; closing answers what is done and what carries over; a
 * carried-over story moves on.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
    "spring.datasource.url=jdbc:h2:mem:storyflow-sprints;DB_CLOSE_DELAY=-1",
    "camunda.bpm.job-execution.enabled=true",
    "camunda.bpm.generate-unique-process-engine-name=false"})
@ActiveProfiles("test")
@DirtiesContext
class SprintRestIT {

  @LocalServerPort
  int port;

  HttpTestClient http;
  RestStoryWalker walker;

  @BeforeEach
  void setUp() {
    http = new HttpTestClient(port);
    walker = new RestStoryWalker(http);
  }

  @Test
  void anImportedEpicWaitsForItsSprintAndItsDependenciesAndClosingSaysWhatCarriesOver() throws Exception {
    // given an epic of five stories, imported by the product owner: US-902 needs US-901, US-903
    // needs US-901 and US-902, US-905 needs US-903, US-901 and US-904 need nothing
    String epic = Files.readString(Path.of("src/test/resources/epics/five-stories.md"));
    Reply imported = http.postRaw("po", "/api/epics/import", "text/markdown", epic);
    assertThat(imported.status()).as(imported.body()).isEqualTo(201);
    List<String> stories = List.of("US-901", "US-902", "US-903", "US-904", "US-905");
    List<String> createdIds = new java.util.ArrayList<>();
    imported.json().path("created").forEach(id -> createdIds.add(id.asText()));
    assertThat(createdIds).containsExactlyInAnyOrderElementsOf(stories);

    // and a sprint they are planned into before it starts
    String sprint = "s-" + UUID.randomUUID().toString().substring(0, 6);
    Reply created = http.post("po", "/api/sprints", Map.of("sprintId", sprint, "name", "Sprint 21", "goal", "Lists"));
    assertThat(created.status()).as(created.body()).isEqualTo(201);
    assertThat(created.header("Location")).isEqualTo("/api/sprints/" + sprint);
    for (String story : stories) {
      planInto(story, sprint, 3);
    }

    // then none goes on to In-progress: each waits for the sprint
    for (String story : stories) {
      awaitWaitingFor(story, "SprintStarted");
      assertThat(status(story)).isEqualTo("PLANNED_IN_SPRINT");
    }
    JsonNode planned = http.get("qa", "/api/sprints/" + sprint).json();
    assertThat(planned.path("state").asText()).isEqualTo("PLANNED");
    assertThat(planned.path("pointsCommitted").asInt()).isEqualTo(15);
    assertThat(planned.path("stories").findValuesAsText("storyId")).containsExactlyInAnyOrderElementsOf(stories);

    // when the sprint starts
    Reply started = http.post("po", "/api/sprints/" + sprint + "/start", Map.of());
    assertThat(started.status()).as(started.body()).isEqualTo(200);
    assertThat(http.post("po", "/api/sprints/" + sprint + "/start", Map.of()).status()).isEqualTo(409);

    // then only the stories without open dependencies go on
    await("US-901", s -> s.equals("IN_PROGRESS") || s.equals("CODE_REVIEW"));
    await("US-904", s -> s.equals("IN_PROGRESS") || s.equals("CODE_REVIEW"));
    for (String waiting : List.of("US-902", "US-903", "US-905")) {
      awaitWaitingFor(waiting, "DependenciesDone");
    }

    // when US-901 is done, US-902 goes on; US-903 still waits for US-902, US-905 for US-903
    walker.walkToDone("US-901");
    await("US-902", s -> !s.equals("PLANNED_IN_SPRINT"));
    for (String waiting : List.of("US-903", "US-905")) {
      assertThat(status(waiting)).isEqualTo("PLANNED_IN_SPRINT");
      awaitWaitingFor(waiting, "DependenciesDone");
    }

    // when the sprint closes
    Reply closed = http.post("po", "/api/sprints/" + sprint + "/close", Map.of());
    assertThat(closed.status()).as(closed.body()).isEqualTo(200);
    assertThat(closed.json().path("done").findValuesAsText("storyId")).containsExactly("US-901");
    assertThat(closed.json().path("carriedOver").findValuesAsText("storyId"))
        .containsExactlyInAnyOrder("US-902", "US-903", "US-904", "US-905");
    assertThat(closed.json().path("pointsCommitted").asInt()).isEqualTo(15);
    assertThat(closed.json().path("pointsDone").asInt()).isEqualTo(3);
    assertThat(http.post("po", "/api/sprints/" + sprint + "/close", Map.of()).status()).isEqualTo(409);

    // then a story cannot be planned into the closed sprint
    String late = newStory(List.of());
    walker.walkUntilTask(late, "Task_PlanIntoSprint");
    Reply refused = completePlanning(late, sprint, 2);
    assertThat(refused.status()).isEqualTo(400);
    assertThat(refused.body()).contains("sprint must be a sprint that is not closed");

    // and a carried-over story is planned into the next sprint by the product owner
    String next = "s-" + UUID.randomUUID().toString().substring(0, 6);
    assertThat(http.post("po", "/api/sprints", Map.of("sprintId", next, "name", "Sprint 22")).status()).isEqualTo(201);
    String options = sprintOptions(late);
    assertThat(options).as("the planning form offers open sprints only").contains(next).doesNotContain(sprint);
    assertThat(http.post("qa", "/api/sprints/" + next + "/stories", Map.of("storyId", "US-905")).status())
        .isEqualTo(403);
    Reply carried = http.post("po", "/api/sprints/" + next + "/stories", Map.of("storyId", "US-905"));
    assertThat(carried.status()).as(carried.body()).isEqualTo(200);
    assertThat(http.get("po", "/api/stories/US-905").json().path("sprint").asText()).isEqualTo(next);
    assertThat(http.get("po", "/api/stories/US-905/audit").body()).contains("CARRIED_OVER");
    // and the closed sprint keeps what it held when it closed: its stories, points, change log and summary
    JsonNode old = http.get("qa", "/api/sprints/" + sprint).json();
    assertThat(old.path("stories").findValuesAsText("storyId")).containsExactlyInAnyOrderElementsOf(stories);
    assertThat(old.path("pointsCommitted").asInt()).isEqualTo(15);
    assertThat(old.path("pointsDone").asInt()).isEqualTo(3);
    assertThat(http.get("qa", "/api/sprints/" + sprint + "/changelog").body()).contains("### US-905 — ");
    assertThat(SprintFileParser.parse(http.get("qa", "/api/sprints/" + sprint + "/markdown").body()).notes())
        .singleElement().asString().startsWith("Closing summary: 1 of 5 stories done (US-901); 4 carried over "
            + "(US-902, US-903, US-904, US-905); 3 of 15 points done.");
    assertThat(http.get("qa", "/api/sprints/" + next).json().path("stories").findValuesAsText("storyId"))
        .containsExactly("US-905");
    assertThat(http.post("po", "/api/sprints/" + next + "/stories", Map.of("storyId", "US-901")).status())
        .as("a done story is not carried over").isEqualTo(404);
  }

  @Test
  void aStoryNamesASprintFromItsStartOnlyWhenTheSprintExistsAndIsNotClosed() {
    // given an open sprint and a closed one
    String open = newSprint("Sprint 30");
    String closed = newSprint("Sprint 31");
    assertThat(http.post("po", "/api/sprints/" + closed + "/close", Map.of()).status()).isEqualTo(200);

    // when stories start naming the closed sprint or one that does not exist, at either door
    String intoClosed = "US-" + UUID.randomUUID().toString().substring(0, 8);
    Reply api = http.post("po", "/api/stories", story(intoClosed, closed));
    Reply unknown = http.post("po", "/api/stories", story(intoClosed, "no-such-sprint"));
    Reply engineRest = http.post("po", "/engine-rest/process-definition/key/story-lifecycle/start",
        Map.of("businessKey", intoClosed, "variables", Map.of("title", Map.of("value", "Send reminders"),
            "asA", Map.of("value", "clerk"), "iWant", Map.of("value", "reminders"), "soThat", Map.of("value", "money"),
            "sprint", Map.of("value", closed))));

    // then each is refused on the field sprint, and nothing starts
    assertThat(api.status()).as(api.body()).isEqualTo(400);
    assertThat(api.json().path("errors").findValuesAsText("field")).containsExactly("sprint");
    assertThat(api.body()).contains("must be a sprint that is not closed");
    assertThat(unknown.status()).isEqualTo(400);
    assertThat(unknown.body()).contains("must be an existing sprint");
    assertThat(engineRest.status()).as(engineRest.body()).isEqualTo(400);
    assertThat(engineRest.json().path("message").asText()).contains("sprint must be a sprint that is not closed");
    assertThat(http.get("po", "/api/stories/" + intoClosed).status()).isEqualTo(404);
    assertThat(http.get("po", "/api/sprints/" + closed).json().path("stories")).isEmpty();

    // when a story starts naming the open sprint
    String intoOpen = "US-" + UUID.randomUUID().toString().substring(0, 8);
    Reply started = http.post("po", "/api/stories", story(intoOpen, open));

    // then it is in that sprint, and its tasks are in the sprint's Tasklist filter, which every team role reads
    assertThat(started.status()).as(started.body()).isEqualTo(201);
    assertThat(http.get("po", "/api/sprints/" + open).json().path("stories").findValuesAsText("storyId"))
        .containsExactly(intoOpen);
    JsonNode filters = http.get("qa", "/engine-rest/filter?resourceType=Task&name="
        + java.net.URLEncoder.encode("Sprint " + open + ": Sprint 30", java.nio.charset.StandardCharsets.UTF_8)).json();
    assertThat(filters).hasSize(1);
    assertThat(filters.get(0).path("properties").path("variables").findValuesAsText("name"))
        .containsExactly("storyId", "title", "status", "sprint");
    String filterId = filters.get(0).path("id").asText();
    Reply listed = http.get("architect", "/engine-rest/filter/" + filterId + "/list");
    assertThat(listed.status()).as(listed.body()).isEqualTo(200);
    assertThat(listed.json().findValuesAsText("taskDefinitionKey")).contains("Task_ArchitectReview");
    assertThat(http.get("qa", "/engine-rest/filter/" + filterId + "/list").status()).isEqualTo(200);

    // when the sprint closes, its filter is gone
    assertThat(http.post("po", "/api/sprints/" + open + "/close", Map.of()).status()).isEqualTo(200);
    assertThat(http.get("qa", "/engine-rest/filter?name=" + java.net.URLEncoder.encode("Sprint " + open + ": Sprint 30",
        java.nio.charset.StandardCharsets.UTF_8)).json()).isEmpty();
    assertThat(http.get("admin", "/engine-rest/filter/" + filterId).status()).isEqualTo(404);
  }

  @Test
  void aStoryImportedAtPlannedInSprintIsPlannedIntoASprintByTheProductOwner() {
    // given a story an admin imported at Planned in Sprint: it has no sprint and waits for one
    Reply imported = http.postRaw("admin", "/api/epics/import?atStatus=true", "text/markdown", PLANNED_EPIC);
    assertThat(imported.status()).as(imported.body()).isEqualTo(201);
    awaitWaitingFor("US-981", "SprintStarted");
    JsonNode noSprint = http.get("po", "/api/stories/US-981").json().path("sprint");
    assertThat(noSprint.isMissingNode() || noSprint.isNull()).as("no sprint: %s", noSprint).isTrue();
    // and a Draft story in no sprint
    String draft = newStory(List.of());

    // when the product owner plans the waiting story into a started sprint
    String sprint = newSprint("Sprint 32");
    assertThat(http.post("po", "/api/sprints/" + sprint + "/start", Map.of()).status()).isEqualTo(200);
    Reply planned = http.post("po", "/api/sprints/" + sprint + "/stories", Map.of("storyId", "US-981"));

    // then it is in the sprint, goes on, and the audit says who planned it
    assertThat(planned.status()).as(planned.body()).isEqualTo(200);
    assertThat(planned.json().path("stories").findValuesAsText("storyId")).containsExactly("US-981");
    await("US-981", s -> !s.equals("PLANNED_IN_SPRINT"));
    JsonNode audit = http.get("po", "/api/stories/US-981/audit").json();
    assertThat(audit.findValuesAsText("comment")).anyMatch(c -> c.contains("without a sprint"));
    // and a story that waits for no sprint is still planned in Tasklist, not here
    Reply refused = http.post("po", "/api/sprints/" + sprint + "/stories", Map.of("storyId", draft));
    assertThat(refused.status()).isEqualTo(409);
    assertThat(refused.body()).contains("is in no sprint");
  }

  @Test
  void theChangeLogComesAsMarkdownAndAsTheSameJson() {
    String sprint = "s-" + UUID.randomUUID().toString().substring(0, 6);
    http.post("po", "/api/sprints", Map.of("sprintId", sprint, "name", "Sprint 23"));
    http.post("po", "/api/sprints/" + sprint + "/start", Map.of());
    String story = newStory(List.of());
    planInto(story, sprint, 5);
    await(story, s -> s.equals("IN_PROGRESS") || s.equals("CODE_REVIEW"));

    Reply markdown = http.get("architect", "/api/sprints/" + sprint + "/changelog");
    Reply json = http.get("architect", "/api/sprints/" + sprint + "/changelog", "application/json");
    Reply file = http.get("architect", "/api/sprints/" + sprint + "/markdown");

    assertThat(markdown.status()).isEqualTo(200);
    assertThat(markdown.header("Content-Type")).startsWith("text/markdown");
    assertThat(markdown.body()).contains("### " + story + " — ").contains("| Status Update | Planned in Sprint | Backend Engineer |");
    assertThat(json.header("Content-Type")).startsWith("application/json");
    SprintFile parsed = SprintFileParser.parse(file.body());
    assertThat(parsed.title()).isEqualTo("Sprint 23");
    assertThat(parsed.changeLog()).hasSize(1);
    JsonNode rows = json.json().path("stories").get(0).path("rows");
    assertThat(parsed.changeLog().get(0).rows()).hasSize(rows.size());
    for (int i = 0; i < rows.size(); i++) {
      assertThat(parsed.changeLog().get(0).rows().get(i).status()).isEqualTo(rows.get(i).path("status").asText());
      assertThat(parsed.changeLog().get(0).rows().get(i).time()).isEqualTo(rows.get(i).path("time").asText());
    }
  }

  @Test
  void badSprintRequestsAre4xx() {
    assertThat(http.post("architect", "/api/sprints", Map.of("sprintId", "s-x", "name", "X")).status()).isEqualTo(403);
    assertThat(http.post("po", "/api/sprints", Map.of("sprintId", "a..b", "name", "X")).status()).isEqualTo(400);
    assertThat(http.post("po", "/api/sprints", Map.of("sprintId", "s-y")).status()).isEqualTo(400);
    assertThat(http.post("po", "/api/sprints", Map.of("sprintId", "s-z", "name", "Z", "startDate", "2026-03-10",
        "endDate", "2026-03-01")).body()).contains("endDate");
    assertThat(http.post("po", "/api/sprints", Map.of("sprintId", "s-w", "name", "W", "extra", 1)).status()).isEqualTo(400);
    assertThat(http.get("po", "/api/sprints/nope").status()).isEqualTo(404);
    assertThat(http.post("po", "/api/sprints/nope/start", Map.of()).status()).isEqualTo(404);
    assertThat(http.get("po", "/api/sprints/nope/changelog").status()).isEqualTo(404);
    String id = "s-" + UUID.randomUUID().toString().substring(0, 6);
    assertThat(http.post("po", "/api/sprints", Map.of("sprintId", id, "name", "Dup")).status()).isEqualTo(201);
    assertThat(http.post("po", "/api/sprints", Map.of("sprintId", id, "name", "Dup")).status()).isEqualTo(409);
  }

  /** An epic of one story whose file says it is Planned in Sprint. */
  private static final String PLANNED_EPIC = """
      # v9.8 Epic: Waiting Stories

      **As a** team, \s
      **I want** stories that wait for a sprint, \s
      **So that** planning goes on.

      ---

      ## User Stories

      | ID | Title | Status | Dependencies |
      |----|-------|--------|--------------|
      | US-981 | Print a receipt | Planned in Sprint | None |

      ---

      ## Story Details

      ### US-981: Print a receipt

      **As a** customer, \s
      **I want** a printed receipt, \s
      **So that** I can file it.

      **Acceptance Criteria:**
      - [ ] The receipt shows the total

      **Status:** Planned in Sprint \s
      **Dependencies:** None
      """;

  private String newSprint(String name) {
    String sprintId = "s-" + UUID.randomUUID().toString().substring(0, 6);
    Reply created = http.post("po", "/api/sprints", Map.of("sprintId", sprintId, "name", name));
    assertThat(created.status()).as(created.body()).isEqualTo(201);
    return sprintId;
  }

  private static Map<String, Object> story(String storyId, String sprint) {
    Map<String, Object> story = new LinkedHashMap<>();
    story.put("storyId", storyId);
    story.put("title", "Remind " + storyId);
    story.put("asA", "billing clerk");
    story.put("iWant", "reminders for " + storyId);
    story.put("soThat", "customers pay on time");
    story.put("sprint", sprint);
    return story;
  }

  /** The sprint options the planning form of the story's Plan-into-sprint task offers, as Tasklist reads them. */
  private String sprintOptions(String storyId) {
    JsonNode task = http.get("po", "/engine-rest/task?processInstanceBusinessKey=" + storyId
        + "&taskDefinitionKey=Task_PlanIntoSprint").json().get(0);
    Reply form = http.get("po", "/engine-rest/task/" + task.path("id").asText() + "/form-variables");
    assertThat(form.status()).as(form.body()).isEqualTo(200);
    return form.json().path("sprintOptions").path("value").asText();
  }

  private String newStory(List<String> dependsOn) {
    String storyId = "US-" + UUID.randomUUID().toString().substring(0, 8);
    Map<String, Object> story = new LinkedHashMap<>();
    story.put("storyId", storyId);
    story.put("title", "Send invoice " + storyId);
    story.put("asA", "billing clerk");
    story.put("iWant", "to send invoice " + storyId + " by email");
    story.put("soThat", "customers pay on time");
    story.put("acceptanceCriteria", List.of("The invoice PDF is attached", "The send date is recorded"));
    story.put("dependsOn", dependsOn);
    Reply reply = http.post("po", "/api/stories", story);
    assertThat(reply.status()).as(reply.body()).isEqualTo(201);
    return storyId;
  }

  private void planInto(String storyId, String sprint, int points) {
    walker.walkUntilTask(storyId, "Task_PlanIntoSprint");
    Reply reply = completePlanning(storyId, sprint, points);
    assertThat(reply.status()).as(reply.body()).isEqualTo(204);
  }

  private Reply completePlanning(String storyId, String sprint, int points) {
    JsonNode task = http.get("po", "/engine-rest/task?processInstanceBusinessKey=" + storyId
        + "&taskDefinitionKey=Task_PlanIntoSprint").json().get(0);
    return http.post("po", "/engine-rest/task/" + task.path("id").asText() + "/complete", Map.of("variables", Map.of(
        "priority", Map.of("value", "HIGH"), "storyPoints", Map.of("value", points, "type", "Integer"),
        "sprint", Map.of("value", sprint))));
  }

  private String status(String storyId) {
    return http.get("po", "/api/stories/" + storyId).json().path("status").asText();
  }

  private void await(String storyId, Predicate<String> status) {
    Instant deadline = Instant.now().plus(Duration.ofSeconds(60));
    String now = status(storyId);
    while (!status.test(now) && Instant.now().isBefore(deadline)) {
      pause();
      now = status(storyId);
    }
    assertThat(status.test(now)).as("%s is %s", storyId, now).isTrue();
  }

  /** Waits until the story has a subscription for the message (it waits at that event). */
  private void awaitWaitingFor(String storyId, String message) {
    Instant deadline = Instant.now().plus(Duration.ofSeconds(60));
    while (Instant.now().isBefore(deadline)) {
      JsonNode instances = http.get("admin", "/engine-rest/process-instance?businessKey=" + storyId).json();
      if (!instances.isEmpty()) {
        JsonNode subscriptions = http.get("admin", "/engine-rest/event-subscription?eventName=" + message
            + "&processInstanceId=" + instances.get(0).path("id").asText()).json();
        if (!subscriptions.isEmpty()) {
          return;
        }
      }
      pause();
    }
    throw new AssertionError(storyId + " does not wait for " + message);
  }

  private static void pause() {
    try {
      Thread.sleep(200);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
