package dev.storyflow.feasibility;

import static dev.storyflow.lifecycle.StoryDriver.approve;
import static org.assertj.core.api.Assertions.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;

import dev.storyflow.lifecycle.Status;
import dev.storyflow.lifecycle.StoryDriver;
import dev.storyflow.lifecycle.StoryProcess;
import dev.storyflow.story.StoryInput;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.spin.json.SpinJsonNode;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.ActiveProfiles;

/**
 * The running stories' index on the real engine (H2, a database of its own): written when a story
 * starts, replaced when it is revised, removed however its process ends; the duplicate search
 * finds running stories through it and never a finished one, and finds what the search over the
 * same stories in memory finds. And the review's verdict, from the latest deployed table, without
 * decision history.
 */
@SpringBootTest(properties = "spring.datasource.url=jdbc:h2:mem:storyflow-story-index;DB_CLOSE_DELAY=-1")
@ActiveProfiles("test")
class StoryIndexIT {

  @Autowired
  ProcessEngine engine;

  @Autowired
  JdbcTemplate jdbc;

  @Autowired
  FeasibilityReviewer reviewer;

  @Autowired
  StoryIndexHooks hooks;

  @Autowired
  StoryIndex index;

  StoryDriver driver;
  StoryIndexRows rows;

  @BeforeEach
  void setUp() {
    driver = new StoryDriver(engine);
    rows = new StoryIndexRows(jdbc);
  }

  @AfterEach
  void endEveryStory() {
    engine.getRuntimeService().createProcessInstanceQuery().processDefinitionKey(StoryProcess.KEY).list()
        .forEach(story -> engine.getRuntimeService().deleteProcessInstance(story.getId(), "test over", true));
    assertThat(rows.stories()).isZero();
  }

  @Test
  void aStoryIsIndexedWhenItStartsWhereverItStarts() {
    // when a story starts in Draft, with its id as the business key only
    ProcessInstance story = engine.getRuntimeService().startProcessInstanceByKey(StoryProcess.KEY, "IX-1",
        Map.of("title", "  Export the ledger  ", "asA", "bookkeeper", "iWant", "to export the ledger as CSV",
            "soThat", "I can file taxes"));

    // then the index holds its statement as the intake stored it
    assertThat(rows.statement(story.getId())).containsEntry("STORY_ID", "IX-1")
        .containsEntry("TITLE", "export ledger")
        .containsEntry("TEXT", "to export the ledger as CSV so that I can file taxes");
    assertThat(rows.words(story.getId())).containsExactly("csv", "export", "file", "ledger", "taxe");

    // and a story imported at a later status, which no intake sees, is indexed too
    ProcessInstance later = driver.startAt(Status.BACKLOG.entryElementId(), Map.of("iWant", "to print the ledger"));
    assertThat(rows.words(later.getId())).containsExactly("ledger", "log", "print");
  }

  @Test
  void aRevisedStatementReplacesTheOldOne() {
    // given a story sent back for revision
    ProcessInstance story = toRevision(driver.start("backend"));
    assertThat(rows.words(story.getId())).contains("password", "reset");

    // when the product owner revises its statement
    driver.completeTask(story, "Task_ReviseStory", Map.of("withdraw", false, "title", "Unlock an account",
        "iWant", "to unlock my account with a code by SMS", "soThat", "  I can log in again"));

    // then the index holds the new statement, and nothing of the old one
    assertThat(rows.statement(story.getId())).containsEntry("TITLE", "account unlock")
        .containsEntry("TEXT", "to unlock my account with a code by SMS so that I can log in again");
    assertThat(rows.words(story.getId())).containsExactly("account", "code", "log", "sms", "unlock");
  }

  @Test
  void aStoryLeavesTheIndexHoweverItsProcessEnds() {
    // given stories about to end in each way
    ProcessInstance withdrawn = toRevision(driver.start("backend"));
    ProcessInstance done = driver.startAt(Status.UAT.entryElementId(), Map.of());
    ProcessInstance deleted = driver.start("backend");
    ProcessInstance running = driver.start("backend");
    assertThat(rows.stories()).isEqualTo(4);

    // when one is withdrawn, one accepted in UAT, one deleted by an admin skipping custom listeners
    driver.completeTask(withdrawn, "Task_ReviseStory", Map.of("withdraw", true, "comment", "Covered elsewhere"));
    driver.completeTask(done, "Task_UAT", approve());
    engine.getRuntimeService().deleteProcessInstance(deleted.getId(), "cancelled", true);

    // then only the running story is left
    assertThat(withdrawn).isEnded();
    assertThat(done).isEnded();
    assertThat(rows.stories()).isEqualTo(1);
    assertThat(rows.words(running.getId())).isNotEmpty();
    assertThat(rows.words(withdrawn.getId())).isEmpty();
    assertThat(rows.words(done.getId())).isEmpty();
    assertThat(rows.words(deleted.getId())).isEmpty();
  }

