package dev.storyflow.board;

import static org.assertj.core.api.Assertions.assertThat;

import dev.storyflow.HttpTestClient;
import dev.storyflow.WebappBrowser;
import dev.storyflow.lifecycle.StoryDriver;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Date;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.logging.Level;
import java.util.stream.Collectors;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.logging.LogEntry;
import org.openqa.selenium.logging.LogType;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.ActiveProfiles;

/**
 * The board as people see it, in headless Chromium: the product owner opens Cockpit's Storyflow
 * plugin, finds every story of the sprint in the column of its status, the overdue one marked, and
 * opens a story's process instance from its card; a QA engineer, who has no Cockpit, reads the
 * same board at {@code /board} with the keyboard and at a phone's width. Every control has an
 * accessible name and the browser logs no error. Needs Debian's {@code chromium} and
 * {@code chromium-driver} (installed by {@code .ci/run}); screenshots go to {@code target/board/}.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
    "spring.datasource.url=jdbc:h2:mem:storyflow-board-browser;DB_CLOSE_DELAY=-1",
    "camunda.bpm.generate-unique-process-engine-name=false"})
@ActiveProfiles("test")
class BoardBrowserIT {

  static final Path SCREENSHOTS = Path.of("target", "board");
  /** What a user can focus or operate. */
  static final List<String> CONTROLS = List.of("a[href]", "button", "select", "input", "textarea", "[tabindex]");

  @LocalServerPort
  int port;
  @Autowired
  ProcessEngine engine;

  StoryDriver driver;
  /** The stories of the sprint, by the status each is in. */
  Map<String, ProcessInstance> stories;
  WebappBrowser webapp;
  WebDriver browser;
  WebDriverWait wait;

  @BeforeEach
  void startBrowser() throws Exception {
    driver = new StoryDriver(engine);
    webapp = WebappBrowser.open(port, 1280, 800);
    browser = webapp.driver();
    wait = webapp.waiting();
  }

  @AfterEach
  void stopBrowser() {
    ClockUtil.reset();
    if (webapp != null) {
      webapp.close();
    }
  }

  @Test
  void theProductOwnerFollowsTheSprintInCockpitAndOpensAStorysInstance() throws Exception {
    // given a sprint of six stories, one in each of six statuses
    String sprint = sprintOfSixStories();

    try {
      // when the product owner logs into Cockpit and opens the Storyflow plugin from the header
      login("cockpit", "po");
      // (Cockpit's dashboard lists the open sprints, each a link to its board)
      wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector(
          ".sf-dashboard a[href='#/storyflow?sprint=" + sprint + "']")));
      wait.until(ExpectedConditions.elementToBeClickable(By.linkText("Storyflow"))).click();
      new Select(wait.until(ExpectedConditions.elementToBeClickable(By.cssSelector(".sf-board__select"))))
          .selectByValue(sprint);

      // then the twelve statuses are columns and each story is a card in the column of its status
      wait.until(d -> d.findElements(By.cssSelector(".sf-column")).size() == 12
          && d.findElements(By.cssSelector(".sf-card")).size() == 6);
      assertThat(browser.findElements(By.cssSelector(".sf-column h3"))).extracting(WebElement::getText)
          .map(text -> text.replaceAll("\\s+\\d.*$", ""))
          .containsExactly("Draft", "Backlog", "Planned in Sprint", "In-progress", "Code review", "Integration testing",
              "E2E Testing", "PO review", "Security review", "Configuring DevOps", "UAT", "Done");
      stories.forEach((status, story) -> assertThat(browser.findElements(By.cssSelector(
          ".sf-column[data-status='" + status + "'] .sf-card[data-story-id='" + story.getBusinessKey() + "']")))
          .as("%s in %s", story.getBusinessKey(), status).hasSize(1));

      // and the overdue card is marked, and so are those waiting for a human, with an incident, with an agent
      assertThat(browser.findElements(By.cssSelector(".sf-card--overdue")))
          .extracting(e -> e.getDomAttribute("data-story-id")).containsExactly(stories.get("CODE_REVIEW").getBusinessKey());
      assertThat(card(stories.get("CODE_REVIEW")).getText()).contains("Overdue", "Claimed by reviewer");
      assertThat(card(stories.get("IN_PROGRESS")).getText()).contains("Waits for a human");
      assertThat(card(stories.get("SECURITY_REVIEW")).getText()).contains("Incident");
      assertThat(card(stories.get("PLANNED_IN_SPRINT")).getText()).contains("Agent at work");
      // beside the burndown, drawn as SVG
      assertThat(browser.findElement(By.cssSelector("svg.sf-burndown[role=img]")).getAccessibleName())
          .startsWith("Burndown of Sprint");
      assertThat(browser.findElements(By.cssSelector("svg.sf-burndown .sf-burndown__point"))).hasSize(5);
      everyControlHasAnAccessibleName(".sf-board");
      screenshot("board-cockpit");
      assertNoConsoleErrors();

      // when the product owner clicks the overdue story's card
      ProcessInstance overdue = stories.get("CODE_REVIEW");
      card(overdue).click();

      // then Cockpit shows the story's process instance
      wait.until(ExpectedConditions.urlContains("#/process-instance/" + overdue.getId() + "/runtime"));
      wait.until(d -> d.findElement(By.tagName("body")).getText().contains(overdue.getBusinessKey()));
      assertNoConsoleErrors();
    } catch (RuntimeException | AssertionError e) {
      failed("board-cockpit");
      throw e;
    }
  }

  @Test
  void aTeamMemberWithoutCockpitReadsTheSameBoardAtBoardByKeyboardAndOnAPhone() throws Exception {
    // given the sprint, and the QA engineer logged into Tasklist (QA has no Cockpit)
    String sprint = sprintOfSixStories();
    try {
      login("tasklist", "qa");

      // when the QA engineer opens /board for the sprint
      browser.get(webapp.base() + "/board?sprint=" + sprint);

      // then the board shows the six stories, read with the Tasklist session
      wait.until(d -> d.findElements(By.cssSelector(".sf-card")).size() == 6);
      assertThat(browser.findElements(By.cssSelector(".sf-column"))).hasSize(12);
      everyControlHasAnAccessibleName(".sf-board");
      screenshot("board-page");

      // when the QA engineer moves with the arrow keys from the planned story to the next status's story
      WebElement planned = card(stories.get("PLANNED_IN_SPRINT"));
      webapp.script("arguments[0].focus();", planned);
      browser.switchTo().activeElement().sendKeys(Keys.ARROW_RIGHT);

      // then the In-progress story has the focus, and Enter opens it in a dialog that Escape closes
      assertThat(browser.switchTo().activeElement().getDomAttribute("data-story-id"))
          .isEqualTo(stories.get("IN_PROGRESS").getBusinessKey());
      browser.switchTo().activeElement().sendKeys(Keys.ENTER);
      WebElement dialog = wait.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector("dialog.sf-dialog")));
      wait.until(d -> dialog.getText().contains("Do the step by hand"));
      everyControlHasAnAccessibleName(".sf-dialog");
      browser.switchTo().activeElement().sendKeys(Keys.ESCAPE);
      wait.until(ExpectedConditions.numberOfElementsToBe(By.cssSelector("dialog.sf-dialog"), 0));

      // and at a phone's width the board fits the screen: no sideways scrolling
      browser.manage().window().setSize(new Dimension(390, 844));
      wait.until(d -> ((Number) webapp.script("return window.innerWidth;")).intValue() <= 400);
      assertThat(((Number) webapp.script("return document.documentElement.scrollWidth - window.innerWidth;")).intValue())
          .isLessThanOrEqualTo(0);
      screenshot("board-phone");
      assertNoConsoleErrors();
    } catch (RuntimeException | AssertionError e) {
      failed("board-page");
      throw e;
    }
  }

  /**
   * A sprint that started four days ago and ends in five, with six stories: one done three days
   * ago, one in UAT claimed by the business owner, one in Code review for five days (overdue),
   * one waiting for a human backend engineer, one with an incident, one with an agent at work.
   */
  private String sprintOfSixStories() {
    HttpTestClient http = new HttpTestClient(port);
    Instant now = Instant.now();
    LocalDate today = LocalDate.ofInstant(now, ZoneOffset.UTC);
    String sprint = "sprint-" + UUID.randomUUID().toString().substring(0, 6);
    assertThat(http.post("po", "/api/sprints", Map.of("sprintId", sprint, "name", "Sprint 14", "goal",
        "Customers get their invoices and statements without calling us", "startDate", today.minusDays(4).toString(),
        "endDate", today.plusDays(5).toString())).status()).isEqualTo(201);
    assertThat(http.post("po", "/api/sprints/" + sprint + "/start", Map.of()).status()).isEqualTo(200);
    ProcessInstance codeReview;
    ProcessInstance done;
    try {
      ClockUtil.setCurrentTime(Date.from(now.minus(Duration.ofDays(5))));
      codeReview = story("Gateway_EnterCodeReview", sprint, 5, "Remind customers before the due date");
      engine.getTaskService().claim(task(codeReview).getId(), "reviewer");
      ClockUtil.setCurrentTime(Date.from(now.minus(Duration.ofDays(4))));
      done = story("Gateway_EnterUAT", sprint, 5, "Send invoices by email");
      ClockUtil.setCurrentTime(Date.from(now.minus(Duration.ofDays(3))));
      engine.getTaskService().complete(task(done).getId(), Map.of("approved", true));
    } finally {
      ClockUtil.reset();
    }
    ProcessInstance waiting = story("Gateway_EnterInProgress", sprint, 8, "Show open payments on a dashboard");
    driver.runStep(waiting, "Task_Implement");
    ProcessInstance incident = story("Gateway_EnterSecurityReview", sprint, 3, "Archive closed quarters");
    engine.getExternalTaskService().setRetries(engine.getExternalTaskService().createExternalTaskQuery()
        .processInstanceId(incident.getId()).singleResult().getId(), 0);
    ProcessInstance agent = story("Gateway_EnterPlannedInSprint", sprint, 2, "Download a monthly statement as PDF");
    assertThat(engine.getExternalTaskService().fetchAndLock(1, "board-test")
        .topic("backend-engineer.plan", Duration.ofMinutes(30).toMillis()).businessKey(agent.getBusinessKey())
        .execute()).hasSize(1);
    ProcessInstance uat = story("Gateway_EnterUAT", sprint, 3, "Export invoices as CSV");
    engine.getTaskService().claim(task(uat).getId(), "business");
    stories = new LinkedHashMap<>();
    stories.put("PLANNED_IN_SPRINT", agent);
    stories.put("IN_PROGRESS", waiting);
    stories.put("CODE_REVIEW", codeReview);
    stories.put("SECURITY_REVIEW", incident);
    stories.put("UAT", uat);
    stories.put("DONE", done);
    return sprint;
  }

  private ProcessInstance story(String entry, String sprint, int points, String title) {
    return driver.startAt(entry, new HashMap<>(Map.of("sprint", sprint, "storyPoints", points, "priority", "HIGH",
        "title", title)));
  }

  private Task task(ProcessInstance story) {
    return engine.getTaskService().createTaskQuery().processInstanceId(story.getId()).singleResult();
  }

  private WebElement card(ProcessInstance story) {
    return browser.findElement(By.cssSelector(".sf-card[data-story-id='" + story.getBusinessKey() + "']"));
  }

  private void login(String app, String user) {
    webapp.login(app, user);
    // what the webapp logged before and during its login (its own check for a session) is not the board's
    browser.manage().logs().get(LogType.BROWSER);
  }

  /**
   * Lighthouse's basic check: every link, button and form control within {@code scope} has an
   * accessible name (while a modal dialog is open, only the dialog's controls are reachable).
   */
  private void everyControlHasAnAccessibleName(String scope) {
    List<WebElement> controls = browser.findElements(By.cssSelector(CONTROLS.stream()
        .map(control -> scope + " " + control).collect(Collectors.joining(", "))));
    assertThat(controls).isNotEmpty();
    for (WebElement control : controls) {
      assertThat(control.getAccessibleName()).as("accessible name of %s", control.getDomProperty("outerHTML"))
          .isNotBlank();
    }
  }

  private void assertNoConsoleErrors() {
    List<LogEntry> errors = browser.manage().logs().get(LogType.BROWSER).getAll().stream()
        .filter(entry -> entry.getLevel().intValue() >= Level.SEVERE.intValue()).toList();
    assertThat(errors).extracting(LogEntry::getMessage).isEmpty();
  }

  /** The screen and the browser's console as they were when the test failed. */
  private void failed(String name) throws Exception {
    screenshot(name + "-failed");
    Files.write(SCREENSHOTS.resolve(name + "-failed.log"), browser.manage().logs().get(LogType.BROWSER).getAll()
        .stream().map(LogEntry::toString).toList());
  }

  private void screenshot(String name) throws Exception {
    webapp.screenshot(SCREENSHOTS, name);
  }
}
