package dev.storyflow.tasklist;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.storyflow.HttpTestClient;
import dev.storyflow.RestStoryWalker;
import dev.storyflow.WebappBrowser;
import dev.storyflow.lifecycle.StoryProcess;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import org.camunda.bpm.engine.ExternalTaskService;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.impl.persistence.entity.UserEntity;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.ActivityInstance;
import org.camunda.bpm.engine.runtime.TransitionInstance;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.ActiveProfiles;

/**
 * A person's view: a demo user logs into Camunda Tasklist in headless Chromium, opens the task
 * of its role, sees the story in the Camunda Form and completes the decision there; the admin
 * follows a story's token in Cockpit and unlocks a user in Admin; the product owner reads
 * stories in Cockpit but changes nothing. Needs Debian's {@code chromium} and
 * {@code chromium-driver} (installed by {@code .ci/run}).
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
    "spring.datasource.url=jdbc:h2:mem:storyflow-tasklist;DB_CLOSE_DELAY=-1",
    "camunda.bpm.generate-unique-process-engine-name=false",
    "camunda.bpm.job-execution.enabled=true"})
@ActiveProfiles("test")
@DirtiesContext
class TasklistBrowserIT {

  @LocalServerPort
  int port;
  @Autowired
  TaskService taskService;
  @Autowired
  HistoryService historyService;
  @Autowired
  RuntimeService runtimeService;
  @Autowired
  IdentityService identityService;
  @Autowired
  ManagementService managementService;
  @Autowired
  ExternalTaskService externalTaskService;

  WebappBrowser webapp;
  WebDriver browser;
  WebDriverWait wait;

  @BeforeEach
  void startBrowser() throws Exception {
    webapp = WebappBrowser.open(port);
    browser = webapp.driver();
    wait = webapp.waiting();
  }

  @AfterEach
  void stopBrowser() {
    if (webapp != null) {
      webapp.close();
    }
  }

  @Test
  void architectApprovesTheDraftInTasklist() throws Exception {
    // given a story waiting for the architect
    String storyId = "US-" + UUID.randomUUID().toString().substring(0, 8);
    HttpTestClient http = new HttpTestClient(port);
    Map<String, Object> story = Map.of("storyId", storyId, "title", "Show <b>invoices</b> per month",
        "asA", "accountant", "iWant", "to see invoices per month", "soThat", "I can close the books",
        "acceptanceCriteria", List.of("Invoices are grouped by month"), "components", List.of("backend"));
    assertThat(http.post("po", "/api/stories", story).status()).isEqualTo(201);
    Task task = taskService.createTaskQuery().processInstanceBusinessKey(storyId)
        .taskDefinitionKey("Task_ArchitectReview").singleResult();

    try {
      // when the architect logs in and opens the task
      webapp.login("tasklist", "architect");
      browser.get(webapp.url("tasklist") + "#/?task=" + task.getId());
      WebElement form = wait.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector(".fjs-container")));

      // then the form shows the story as text (markup is not interpreted)
      wait.until(d -> form.getText().contains(storyId));
      assertThat(form.getText()).contains("Show <b>invoices</b> per month", "Invoices are grouped by month");

      // when the architect claims the task, approves and completes
      wait.until(ExpectedConditions.elementToBeClickable(By.cssSelector("button.claim"))).click();
      wait.until(ExpectedConditions.invisibilityOfElementLocated(By.cssSelector(".disabled-form")));
      WebElement approve = form.findElement(By.xpath(".//label[contains(., 'Approve')]//input[@type='radio']"
          + " | .//input[@type='radio'][following-sibling::*[contains(., 'Approve')] or ../*[contains(., 'Approve')]]"));
      approve.click();
      form.findElement(By.cssSelector("textarea")).sendKeys("Fits the billing module");
      WebElement complete = wait.until(ExpectedConditions.elementToBeClickable(
          By.xpath("//button[contains(normalize-space(.), 'Complete')]")));
      complete.click();

      // then the task is completed through the engine, with the decision checked and the comment kept
      wait.until(d -> taskService.createTaskQuery().taskId(task.getId()).count() == 0);
      assertThat(historyService.createHistoricTaskInstanceQuery().taskId(task.getId()).singleResult().getEndTime())
          .isNotNull();
      assertThat(taskService.getTaskComments(task.getId())).extracting(c -> c.getFullMessage())
          .containsExactly("Fits the billing module");
    } catch (RuntimeException | AssertionError e) {
      webapp.screenshot("architect-approves");
      throw e;
    }
  }

  @Test
  void productOwnerPlansTheStoryIntoASprintInTasklist() throws Exception {
    // given a story waiting in Backlog
    String storyId = newStory();
    new RestStoryWalker(new HttpTestClient(port)).walkUntilTask(storyId, "Task_PlanIntoSprint");
    Task task = taskService.createTaskQuery().processInstanceBusinessKey(storyId)
        .taskDefinitionKey("Task_PlanIntoSprint").singleResult();

    try {
      // when the product owner fills in priority, points and sprint
      webapp.login("tasklist", "po");
      WebElement form = openAndClaim(task);
      selectEntry(form, "Priority", "High");
      selectEntry(form, "Story points", "5");
      selectEntry(form, "Sprint", "Sprint 7");
      // the form's story table shows the entered values once form-js has taken them in
      wait.until(d -> form.getText().contains(RestStoryWalker.SPRINT) && form.getText().contains("HIGH"));
      completeForm();

      // then the engine has the typed values and the story is Planned in Sprint
      wait.until(d -> taskService.createTaskQuery().taskId(task.getId()).count() == 0);
      Map<String, Object> variables = historyVariables(task.getProcessInstanceId());
      assertThat(variables).containsEntry("priority", "HIGH").containsEntry("storyPoints", 5)
          .containsEntry("sprint", RestStoryWalker.SPRINT);
      assertThat((String) variables.get("status")).isIn("PLANNED_IN_SPRINT", "IN_PROGRESS");
    } catch (RuntimeException | AssertionError e) {
      webapp.screenshot("po-plans");
      throw e;
    }
  }

  @Test
  void productOwnerStartsAStoryFromTasklist() throws Exception {
    String storyId = "US-" + UUID.randomUUID().toString().substring(0, 8);
    try {
      // when the product owner starts the story lifecycle with the start form
      webapp.login("tasklist", "po");
      wait.until(ExpectedConditions.elementToBeClickable(By.xpath("//a[@ng-click='open()'][contains(normalize-space(.), 'Start process')]"))).click();
      wait.until(ExpectedConditions.elementToBeClickable(By.xpath(
          "//a[contains(@ng-click, 'selectProcessDefinition')][contains(normalize-space(.), 'Story lifecycle')]"))).click();
      WebElement form = wait.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector(".modal .fjs-container")));
      // the form suggests the next free id; the product owner types another
      wait.until(d -> !field(form, "Story id").getDomProperty("value").isEmpty());
      field(form, "Story id").clear();
      field(form, "Story id").sendKeys(storyId);
      field(form, "Title").sendKeys("Download a monthly statement");
      field(form, "As a").sendKeys("customer");
      field(form, "I want").sendKeys("to download my monthly statement as PDF");
      field(form, "So that").sendKeys("I can keep my records");
      form.findElement(By.cssSelector("textarea")).sendKeys("The PDF lists every booking of the month");
      wait.until(ExpectedConditions.elementToBeClickable(By.cssSelector("button[ng-click='startProcessInstance()']"))).click();

      // then the story runs, checked and normalized by the engine like any other start
      wait.until(d -> runningStory(storyId) != null);
      JsonNode story = new HttpTestClient(port).get("qa", "/api/stories/" + storyId).json();
      assertThat(story.path("status").asText()).isEqualTo("DRAFT");
      assertThat(story.path("createdBy").asText()).isEqualTo("po");
      assertThat(story.path("components").get(0).asText()).isEqualTo("backend");
      assertThat(story.path("acceptanceCriteria").get(0).asText()).isEqualTo("The PDF lists every booking of the month");
      assertThat(historyVariables(runningStory(storyId))).doesNotContainKeys("repository", "dependsOn", "epic");
    } catch (RuntimeException | AssertionError e) {
      webapp.screenshot("po-starts");
      throw e;
    }
  }

  @Test
  void adminFollowsAStoryTokenInCockpit() throws Exception {
    // given two stories waiting in Draft, their asynchronous feasibility review done
    String storyId = newStory("Show open payments on a dashboard", "a dashboard of open payments",
        "I chase late payers early");
    String otherStoryId = newStory("Remind customers before a due date", "reminder mails before due dates",
        "fewer bills are paid late");
    String instanceId = runningStory(storyId);
    // (the review is an external task of the backend engineer; the join after it, a job its completion creates)
    wait.until(d -> externalTaskService.createExternalTaskQuery().processInstanceId(instanceId).count() == 0
        && managementService.createJobQuery().processInstanceId(instanceId).executable().count() == 0);
    Map<String, Long> tokens = tokensInEngine(instanceId);

    try {
      // when the admin logs into Cockpit and opens the story lifecycle
      webapp.login("cockpit", "admin");
      browser.get(webapp.url("cockpit") + "#/processes");
      wait.until(d -> runningInstancesShown(StoryProcess.KEY) >= 2);
      wait.until(ExpectedConditions.elementToBeClickable(
          By.xpath(processDefinitionRow(StoryProcess.KEY) + "/td[contains(@class, 'key')]//a"))).click();

      // then both running stories are listed
      wait.until(ExpectedConditions.and(
          ExpectedConditions.visibilityOfElementLocated(By.xpath(processInstanceRow(storyId))),
          ExpectedConditions.visibilityOfElementLocated(By.xpath(processInstanceRow(otherStoryId)))));

      // when the admin opens the story's instance
      wait.until(ExpectedConditions.elementToBeClickable(
          By.xpath(processInstanceRow(storyId) + "/td[contains(@class, 'instance-id')]//a"))).click();

      // then the diagram shows the token on the architect's review, and exactly where the engine has tokens
      wait.until(d -> tokenBadges().equals(tokens));
      assertThat(tokenBadges()).containsEntry("Task_ArchitectReview", 1L);
    } catch (RuntimeException | AssertionError e) {
      webapp.screenshot("admin-cockpit-token");
      throw e;
    }
  }

  @Test
  void adminUnlocksALockedOutUserInAdmin() throws Exception {
    // given a user locked out by wrong passwords
    HttpTestClient http = new HttpTestClient(port);
    lockOutWithWrongPasswords("business");
    assertThat(http.get("business", "/engine-rest/task").status()).as("locked, even with the right password")
        .isEqualTo(401);

    try {
      // when the admin opens the user's account in Admin and presses Unlock User
      webapp.login("admin", "admin");
      browser.get(webapp.url("admin") + "#/users/business?tab=account");
      wait.until(ExpectedConditions.elementToBeClickable(By.cssSelector("button[ng-click='unlockUser()']"))).click();

      // then Admin confirms, the engine has lifted the lock and the user logs in at once
      wait.until(d -> webapp.notifications().contains("User business successfully unlocked."));
      UserEntity user = (UserEntity) identityService.createUserQuery().userId("business").singleResult();
      assertThat(user.getLockExpirationTime()).isNull();
      assertThat(user.getAttempts()).isZero();
      assertThat(http.get("business", "/engine-rest/task").status()).isEqualTo(200);
    } catch (RuntimeException | AssertionError e) {
      webapp.screenshot("admin-unlocks");
      throw e;
    }
  }

  @Test
  void productOwnerReadsStoriesInCockpitButCannotChangeThem() throws Exception {
    // given a running story
    String instanceId = runningStory(newStory("Archive closed quarters", "closed quarters archived read-only",
        "audits see frozen books"));

    try {
      // when the product owner logs into Cockpit
      webapp.login("cockpit", "po");
      browser.get(webapp.url("cockpit") + "#/processes");

      // then the story lifecycle is listed with its running stories
      wait.until(d -> runningInstancesShown(StoryProcess.KEY) >= 1);

      // and the Cockpit session reads the story but may not suspend it, as Cockpit's suspend button would
      assertThat(cockpitRequest("GET", "/process-instance/" + instanceId, null).status()).isEqualTo(200);
      SessionReply suspend = cockpitRequest("PUT", "/process-instance/" + instanceId + "/suspended",
          "{\"suspended\":true}");
      assertThat(suspend.status()).isEqualTo(403);
      assertThat(suspend.body()).as("refused by the engine's rules or authorization, not by CSRF protection")
          .contains("po").containsAnyOf("UPDATE", "may not suspend");
      assertThat(runtimeService.createProcessInstanceQuery().processInstanceId(instanceId).active().count())
          .isEqualTo(1);

      // and Admin refuses the product owner
      browser.manage().deleteAllCookies();
      webapp.submitLogin("admin", "po", "demo");
      wait.until(d -> webapp.notifications().contains(WebappBrowser.LOGIN_FAILED));
      assertThat(browser.findElement(WebappBrowser.SIGNIN_FORM).isDisplayed()).isTrue();
    } catch (RuntimeException | AssertionError e) {
      webapp.screenshot("po-cockpit-read-only");
      throw e;
    }
  }

  private String runningStory(String storyId) {
    return historyService.createHistoricProcessInstanceQuery().processInstanceBusinessKey(storyId).list().stream()
        .map(p -> p.getId()).findFirst().orElse(null);
  }

  private static WebElement field(WebElement form, String label) {
    WebElement labelElement = form.findElement(By.xpath(
        ".//label[starts-with(normalize-space(.), '" + label + "')]"));
    return form.findElement(By.id(labelElement.getDomAttribute("for")));
  }

  /** Picks the entry of a form-js select (a list of values, not a text field) whose text starts with {@code entry}. */
  private void selectEntry(WebElement form, String label, String entry) {
    WebElement select = field(form, label).findElement(By.xpath("./ancestor::*[contains(@class, 'fjs-form-field')][1]"));
    WebElement group = select.findElement(By.cssSelector(".fjs-input-group"));
    ((JavascriptExecutor) browser).executeScript("arguments[0].scrollIntoView({block: 'center'});", group);
    group.click();
    wait.until(d -> select.findElements(By.cssSelector(".fjs-dropdownlist-item")).stream()
        .filter(item -> item.getText().trim().equals(entry) || item.getText().trim().startsWith(entry + " "))
        .findFirst().orElse(null)).click();
  }

  private String newStory() {
    return newStory("Export invoices as CSV", "to export invoices", "I can file taxes");
  }

  /**
   * A story in Draft, started by the product owner. Stories that stay running should differ in
   * their words: the feasibility review of a later story flags near-duplicates, which changes its form.
   */
  private String newStory(String title, String iWant, String soThat) {
    String storyId = "US-" + UUID.randomUUID().toString().substring(0, 8);
    Map<String, Object> story = Map.of("storyId", storyId, "title", title,
        "asA", "accountant", "iWant", iWant, "soThat", soThat,
        "acceptanceCriteria", List.of("One row per invoice"), "components", List.of("backend"));
    assertThat(new HttpTestClient(port).post("po", "/api/stories", story).status()).isEqualTo(201);
    return storyId;
  }

  private WebElement openAndClaim(Task task) {
    browser.get(webapp.url("tasklist") + "#/?task=" + task.getId());
    WebElement form = wait.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector(".fjs-container")));
    wait.until(ExpectedConditions.elementToBeClickable(By.cssSelector("button.claim"))).click();
    wait.until(ExpectedConditions.invisibilityOfElementLocated(By.cssSelector(".disabled-form")));
    return form;
  }

  private void completeForm() {
    WebElement complete = wait.until(ExpectedConditions.elementToBeClickable(
        By.xpath("//button[contains(normalize-space(.), 'Complete')]")));
    // a long form puts the button under Tasklist's fixed footer; the middle of the view is free
    ((JavascriptExecutor) browser).executeScript("arguments[0].scrollIntoView({block: 'center'});", complete);
    complete.click();
  }

  private Map<String, Object> historyVariables(String processInstanceId) {
    Map<String, Object> variables = new java.util.HashMap<>();
    historyService.createHistoricVariableInstanceQuery().processInstanceId(processInstanceId).list()
        .forEach(v -> variables.put(v.getName(), v.getValue()));
    return variables;
  }

  /** XPath of the row of Cockpit's process definition list whose key is {@code key}. */
  private static String processDefinitionRow(String key) {
    return "//table[contains(@class, 'process-definitions-list')]//tr[td[contains(@class, 'key')][normalize-space(.) = '"
        + key + "']]";
  }

  /** The running instances Cockpit's process definition list shows for {@code key}; -1 while still loading. */
  private int runningInstancesShown(String key) {
    String shown = browser.findElement(By.xpath(processDefinitionRow(key) + "/td[contains(@class, 'instances')]"))
        .getText().trim();
    return shown.matches("\\d+") ? Integer.parseInt(shown) : -1;
  }

  /** XPath of the row of a process definition's running instances whose business key is {@code storyId}. */
  private static String processInstanceRow(String storyId) {
    return "//tr[@ng-repeat = 'processInstance in processInstances'][td[contains(@class, 'business-key')]"
        + "[normalize-space(.) = '" + storyId + "']]";
  }

  /** Cockpit's token badges on the instance diagram: BPMN element id to the count shown, read in one go. */
  @SuppressWarnings("unchecked")
  private Map<String, Long> tokenBadges() {
    Map<String, Long> badges = (Map<String, Long>) ((JavascriptExecutor) browser).executeScript("""
        const badges = {};
        document.querySelectorAll('.djs-overlays[data-container-id] .instance-count').forEach(badge => {
          const count = Number(badge.textContent.trim());
          if (count > 0) {
            const element = badge.closest('.djs-overlays').getAttribute('data-container-id');
            badges[element] = (badges[element] || 0) + count;
          }
        });
        return badges;""");
    return new TreeMap<>(badges);
  }

  /** The engine's activity instances of a process instance, counted per BPMN element id, as Cockpit shows them. */
  private Map<String, Long> tokensInEngine(String processInstanceId) {
    Map<String, Long> tokens = new TreeMap<>();
    countTokens(runtimeService.getActivityInstance(processInstanceId), tokens);
    return tokens;
  }

  private static void countTokens(ActivityInstance scope, Map<String, Long> tokens) {
    for (ActivityInstance child : scope.getChildActivityInstances()) {
      tokens.merge(child.getActivityId(), 1L, Long::sum);
      countTokens(child, tokens);
    }
    for (TransitionInstance transition : scope.getChildTransitionInstances()) {
      tokens.merge(transition.getActivityId(), 1L, Long::sum);
    }
  }

  /** Status and body of a request sent by the browser's webapp session. */
  private record SessionReply(long status, String body) {
  }

  /**
   * A request of the logged-in Cockpit session to the engine API behind it, with the session's
   * CSRF token, as Cockpit's own buttons send it.
   */
  @SuppressWarnings("unchecked")
  private SessionReply cockpitRequest(String method, String path, String json) {
    Map<String, Object> reply = (Map<String, Object>) ((JavascriptExecutor) browser).executeAsyncScript("""
        const [method, url, body, done] = arguments;
        fetch(url, {credentials: 'same-origin'})
          .then(read => {
            const headers = {'Content-Type': 'application/json', 'Accept': 'application/json'};
            const token = read.headers.get('X-XSRF-TOKEN')
                || (document.cookie.match(/XSRF-TOKEN=([^;]+)/) || [])[1];
            if (token) { headers['X-XSRF-TOKEN'] = token; }
            return method === 'GET' ? read : fetch(url, {method, headers, body, credentials: 'same-origin'});
          })
          .then(reply => reply.text().then(body => done({status: reply.status, body})))
          .catch(error => done({status: -1, body: String(error)}));""",
        method, "/camunda/api/engine/engine/default" + path, json);
    return new SessionReply((Long) reply.get("status"), (String) reply.get("body"));
  }

  /**
   * Wrong passwords through HTTP Basic, as an attacker would try them, until the login delay has
   * grown to its maximum (a 60 s lock). The engine's clock is moved so that each try falls after the
   * delay of the one before (61 s apart) instead of the test waiting out the delays; the last try is now.
   */
  private void lockOutWithWrongPasswords(String user) {
    HttpTestClient http = new HttpTestClient(port);
    Instant now = Instant.now();
    try {
      for (int triesLeft = 5; triesLeft >= 0; triesLeft--) {
        ClockUtil.setCurrentTime(Date.from(now.minus(Duration.ofSeconds(61L * triesLeft))));
        assertThat(http.get(user + ":wrong", "/engine-rest/task").status()).isEqualTo(401);
      }
    } finally {
      ClockUtil.reset();
    }
    UserEntity locked = (UserEntity) identityService.createUserQuery().userId(user).singleResult();
    assertThat(locked.getAttempts()).isEqualTo(6);
    assertThat(locked.getLockExpirationTime()).isAfter(Date.from(now.plusSeconds(30)));
  }
}
