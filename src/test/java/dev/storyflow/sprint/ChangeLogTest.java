package dev.storyflow.sprint;

import static org.assertj.core.api.Assertions.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;

import dev.storyflow.lifecycle.StoryDriver;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.commonmark.ext.gfm.tables.TablesExtension;
import org.commonmark.parser.Parser;
import org.commonmark.renderer.html.HtmlRenderer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.ActiveProfiles;

/**
 * The sprint change log from engine history: a story walked through Code review with a rework and
 * two comments, on the engine clock, gives exactly the team's table; the sprint file parses back
 * (with Storyflow's sprint parser, on CommonMark) to the same rows as the JSON form. The zone is
 * Europe/Berlin (UTC+1 in March), so times and dates that ignored {@code storyflow.time-zone}
 * would show.
 */
@SpringBootTest(properties = "storyflow.time-zone=Europe/Berlin")
@ActiveProfiles("test")
class ChangeLogTest {

  @Autowired
  ProcessEngine engine;

  @Autowired
  SprintService sprints;

  @AfterEach
  void resetClock() {
    ClockUtil.reset();
  }

  @Test
  void aStoryWithTwoCommentsAndOneReworkGivesTheTeamsTable() {
    // given a sprint started at half past midnight in Berlin (still March 1 in UTC), and a story of it in Code review
    StoryDriver driver = new StoryDriver(engine);
    ClockUtil.setCurrentTime(Date.from(LocalDateTime.of(2026, 3, 1, 23, 30).toInstant(ZoneOffset.UTC)));
    String sprintId = "cl-" + UUID.randomUUID().toString().substring(0, 8);
    sprints.create(new SprintInput(sprintId, "Sprint 7", "Invoices out of the door", null, null), "po");
    sprints.start(sprintId);
    at(9, 2);
    ProcessInstance story = driver.startAt("Gateway_EnterCodeReview",
        Map.of("sprint", sprintId, "title", "Export invoices | as CSV"));

    // when the reviewer sends it back with a comment, a human backend engineer redoes it,
    // and the reviewer approves it with a comment
    at(9, 15);
    decide(story, "Task_CodeReview", "reviewer", "code-reviewer",
        Map.of("approved", false, "comment", "Cover negative amounts | zero\ntoo", "reworkTo", "IN_PROGRESS"));
    at(9, 40);
    driver.runStep(story, "Task_Implement");
    decide(story, "Task_BackendEngineerFallback", "backend", "backend-engineer", Map.of());
    at(10, 5);
    driver.runStep(story, "Task_Implement");
    at(10, 30);
    decide(story, "Task_CodeReview", "reviewer", "code-reviewer", Map.of("approved", true, "comment", "Looks good now"));
    assertThat(story).isWaitingAt("Task_IntegrationTest");

    // then the change log has a row per status entered and per comment, in time order
    String id = story.getBusinessKey();
    String markdown = sprints.changeLogMarkdown(sprintId);
    assertThat(markdown).isEqualTo("""
        ### %s — Export invoices | as CSV

        | Time | Type | Status | Assignee | Comment | Comment By |
        |------|------|--------|----------|---------|------------|
        | 2026-03-02 10:02 | Status Update | Code review | reviewer |  |  |
        | 2026-03-02 10:15 | Comment | Code review | reviewer | Cover negative amounts \\| zero too | reviewer |
        | 2026-03-02 10:15 | Status Update | In-progress | Backend Engineer |  |  |
        | 2026-03-02 11:05 | Status Update | Code review | reviewer |  |  |
        | 2026-03-02 11:30 | Comment | Code review | reviewer | Looks good now | reviewer |
        | 2026-03-02 11:30 | Status Update | Integration testing | QA Engineer |  |  |

        """.formatted(id));

    // and the sprint file parses back to the JSON form's rows
    String file = sprints.sprintFile(sprintId);
    SprintFile parsed = SprintFileParser.parse(file);
    ChangeLog json = sprints.changeLog(sprintId);
    assertThat(parsed.title()).isEqualTo("Sprint 7");
    assertThat(parsed.goal()).isEqualTo("Invoices out of the door");
    assertThat(parsed.startDate()).isEqualTo(java.time.LocalDate.of(2026, 3, 2));
    assertThat(parsed.changeLog()).isEqualTo(json.stories());
    assertThat(parsed.notes()).singleElement().asString()
        .startsWith("Summary so far: 0 of 1 stories done; 1 not done yet (" + id + ")");

    // and plain CommonMark renders the whole sprint file with one table of a header and six rows
    String html = HtmlRenderer.builder().extensions(List.of(TablesExtension.create())).build()
        .render(Parser.builder().extensions(List.of(TablesExtension.create())).build().parse(file));
    assertThat(html).contains("<h1>Sprint 7</h1>", "<h2>Change Log</h2>", "<h2>Sprint Notes</h2>");
    assertThat(html.split("<tr>", -1)).hasSize(1 + 1 + 6);
    assertThat(html).contains("<td>Cover negative amounts | zero too</td>");
  }

  private void decide(ProcessInstance story, String taskKey, String user, String group, Map<String, Object> decision) {
    Task task = engine.getTaskService().createTaskQuery().processInstanceId(story.getId())
        .taskDefinitionKey(taskKey).singleResult();
    engine.getIdentityService().setAuthentication(user, List.of(group));
    try {
      engine.getTaskService().claim(task.getId(), user);
      engine.getTaskService().complete(task.getId(), decision);
    } finally {
      engine.getIdentityService().clearAuthentication();
    }
    new StoryDriver(engine).passJoins(story);
  }

  private static void at(int hour, int minute) {
    ClockUtil.setCurrentTime(Date.from(LocalDateTime.of(2026, 3, 2, hour, minute).toInstant(ZoneOffset.UTC)));
  }

  @Test
  void closingASprintWithoutAnEndDateEndsItTodayInTheConfiguredZone() {
    // given a sprint without dates, started on March 2 in Berlin
    at(9, 0);
    String sprintId = "cl-" + UUID.randomUUID().toString().substring(0, 8);
    sprints.create(new SprintInput(sprintId, "Sprint 8", null, null, null), "po");
    sprints.start(sprintId);

    // when it closes at 23:30 UTC, already March 3 in Berlin
    ClockUtil.setCurrentTime(Date.from(LocalDateTime.of(2026, 3, 2, 23, 30).toInstant(ZoneOffset.UTC)));
    sprints.close(sprintId);

    // then its file says when it started and ended, in Berlin's dates
    SprintFile parsed = SprintFileParser.parse(sprints.sprintFile(sprintId));
    assertThat(parsed.startDate()).isEqualTo(java.time.LocalDate.of(2026, 3, 2));
    assertThat(parsed.endDate()).isEqualTo(java.time.LocalDate.of(2026, 3, 3));
  }
}
