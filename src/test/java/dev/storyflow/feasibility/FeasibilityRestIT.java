package dev.storyflow.feasibility;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.storyflow.HttpTestClient;
import dev.storyflow.HttpTestClient.Reply;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.HistoryService;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.ActiveProfiles;

/** {@code /api/feasibility} over real HTTP: reports without starting anything, batches, bad and huge input. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
    "spring.datasource.url=jdbc:h2:mem:storyflow-feasibility-rest;DB_CLOSE_DELAY=-1",
    "camunda.bpm.generate-unique-process-engine-name=false"})
@ActiveProfiles("test")
@DirtiesContext
class FeasibilityRestIT {

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
  void anyTeamMemberGetsTheReportAndNothingStarts() {
    // given
    Map<String, Object> story = story("LINT-1", "to export the invoices of a month as a CSV file and email them",
        List.of("The export is fast", "Each invoice is one row"));

    // when
    Reply reply = http.post("qa", "/api/feasibility", story);

    // then
    assertThat(reply.status()).isEqualTo(200);
    JsonNode report = reply.json();
    assertThat(report.path("storyId").asText()).isEqualTo("LINT-1");
    assertThat(report.path("verdict").asText()).isEqualTo("NEEDS_CLARIFICATION");
    assertThat(report.path("estimate").path("points").asInt()).isPositive();
    assertThat(report.path("estimate").path("reasons")).isNotEmpty();
    assertThat(report.path("securitySensitive").path("sensitive").asBoolean()).isFalse();
    assertThat(report.path("findings").findValuesAsText("criterion"))
        .contains("ATOMIC", "UNAMBIGUOUS", "TESTABLE_CRITERIA");
    JsonNode fast = finding(report, "TESTABLE_CRITERIA");
    assertThat(fast.path("evidence").path("field").asText()).isEqualTo("acceptanceCriteria");
    assertThat(fast.path("evidence").path("line").asInt()).isEqualTo(1);
    assertThat(fast.path("evidence").path("text").asText()).isEqualTo("fast");
    assertThat(historyService.createHistoricProcessInstanceQuery().processInstanceBusinessKey("LINT-1").count())
        .isZero();
  }

  @Test
  void clearStoryIsReady() {
    Reply reply = http.post("devops", "/api/feasibility", story("LINT-2", "to download my monthly payslip as a PDF",
        List.of("The payslips of the last 24 months are listed", "Each payslip downloads as one PDF file")));

    assertThat(reply.status()).isEqualTo(200);
    assertThat(reply.json().path("verdict").asText()).isEqualTo("READY");
    assertThat(reply.json().path("findings")).isEmpty();
  }

  @Test
  void batchReviewsEachStoryInOrderAndFindsDuplicatesWithinIt() {
    // given
    List<Map<String, Object>> stories = List.of(
        story("B-1", "to renew a borrowed book online", List.of("Renewing adds 14 days to the due date")),
        story("B-2", "to renew borrowed books online", List.of("Renewing adds 14 days to the due date")),
        story("B-3", "to reserve a book that is on loan", List.of("A reservation puts me in the queue")));

    // when
    Reply reply = http.post("reviewer", "/api/feasibility/batch", stories);

    // then
    assertThat(reply.status()).isEqualTo(200);
    assertThat(reply.json().findValuesAsText("storyId")).containsExactly("B-1", "B-2", "B-3");
    assertThat(finding(reply.json().get(0), "UNIQUE").path("message").asText()).contains("B-2");
    assertThat(finding(reply.json().get(1), "UNIQUE").path("message").asText()).contains("B-1");
    assertThat(reply.json().get(2).path("findings").findValuesAsText("criterion")).doesNotContain("UNIQUE");
  }

  @Test
  void badInputIsA400ProblemNamingTheField() {
    Map<String, Object> noTitle = story("BAD-1", "to do something", List.of("Something happens"));
    noTitle.remove("title");
    Reply single = http.post("qa", "/api/feasibility", noTitle);
    assertProblem(single, "title");

    Reply malformed = http.postRaw("qa", "/api/feasibility", "application/json", "{\"storyId\": \"X\", ");
    assertThat(malformed.status()).isEqualTo(400);
    assertThat(malformed.header("Content-Type")).startsWith("application/problem+json");

    Map<String, Object> badId = story("BAD 2", "to do something", List.of("Something happens"));
    Reply batch = http.post("qa", "/api/feasibility/batch", List.of(story("OK-1", "to do a thing", List.of()), badId));
    assertProblem(batch, "[1].storyId");

    Reply tooMany = http.post("qa", "/api/feasibility/batch",
        Collections.nCopies(FeasibilityController.MAX_BATCH + 1, story("OK-2", "to do a thing", List.of())));
    assertProblem(tooMany, "stories");
    assertProblem(http.post("qa", "/api/feasibility/batch", List.of()), "stories");
  }

  @Test
  void storyOfAHundredKilobytesIsAnalysedAndItsReportStaysBounded() {
    // given: 50 criteria of 2,000 characters, the most a story may have
    String smelly = "The report should be fast and user-friendly etc. and show the relevant figures if possible. ";
    List<String> criteria = new ArrayList<>();
    for (int i = 0; i < 50; i++) {
      criteria.add((i + ". " + smelly.repeat(25)).substring(0, 2000));
    }
    Map<String, Object> story = story("BIG-1", "to see the sales report", criteria);

    // when
    Reply reply = http.post("qa", "/api/feasibility", story);

    // then
    assertThat(reply.status()).isEqualTo(200);
    JsonNode report = reply.json();
    assertThat(report.path("findings").size())
        .isLessThanOrEqualTo(FeasibilityReport.MAX_FINDINGS_PER_CRITERION * Criterion.values().length);
    assertThat(report.path("counts").path("omittedFindings").asInt()).isPositive();
    assertThat(report.path("counts").path("warnings").asInt()).isGreaterThan(50);
    assertThat(report.path("verdict").asText()).isEqualTo("TOO_LARGE");
  }

  @Test
  void fieldsBeyondTheStoryLimitsAreRefused() {
    Map<String, Object> story = story("BIG-2", "to see the sales report", List.of("The report lists sales per day"));
    story.put("notes", "x".repeat(100_000));

    assertProblem(http.post("qa", "/api/feasibility", story), "notes");
  }

  @Test
  void credentialsAreRequired() {
    assertThat(http.post(null, "/api/feasibility", story("AUTH-1", "to do a thing", List.of())).status())
        .isEqualTo(401);
    assertThat(http.post("qa:wrong", "/api/feasibility/batch", List.of()).status()).isEqualTo(401);
  }

  private void assertProblem(Reply reply, String field) {
    assertThat(reply.status()).isEqualTo(400);
    assertThat(reply.header("Content-Type")).startsWith("application/problem+json");
    assertThat(reply.json().path("errors").findValuesAsText("field")).contains(field);
    assertThat(reply.body()).doesNotContain("Exception").doesNotContain("at dev.storyflow");
  }

  private static JsonNode finding(JsonNode report, String criterion) {
    for (JsonNode f : report.path("findings")) {
      if (criterion.equals(f.path("criterion").asText())) {
        return f;
      }
    }
    throw new AssertionError("No " + criterion + " finding in " + report);
  }

  private static Map<String, Object> story(String storyId, String iWant, List<String> criteria) {
    Map<String, Object> story = new LinkedHashMap<>();
    story.put("storyId", storyId);
    story.put("title", "A story to lint");
    story.put("asA", "office clerk");
    story.put("iWant", iWant);
    story.put("soThat", "my work gets done");
    story.put("acceptanceCriteria", criteria);
    return story;
  }
}