  @Test
  void aDuplicateOfARunningStoryIsFoundAndOfAFinishedOneNot() {
    // given a story that ended and one that runs, both asking for the same
    ProcessInstance finished = start("IX-OLD", tideTable());
    engine.getRuntimeService().deleteProcessInstance(finished.getId(), "withdrawn by an admin", true);
    ProcessInstance first = start("IX-FIRST", tideTable());

    // when a third one asks for it again and the feasibility step reviews it
    ProcessInstance again = start("IX-AGAIN", tideTable());
    SpinJsonNode report = reviewFeasibility(again);

    // then it duplicates the running story, not the finished one
    List<String> duplicates = report.prop("findings").elements().stream()
        .filter(f -> f.prop("criterion").stringValue().equals("UNIQUE"))
        .map(f -> f.prop("evidence").prop("text").stringValue()).toList();
    assertThat(duplicates).singleElement().asString().startsWith(first.getBusinessKey() + ":");
    assertThat(report.prop("counts").prop("comparedWith").numberValue().intValue()).isEqualTo(1);
  }

  @Test
  void aRowLeftBehindIsNeverReportedAndStartUpSetsTheIndexRight() {
    // given the rows of a story whose process is gone, and a running story the index lacks
    ProcessInstance running = start("IX-RUN", tideTable());
    index.add("no-such-instance", ContentWords.of(StoryText.of(story("IX-GHOST", tideTable()))));
    ProcessInstance unindexed = start("IX-LOST", Map.of("title", "Rate a ferry crossing", "asA", "passenger",
        "iWant", "to rate my ferry crossing", "soThat", "the line learns what disappoints"));
    index.remove(unindexed.getId());

    // when a story like the ghost is reviewed
    List<String> found = uniqueIds(reviewer.reviewRunning(story("IX-NEW", tideTable()), null));

    // then only the running story is reported
    assertThat(found).containsExactly("IX-RUN");

    // and when a node starts, the ghost goes and the lost story is indexed
    hooks.postProcessEngineBuild(engine);
    assertThat(rows.words("no-such-instance")).isEmpty();
    assertThat(rows.words(unindexed.getId())).containsExactly("cross", "disappoint", "ferry", "learn", "line", "rate");
    assertThat(rows.statement(unindexed.getId())).containsEntry("STORY_ID", "IX-LOST");
    assertThat(rows.words(running.getId())).isNotEmpty();
  }

  @Test
  void storiesOfABatchAreComparedWithEachOtherAndWithTheRunningStories() {
    // given a running story
    start("IX-RUNNING", tideTable());

    // when a batch holds a story like it, and two stories like each other
    Map<String, Object> ferry = Map.of("title", "Rate a ferry crossing", "asA", "passenger",
        "iWant", "to rate my ferry crossing with stars", "soThat", "the line learns what disappoints");
    List<Map<String, Object>> reports = reviewer.reviewDrafts(List.of(story("IX-B1", tideTable()),
        story("IX-B2", ferry), story("IX-B3", ferry)));

    // then each is told of its twin
    assertThat(uniqueIds(reports.get(0))).containsExactly("IX-RUNNING");
    assertThat(uniqueIds(reports.get(1))).containsExactly("IX-B3");
    assertThat(uniqueIds(reports.get(2))).containsExactly("IX-B2");
  }

  @Test
  void theIndexFindsWhatTheStoriesInMemoryFind() {
    // given a real backlog running
    List<StoryInput> backlog = PublicStorySet.load().stream().filter(s -> s.backlog().equals("g09"))
        .map(PublicStorySet.Labelled::story).toList();
    Map<String, String> instances = new HashMap<>();
    for (StoryInput story : backlog) {
      instances.put(story.storyId(), start(story.storyId(), Map.of("title", story.title())).getId());
    }

    // when each story is reviewed against the others, through the index and in memory
    UniquenessCheck check = new UniquenessCheck();
    int found = 0;
    for (StoryInput story : backlog) {
      List<String> indexed = unique(reviewer.reviewRunning(story, instances.get(story.storyId())));
      List<StoryText> others = backlog.stream().filter(s -> s != story).map(StoryText::of).toList();
      List<String> inMemory = check.check(StoryText.of(story), StoryCorpus.of(others)).stream()
          .map(f -> f.message() + " | " + f.evidence().text()).toList();

      // then both find the same
      assertThat(indexed).as(story.storyId()).isEqualTo(inMemory);
      found += indexed.size();
    }
    assertThat(found).isPositive();
  }

