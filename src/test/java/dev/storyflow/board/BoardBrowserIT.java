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
import java.util.stream.Stream;
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
import org.openqa.selenium.interactions.Actions;
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
 * plugin, finds every story of the sprint in the column of its status, the overdue and the waiting
 * one marked, opens a done story in a dialog and a running story's process instance from its card;
 * a QA engineer, who has no Cockpit, reads the same board at {@code /board} with the keyboard alone
 * and at a phone's width. A story whose title is markup shows it as text. Every control has an
 * accessible name, the board fits 1280×800 without sideways scrolling, and the browser logs no
 * error. Needs Debian's {@code chromium} and {@code chromium-driver} (installed by {@code .ci/run});
 * screenshots go to {@code target/board/}.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
    "spring.datasource.url=jdbc:h2:mem:storyflow-board-browser;DB_CLOSE_DELAY=-1",
    "camunda.bpm.generate-unique-process-engine-name=false"})
@ActiveProfiles("test")
class BoardBrowserIT {

  static final Path SCREENSHOTS = Path.of("target", "board");
  /**
   * Markup in a story's title: it must show as these very characters. Were it markup, the card would
   * hold an image element, whose failed load sets {@code window.sfPwned} (unless the page's CSP stops
   * the inline handler, so the missing image is the check that counts).
   */
  static final String MARKUP = "<img src=x onerror=\"window.sfPwned=1\">";
  /** The webapp's own errors on its sign-in page: 404s of its session check and of the welcome app. */
  static final List<String> SIGN_IN_PAGE_ERRORS = List.of(
      "/camunda/api/admin/auth/user/default - Failed to load resource: the server responded with a status of 404",
      "/camunda-welcome - Failed to load resource: the server responded with a status of 404");
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
      // (Cockpit's dashboard lists the open sprints, each a link to its board, under a name of its own)
      wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector(
          ".sf-dashboard a[href='#/storyflow?sprint=" + sprint + "']")));
      assertThat(browser.findElement(By.cssSelector("ul.sf-dashboard")).getAccessibleName())
          .isEqualTo("Boards of the open sprints");
      everyControlHasAnAccessibleName(".sf-dashboard");
      WebElement header = wait.until(ExpectedConditions.elementToBeClickable(By.cssSelector("a[href='#/storyflow']")));
      assertThat(header.getAccessibleName()).isEqualTo("Storyflow");
      header.click();
      // (the choice is kept in the address, so a reload shows the stories in no sprint, not the running sprint)
      sprintChoice().selectByValue("");
      wait.until(d -> d.getCurrentUrl().endsWith("#/storyflow?sprint="));
      browser.navigate().refresh();
      wait.until(d -> d.findElement(By.cssSelector(".sf-board__summary")).getText().endsWith("in no sprint."));
      assertThat(sprintChoice().getFirstSelectedOption().getDomAttribute("value")).isEmpty();
      sprintChoice().selectByValue(sprint);
      wait.until(ExpectedConditions.urlContains("#/storyflow?sprint=" + sprint));

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
          .extracting(e -> e.getDomAttribute("data-story-id"))
          .containsExactly(stories.get("CODE_REVIEW").getBusinessKey());
      assertThat(browser.findElements(By.cssSelector(".sf-card--waiting")))
          .extracting(e -> e.getDomAttribute("data-story-id"))
          .containsExactly(stories.get("IN_PROGRESS").getBusinessKey());
      assertThat(card(stories.get("CODE_REVIEW")).getText()).contains("Overdue", "Claimed by reviewer");
      assertThat(card(stories.get("IN_PROGRESS")).getText()).contains("Waits for a human");
      assertThat(card(stories.get("SECURITY_REVIEW")).getText()).contains("Incident");
      assertThat(card(stories.get("PLANNED_IN_SPRINT")).getText()).contains("Agent at work");
      // beside the burndown, drawn as SVG
      assertThat(browser.findElement(By.cssSelector("svg.sf-burndown[role=img]")).getAccessibleName())
          .startsWith("Burndown of Sprint");
      assertThat(browser.findElements(By.cssSelector("svg.sf-burndown .sf-burndown__point"))).hasSize(5);
      markupShowsAsText(card(stories.get("IN_PROGRESS")));
      everyControlHasAnAccessibleName(".sf-board");
      fitsTheViewportWithoutSidewaysScrolling();
      screenshot("board-cockpit");
      assertNoConsoleErrors();

      // when the product owner opens the card of the story that is done (Cockpit shows running instances only)
      card(stories.get("DONE")).click();

      // then a dialog shows the story, done, with its history, and Escape closes it
      WebElement dialog = wait.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector("dialog.sf-dialog")));
      wait.until(d -> dialog.getText().contains("History"));
      assertThat(dialog.findElement(By.id("sf-story-title")).getText())
          .isEqualTo(stories.get("DONE").getBusinessKey() + ": Send invoices by email");
      assertThat(dialog.getText()).contains("Done");
      everyControlHasAnAccessibleName(".sf-dialog");
      browser.switchTo().activeElement().sendKeys(Keys.ESCAPE);
      wait.until(ExpectedConditions.numberOfElementsToBe(By.cssSelector("dialog.sf-dialog"), 0));

      // when the product owner clicks the overdue story's card
      ProcessInstance overdue = stories.get("CODE_REVIEW");
      card(overdue).click();

      // then Cockpit leaves the board and shows the story's process instance: its id is on the instance's page only
      wait.until(ExpectedConditions.urlContains("#/process-instance/" + overdue.getId() + "/runtime"));
      wait.until(ExpectedConditions.numberOfElementsToBe(By.cssSelector(".sf-board"), 0));
      wait.until(d -> d.findElement(By.tagName("body")).getText().contains(overdue.getId()));
      assertNoConsoleErrors();
    } catch (RuntimeException | AssertionError e) {
      failed("board-cockpit");
      throw e;
    }
  }

  @Test
  void aTeamMemberWithoutCockpitReadsTheSameBoardAtBoardByKeyboardAndOnAPhone() throws Exception {
    // given the sprint, with a second story in UAT, and the QA engineer logged into Tasklist (QA has no Cockpit)
    String sprint = sprintOfSixStories();
    List<String> uat = Stream.of(stories.get("UAT"), story("Gateway_EnterUAT", sprint, 1, "Export invoices as XML"))
        .map(ProcessInstance::getBusinessKey).sorted().toList();
    try {
      login("tasklist", "qa");

      // when the QA engineer opens /board for the sprint
      browser.get(webapp.base() + "/board?sprint=" + sprint);

      // then the board shows the seven stories, read with the Tasklist session, and fits 1280×800
      wait.until(d -> d.findElements(By.cssSelector(".sf-card")).size() == 7);
      assertThat(browser.findElements(By.cssSelector(".sf-column"))).hasSize(12);
      assertThat(browser.findElements(By.cssSelector(".sf-column[data-status=UAT] .sf-card")))
          .extracting(e -> e.getDomAttribute("data-story-id")).containsExactlyElementsOf(uat);
      markupShowsAsText(card(stories.get("IN_PROGRESS")));
      everyControlHasAnAccessibleName(".sf-board");
      fitsTheViewportWithoutSidewaysScrolling();
      screenshot("board-page");

      // when the QA engineer tabs from the top of the page: the sprint choice, then the board's first card
      webapp.script("document.activeElement.blur();");
      new Actions(browser).sendKeys(Keys.TAB).perform();
      assertThat(focused().getDomAttribute("class")).contains("sf-board__select");
      new Actions(browser).sendKeys(Keys.TAB).perform();
      assertThat(focused().getDomAttribute("data-story-id"))
          .isEqualTo(stories.get("PLANNED_IN_SPRINT").getBusinessKey());

      // and moves with the arrow keys to the next statuses' stories, and with End and Home within UAT
      assertThat(press(Keys.ARROW_RIGHT)).isEqualTo(stories.get("IN_PROGRESS").getBusinessKey());
      assertThat(press(Keys.ARROW_RIGHT)).isEqualTo(stories.get("CODE_REVIEW").getBusinessKey());
      assertThat(press(Keys.ARROW_RIGHT)).isEqualTo(stories.get("SECURITY_REVIEW").getBusinessKey());
      assertThat(press(Keys.ARROW_RIGHT)).isEqualTo(uat.get(0));
      assertThat(press(Keys.END)).isEqualTo(uat.get(1));
      assertThat(press(Keys.HOME)).isEqualTo(uat.get(0));
      assertThat(press(Keys.ARROW_DOWN)).isEqualTo(uat.get(1));
      assertThat(press(Keys.ARROW_DOWN)).as("the last card of a status stays").isEqualTo(uat.get(1));
      assertThat(press(Keys.ARROW_UP)).isEqualTo(uat.get(0));
      assertThat(press(Keys.ARROW_RIGHT)).isEqualTo(stories.get("DONE").getBusinessKey());
      assertThat(press(Keys.ARROW_LEFT)).isEqualTo(uat.get(0));
      assertThat(press(Keys.ARROW_LEFT)).isEqualTo(stories.get("SECURITY_REVIEW").getBusinessKey());
      assertThat(press(Keys.ARROW_LEFT)).isEqualTo(stories.get("CODE_REVIEW").getBusinessKey());
      assertThat(press(Keys.ARROW_LEFT)).isEqualTo(stories.get("IN_PROGRESS").getBusinessKey());

      // then Enter opens the In-progress story in a dialog, its title as text, and Escape closes it
      focused().sendKeys(Keys.ENTER);
      WebElement dialog = wait.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector("dialog.sf-dialog")));
      wait.until(d -> dialog.getText().contains("Do the step by hand"));
      assertThat(dialog.findElement(By.id("sf-story-title")).getText())
          .isEqualTo(stories.get("IN_PROGRESS").getBusinessKey() + ": Show open payments " + MARKUP);
      assertThat(dialog.findElements(By.tagName("img"))).isEmpty();
      everyControlHasAnAccessibleName(".sf-dialog");
      browser.switchTo().activeElement().sendKeys(Keys.ESCAPE);
      wait.until(ExpectedConditions.numberOfElementsToBe(By.cssSelector("dialog.sf-dialog"), 0));

      // and at a phone's width the board fits the screen: no sideways scrolling
      browser.manage().window().setSize(new Dimension(390, 844));
      wait.until(d -> ((Number) webapp.script("return window.innerWidth;")).intValue() <= 400);
      fitsTheViewportWithoutSidewaysScrolling();
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
   * one waiting for a human backend engineer (its title ends in {@link #MARKUP}), one with an
   * incident, one with an agent at work.
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
    ProcessInstance waiting = story("Gateway_EnterInProgress", sprint, 8, "Show open payments " + MARKUP);
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

  private Select sprintChoice() {
    return new Select(wait.until(ExpectedConditions.elementToBeClickable(By.cssSelector(".sf-board__select"))));
  }

  /** Presses a key where the focus is; the story id of the card that has the focus then. */
  private String press(Keys key) {
    focused().sendKeys(key);
    return focused().getDomAttribute("data-story-id");
  }

  private WebElement focused() {
    return browser.switchTo().activeElement();
  }

  /** The card shows the markup in its title as characters: no image element, no handler run. */
  private void markupShowsAsText(WebElement card) {
    assertThat(card.findElement(By.cssSelector(".sf-card__title")).getText()).endsWith(MARKUP);
    assertThat(browser.findElements(By.cssSelector(".sf-board img"))).isEmpty();
    assertThat(webapp.script("return typeof window.sfPwned;")).isEqualTo("undefined");
  }

  /**
   * Nothing scrolls sideways and every column lies within the window's width (a column pushed
   * beyond it inside a scrolling box would not widen the page, so both are checked).
   */
  private void fitsTheViewportWithoutSidewaysScrolling() {
    assertThat(((Number) webapp.script("return document.documentElement.scrollWidth - window.innerWidth;")).intValue())
        .as("sideways scrolling").isLessThanOrEqualTo(0);
    @SuppressWarnings("unchecked")
    List<String> outside = (List<String>) webapp.script("return Array.from(document.querySelectorAll('.sf-column'))"
        + ".filter(c => { const r = c.getBoundingClientRect(); return r.left < 0 || r.right > window.innerWidth; })"
        + ".map(c => c.dataset.status + ' ' + Math.round(c.getBoundingClientRect().right));");
    assertThat(outside).as("columns beyond the window's width of %s", webapp.script("return window.innerWidth;"))
        .isEmpty();
  }

  /**
   * Logs in; the console of the sign-in page (where Cockpit already loads Storyflow's plugin) holds
   * no error but the webapp's own: its check for a session before the login, and its link to the
   * welcome app, which Storyflow does not ship.
   */
  private void login(String app, String user) {
    webapp.login(app, user);
    assertThat(severeConsoleEntries()).filteredOn(message -> SIGN_IN_PAGE_ERRORS.stream().noneMatch(message::contains))
        .isEmpty();
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
    assertThat(severeConsoleEntries()).isEmpty();
  }

  /** The errors the console logged since the last look. */
  private List<String> severeConsoleEntries() {
    return browser.manage().logs().get(LogType.BROWSER).getAll().stream()
        .filter(entry -> entry.getLevel().intValue() >= Level.SEVERE.intValue()).map(LogEntry::getMessage).toList();
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
