package dev.storyflow.epic;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.storyflow.HttpTestClient;
import dev.storyflow.HttpTestClient.Reply;
import dev.storyflow.RestStoryWalker;
import dev.storyflow.story.StoryRegistry;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.ActiveProfiles;

/**
 * Epic files over real HTTP, as the demo users, with the job executor and the worker running:
 * import, re-import, rights, import at the file's status, bad bodies, and the export round trip.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
    "spring.datasource.url=jdbc:h2:mem:storyflow-epics;DB_CLOSE_DELAY=-1",
    "camunda.bpm.job-execution.enabled=true",
    "camunda.bpm.generate-unique-process-engine-name=false",
    "storyflow.epics.max-file-size=64KB"})
@ActiveProfiles("test")
@DirtiesContext
class EpicRestIT {

  static final String IMPORT = "/api/epics/import";
  static final String MARKDOWN = "text/markdown";

  @LocalServerPort
  int port;

  @Autowired
  StoryRegistry registry;

  HttpTestClient http;

  @BeforeEach
  void setUp() {
    http = new HttpTestClient(port);
  }

  @Test
  void productOwnerImportsAnEpicOfFiveStoriesAndImportingItAgainCreatesNothing() {
    // when
    Reply first = importEpic("po", "five-stories.md", "");

    // then every story starts in Draft, each after the stories it depends on
    assertThat(first.status()).as(first.body()).isEqualTo(201);
    assertThat(first.header("Location")).isEqualTo("/api/epics/v9.1-shared-shopping-list");
    JsonNode report = first.json();
    assertThat(report.path("epicId").asText()).isEqualTo("v9.1-shared-shopping-list");
    assertThat(texts(report.path("created"))).containsExactly("US-901", "US-902", "US-903", "US-904", "US-905");
    assertThat(report.path("skipped")).isEmpty();
    assertThat(report.path("invalid")).isEmpty();
    JsonNode story = http.get("architect", "/api/stories/US-903").json();
    assertThat(story.path("status").asText()).isEqualTo("DRAFT");
    assertThat(story.path("epic").asText()).isEqualTo("v9.1-shared-shopping-list");
    assertThat(texts(story.path("dependsOn"))).containsExactly("US-901", "US-902");
    assertThat(texts(story.path("acceptanceCriteria"))).containsExactly(
        "A ticked item moves to the end of the list", "Changes reach the other members within 5 seconds");
    assertThat(story.path("asA").asText()).isEqualTo("list member");
    assertThat(story.path("createdBy").asText()).isEqualTo("po");
    assertThat(texts(story.path("components"))).containsExactly("backend");

    // when the same file comes again
    Reply again = importEpic("po", "five-stories.md", "");

    // then nothing new starts
    assertThat(again.status()).isEqualTo(201);
    assertThat(again.json().path("created")).isEmpty();
    assertThat(texts(again.json().path("skipped")))
        .containsExactly("US-901", "US-902", "US-903", "US-904", "US-905");
    assertThat(again.json().path("invalid")).isEmpty();

    // and the epic is listed with its stories
    JsonNode epics = http.get("qa", "/api/epics").json();
    JsonNode listed = find(epics, "epicId", "v9.1-shared-shopping-list");
    assertThat(listed.path("title").asText()).isEqualTo("Shared Shopping List");
    assertThat(listed.path("version").asText()).isEqualTo("9.1");
    assertThat(listed.path("storyCount").asInt()).isEqualTo(5);
    JsonNode epic = http.get("qa", "/api/epics/v9.1-shared-shopping-list").json();
    assertThat(epic.path("asA").asText()).isEqualTo("household member");
    assertThat(epic.path("importedBy").asText()).isEqualTo("po");
    assertThat(texts(epic.path("stories"), "storyId")).containsExactly("US-901", "US-902", "US-903", "US-904", "US-905");
    assertThat(texts(epic.path("stories"), "status")).containsOnly("DRAFT");
  }

  @Test
  void onlyProductOwnersAndAdminsImport() {
    // when
    Reply architect = importEpic("architect", "backtick-ids.md", "");
    Reply anonymous = http.postRaw(null, IMPORT, MARKDOWN, EpicFiles.text("backtick-ids.md"));

    // then
    assertThat(architect.status()).isEqualTo(403);
    assertThat(architect.header("Content-Type")).startsWith("application/problem+json");
    assertThat(anonymous.status()).isEqualTo(401);
    assertThat(http.get("admin", "/api/stories/US-511").status()).isEqualTo(404);
    assertThat(http.get("admin", "/api/epics/v5.1-parcel-tracking").status()).isEqualTo(404);
  }

  @Test
  void onlyAnAdminImportsStoriesAtTheStatusTheirFileGives() {
    // when the product owner asks for it
    Reply byProductOwner = importEpic("po", "past-draft.md", "?atStatus=true");

    // then it is refused as a whole: nothing starts, no epic is kept
    assertThat(byProductOwner.status()).isEqualTo(403);
    assertThat(http.get("admin", "/api/stories/US-833").status()).isEqualTo(404);
    assertThat(http.get("admin", "/api/epics/v8.3-loyalty-points").status()).isEqualTo(404);

    // when an admin asks for it
    Reply byAdmin = importEpic("admin", "past-draft.md", "?atStatus=true");

    // then each story starts at its file's status, and the audit says who and which status
    assertThat(byAdmin.status()).as(byAdmin.body()).isEqualTo(201);
    assertThat(texts(byAdmin.json().path("created"))).containsExactly("US-831", "US-832", "US-833");
    JsonNode done = http.get("po", "/api/stories/US-831").json();
    assertThat(done.path("status").asText()).isEqualTo("DONE");
    assertThat(done.path("endedAt").isMissingNode()).isFalse();
    assertThat(registry.lockDone(List.of("US-831"))).as("stories that depend on it find it Done")
        .containsExactly("US-831");
    assertThat(http.get("po", "/api/stories/US-832").json().path("status").asText()).isEqualTo("IN_PROGRESS");
    assertThat(http.get("po", "/api/stories/US-833").json().path("status").asText()).isEqualTo("DRAFT");
    JsonNode audit = http.get("po", "/api/stories/US-832/audit").json();
    JsonNode entry = find(audit, "kind", "IMPORT_AT_STATUS");
    assertThat(entry.path("actor").asText()).isEqualTo("admin");
    assertThat(entry.path("status").asText()).isEqualTo("IN_PROGRESS");
    assertThat(entry.path("comment").asText()).contains("v8.3-loyalty-points").contains("In-progress");
    assertThat(texts(http.get("po", "/api/stories/US-833/audit").json(), "kind")).doesNotContain("IMPORT_AT_STATUS");

    // and the ids are taken: the stories are known from now on
    Reply again = importEpic("po", "past-draft.md", "");
    assertThat(again.json().path("created")).isEmpty();
    assertThat(texts(again.json().path("skipped"))).containsExactly("US-831", "US-832", "US-833");
  }

  @Test
  void aFileThatLeavesOutStoriesOfItsEpicsKeptFileIsRefusedAndTheKeptFileStays() {
    // given an epic of two stories, imported
    String kept = keptFileEpic("US-971", "US-972");
    Reply first = http.postRaw("po", IMPORT, MARKDOWN, kept);
    assertThat(first.status()).as(first.body()).isEqualTo(201);
    assertThat(texts(first.json().path("created"))).containsExactly("US-971", "US-972");

    // when another file of the same epic (same title line) names US-971 and a new story, but not US-972
    Reply refused = http.postRaw("po", IMPORT, MARKDOWN, keptFileEpic("US-971", "US-973"));

    // then it is refused, nothing starts, and the epic and its export are the kept file's
    assertThat(refused.status()).as(refused.body()).isEqualTo(409);
    assertThat(refused.header("Content-Type")).startsWith("application/problem+json");
    assertThat(texts(refused.json().path("missing"))).containsExactly("US-972");
    assertThat(http.get("admin", "/api/stories/US-973").status()).isEqualTo(404);
    JsonNode epic = http.get("po", "/api/epics/v9.7-kept-files").json();
    assertThat(texts(epic.path("stories"), "storyId")).containsExactly("US-971", "US-972");
    assertThat(send("po", "/api/epics/v9.7-kept-files/markdown", MARKDOWN).body()).isEqualTo(kept);

    // when a file names every kept story and one more, it replaces the kept file and starts the new one
    Reply grown = http.postRaw("po", IMPORT, MARKDOWN, keptFileEpic("US-971", "US-972", "US-973"));
    assertThat(grown.status()).as(grown.body()).isEqualTo(201);
    assertThat(texts(grown.json().path("created"))).containsExactly("US-973");
    assertThat(texts(http.get("po", "/api/epics/v9.7-kept-files").json().path("stories"), "storyId"))
        .containsExactly("US-971", "US-972", "US-973");
  }

  /** An epic file "v9.7 Kept Files" with a Draft story per id, none depending on another. */
  private static String keptFileEpic(String... storyIds) {
    StringBuilder file = new StringBuilder("""
        # v9.7 Epic: Kept Files

        **As a** team, \s
        **I want** to keep the epic file whole, \s
        **So that** no story is lost.

        ---

        ## User Stories

        | ID | Title | Status | Dependencies |
        |----|-------|--------|--------------|
        """);
    for (String id : storyIds) {
      file.append("| ").append(id).append(" | Story ").append(id).append(" | Draft | None |\n");
    }
    file.append("\n---\n\n## Story Details\n");
    for (String id : storyIds) {
      file.append("""

          ### %s: Story %s

          **As a** customer, \s
          **I want** story %s, \s
          **So that** it is done.

          **Acceptance Criteria:**
          - [ ] It works

          **Status:** Draft \s
          **Dependencies:** None

          ---
          """.formatted(id, id, id));
    }
    return file.toString();
  }

  @Test
  void aBrokenFileStartsOnlyItsGoodStoryAndNamesEveryMistake() {
    // when
    Reply reply = importEpic("po", "broken.md", "");

    // then
    assertThat(reply.status()).isEqualTo(201);
    assertThat(texts(reply.json().path("created"))).containsExactly("US-708");
    assertThat(texts(reply.json().path("invalid"), "storyId")).containsOnly(
        "US-701", "US-702", "US-703", "US-704", "US-705", "US-706", "US-707", "US-709");
    for (String storyId : List.of("US-701", "US-702", "US-703", "US-704", "US-705", "US-706", "US-707", "US-709")) {
      assertThat(http.get("admin", "/api/stories/" + storyId).status()).as(storyId).isEqualTo(404);
    }
    JsonNode epic = http.get("po", "/api/epics/v7.0-broken-things").json();
    assertThat(find(epic.path("stories"), "storyId", "US-701").path("status").isNull()).isTrue();
    assertThat(find(epic.path("stories"), "storyId", "US-708").path("status").asText()).isEqualTo("DRAFT");
  }

  @Test
  void bodiesThatAreNoEpicFileAreRefusedAndNothingIsKept() {
    // when
    Reply notAnEpic = http.postRaw("po", IMPORT, MARKDOWN, "# Shopping\n\n- milk\n- bread\n");
    Reply empty = http.postRaw("po", IMPORT, MARKDOWN, "");
    Reply json = http.postRaw("po", IMPORT, "application/json", "{\"title\": \"an epic\"}");
    Reply controlCharacters = http.postRaw("po", IMPORT, MARKDOWN, "# v1 Epic: Bell\u0007\n");
    Reply tooLarge = http.postRaw("po", IMPORT, MARKDOWN, "# v1 Epic: Huge\n\n" + "word ".repeat(14_000));
    Reply latin1 = sendBytes(new byte[] {'#', ' ', 'v', '1', ' ', 'E', 'p', 'i', 'c', ':', ' ', 'C', (byte) 0xE9});

    // then
    assertThat(notAnEpic.status()).isEqualTo(400);
    assertThat(notAnEpic.header("Content-Type")).startsWith("application/problem+json");
    assertThat(notAnEpic.json().path("errors").get(0).path("field").asText()).isEqualTo("body");
    assertThat(notAnEpic.json().path("detail").asText()).contains("Epic:");
    assertThat(empty.status()).isEqualTo(400);
    assertThat(json.status()).isEqualTo(415);
    assertThat(controlCharacters.status()).isEqualTo(400);
    assertThat(tooLarge.status()).isEqualTo(413);
    assertThat(tooLarge.header("Content-Type")).startsWith("application/problem+json");
    assertThat(latin1.status()).as("not UTF-8").isEqualTo(400);
    assertThat(texts(http.get("po", "/api/epics").json(), "title")).doesNotContain("Bell", "Huge", "C");
  }

  @Test
  void theOpenApiDocumentShowsTheImportTakingMarkdown() {
    // when
    JsonNode api = http.get("po", "/v3/api-docs").json();

    // then
    JsonNode importEpic = api.path("paths").path(IMPORT).path("post");
    assertThat(importEpic.path("requestBody").path("content").has(MARKDOWN)).as(importEpic.toString()).isTrue();
    assertThat(importEpic.path("parameters").findValuesAsText("name")).containsExactly("atStatus");
    assertThat(api.path("paths").has("/api/epics/{epicId}/markdown")).isTrue();
  }

  @Test
  void unknownEpicsAreNotFound() {
    // when
    Reply json = http.get("po", "/api/epics/v0-nothing");
    Reply markdown = send("po", "/api/epics/v0-nothing/markdown", MARKDOWN);

    // then
    assertThat(json.status()).isEqualTo(404);
    assertThat(json.json().path("title").asText()).isEqualTo("Epic not found");
    assertThat(markdown.status()).isEqualTo(404);
    assertThat(markdown.header("Content-Type")).startsWith("application/problem+json");
  }

  @Test
  void theExportChangesOnlyStatusesAndCheckboxesAndImportsBackToNothingNew() {
    // given the product owner imports the file; an admin imports the story under PO review at its status
    String original = EpicFiles.text("round-trip.md");
    JsonNode byProductOwner = importEpic("po", "round-trip.md", "").json();
    assertThat(texts(byProductOwner.path("created"))).containsExactly("US-911", "US-912");
    assertThat(texts(byProductOwner.path("skipped"))).containsExactly("US-913");
    JsonNode byAdmin = importEpic("admin", "round-trip.md", "?atStatus=true").json();
    assertThat(texts(byAdmin.path("created"))).containsExactly("US-913");
    assertThat(find(http.get("po", "/api/stories/US-913/audit").json(), "kind", "IMPORT_AT_STATUS")
        .path("status").asText()).isEqualTo("PO_REVIEW");

    // when the team walks two stories: US-911 through Draft into Backlog, US-913 through PO review
    RestStoryWalker walker = new RestStoryWalker(http);
    walker.walkUntilTask("US-911", "Task_PlanIntoSprint");
    walker.walkUntilTask("US-913", "Task_SecurityReview");
    Reply export = send("reviewer", "/api/epics/v9.2-recipe-box/markdown", MARKDOWN);

    // then only the Status values and the accepted story's checkboxes changed
    assertThat(export.status()).isEqualTo(200);
    assertThat(export.header("Content-Type")).startsWith(MARKDOWN);
    assertThat(EpicExportTest.changedLines(original, export.body())).containsExactly(
        "| `US-911` | Add a recipe | `Backlog` | None |",
        "| `US-913` | Cooking mode | `Security review` | None |",
        "**Status**: `Backlog`  ",
        "- [x] The screen stays on while cooking mode is open",
        "**Status**: `Security review`  ");
    JsonNode epic = http.get("po", "/api/epics/v9.2-recipe-box").json();
    assertThat(texts(epic.path("stories"), "status")).containsExactly("BACKLOG", "DRAFT", "SECURITY_REVIEW");

    // when the exported file is imported again
    Reply reimport = http.postRaw("po", IMPORT, MARKDOWN, export.body());

    // then nothing new starts, and the file comes back as it went in
    assertThat(reimport.status()).isEqualTo(201);
    assertThat(reimport.json().path("created")).isEmpty();
    assertThat(texts(reimport.json().path("skipped"))).containsExactly("US-911", "US-912", "US-913");
    assertThat(reimport.json().path("invalid")).isEmpty();
    assertThat(send("po", "/api/epics/v9.2-recipe-box/markdown", MARKDOWN).body()).isEqualTo(export.body());
  }

  private Reply importEpic(String user, String file, String query) {
    return http.postRaw(user, IMPORT + query, MARKDOWN, EpicFiles.text(file));
  }

  /** A GET with an Accept header (the test client sends none). */
  private Reply send(String user, String path, String accept) {
    return exchange(HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
        .header("Accept", accept).header("Authorization", basic(user)).GET());
  }

  /** Raw bytes as an epic file that claims to be UTF-8. */
  private Reply sendBytes(byte[] body) {
    return exchange(HttpRequest.newBuilder(URI.create("http://localhost:" + port + IMPORT))
        .header("Content-Type", MARKDOWN + "; charset=UTF-8").header("Authorization", basic("po"))
        .POST(HttpRequest.BodyPublishers.ofByteArray(body)));
  }

  private static Reply exchange(HttpRequest.Builder request) {
    try {
      HttpResponse<String> response = HttpClient.newHttpClient().send(request.build(),
          HttpResponse.BodyHandlers.ofString());
      return new Reply(response.statusCode(), response.body(), response);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  private static String basic(String user) {
    return "Basic " + Base64.getEncoder().encodeToString((user + ":demo").getBytes(StandardCharsets.UTF_8));
  }

  private static List<String> texts(JsonNode array) {
    List<String> texts = new ArrayList<>();
    array.forEach(node -> texts.add(node.asText()));
    return texts;
  }

  private static List<String> texts(JsonNode array, String field) {
    List<String> texts = new ArrayList<>();
    array.forEach(node -> texts.add(node.path(field).asText()));
    return texts;
  }

  private static JsonNode find(JsonNode array, String field, String value) {
    for (JsonNode node : array) {
      if (value.equals(node.path(field).asText())) {
        return node;
      }
    }
    throw new AssertionError("No entry with " + field + " = " + value + " in " + array);
  }
}