  @Test
  void theLatestVerdictTableCountsAtOnceAndItsEvaluationsWriteNoHistory() throws Exception {
    // given a story's verdict from the table as shipped
    StoryInput story = story("IX-V1", tideTable());
    Object shipped = reviewer.reviewDrafts(List.of(story)).get(0).get("verdict");
    assertThat(shipped).isNotEqualTo("TOO_LARGE");
    long evaluations = engine.getHistoryService().createHistoricDecisionInstanceQuery()
        .decisionDefinitionKey(VerdictTable.DECISION_KEY).count();

    // when a version that finds every story too large is deployed, and then taken away
    String dmn;
    try (InputStream in = getClass().getResourceAsStream("/feasibility-verdict.dmn")) {
      dmn = new String(in.readAllBytes(), StandardCharsets.UTF_8).replace("<text>\"READY\"</text>",
          "<text>\"TOO_LARGE\"</text>").replace("<text>\"NEEDS_CLARIFICATION\"</text>", "<text>\"TOO_LARGE\"</text>");
    }
    String deployment = engine.getRepositoryService().createDeployment()
        .addString("feasibility-verdict.dmn", dmn).deploy().getId();
    Object changed = reviewer.reviewDrafts(List.of(story)).get(0).get("verdict");
    engine.getRepositoryService().deleteDeployment(deployment, true);
    Object restored = reviewer.reviewDrafts(List.of(story)).get(0).get("verdict");

    // then each review took the version deployed at that moment, and no evaluation was written to history
    assertThat(changed).isEqualTo("TOO_LARGE");
    assertThat(restored).isEqualTo(shipped);
    assertThat(engine.getHistoryService().createHistoricDecisionInstanceQuery()
        .decisionDefinitionKey(VerdictTable.DECISION_KEY).count()).isEqualTo(evaluations);
  }

  private ProcessInstance toRevision(ProcessInstance story) {
    driver.completeTask(story, "Task_ArchitectReview", approve());
    driver.completeTask(story, "Task_SecurityEarlyReview", approve());
    driver.feasibilityReview(story);
    driver.completeTask(story, "Task_ApproveDraft", Map.of("approved", false, "comment", "Say why"));
    return story;
  }

  private SpinJsonNode reviewFeasibility(ProcessInstance story) {
    driver.completeTask(story, "Task_ArchitectReview", approve());
    driver.completeTask(story, "Task_SecurityEarlyReview", approve());
    driver.feasibilityReview(story);
    return (SpinJsonNode) engine.getRuntimeService().getVariable(story.getId(), "feasibility");
  }

  private ProcessInstance start(String storyId, Map<String, Object> text) {
    Map<String, Object> variables = new HashMap<>(text);
    variables.put("storyId", storyId);
    variables.put("components", "backend");
    return engine.getRuntimeService().startProcessInstanceByKey(StoryProcess.KEY, storyId, variables);
  }

  private static Map<String, Object> tideTable() {
    return Map.of("title", "Download a tide table", "asA", "sailor",
        "iWant", "to download the tide table of my home harbour for a month", "soThat", "I can plan trips offline");
  }

  private static StoryInput story(String storyId, Map<String, Object> text) {
    return new StoryInput(storyId, (String) text.get("title"), (String) text.get("asA"), (String) text.get("iWant"),
        (String) text.get("soThat"), List.of("The table lists high and low water per day"), null, null, null, null,
        null, null, null, null, null);
  }

  /** The report's UNIQUE findings: message and evidence. */
  @SuppressWarnings("unchecked")
  private static List<String> unique(Map<String, Object> report) {
    return ((List<Map<String, Object>>) report.get("findings")).stream()
        .filter(f -> Criterion.UNIQUE.name().equals(f.get("criterion")))
        .map(f -> f.get("message") + " | " + ((Map<String, Object>) f.get("evidence")).get("text")).toList();
  }

  /** The ids of the stories the report finds it duplicates. */
  private static List<String> uniqueIds(Map<String, Object> report) {
    return unique(report).stream().map(f -> f.substring(f.indexOf(" | ") + 3, f.indexOf(':', f.indexOf(" | "))))
        .toList();
  }
}
