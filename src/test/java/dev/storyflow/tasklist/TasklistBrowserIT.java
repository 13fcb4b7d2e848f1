package dev.storyflow.tasklist;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.storyflow.HttpTestClient;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import dev.storyflow.RestStoryWalker;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.ActiveProfiles;

/**
 * A person's view: a demo user logs into Camunda Tasklist in headless Chromium, opens the task
 * of its role, sees the story in the Camunda Form and completes the decision there. Needs
 * Debian's {@code chromium} and {@code chromium-driver} (installed by {@code .ci/run}).
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

  WebDriver browser;
  WebDriverWait wait;

  static final Path CHROMIUM = Path.of("/usr/bin/chromium");
  static final Path CHROMEDRIVER = Path.of("/usr/bin/chromedriver");

  @BeforeEach
  void startBrowser() throws Exception {
    boolean installed = Files.isExecutable(CHROMIUM) && Files.isExecutable(CHROMEDRIVER);
    if (!installed && "true".equals(System.getenv("STORYFLOW_REQUIRE_BROWSER"))) {
      throw new IllegalStateException("chromium and chromium-driver are required (STORYFLOW_REQUIRE_BROWSER=true)");
    }
    Assumptions.assumeTrue(installed, "Debian's chromium and chromium-driver are not installed");
    ChromeOptions options = new ChromeOptions();
    options.setBinary(CHROMIUM.toFile());
    options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
        "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run",
        "--window-size=1400,1800", "--user-data-dir=" + Files.createTempDirectory("chromium"));
    ChromeDriverService service = new ChromeDriverService.Builder()
        .usingDriverExecutable(CHROMEDRIVER.toFile()).build();
    browser = new ChromeDriver(service, options);
    wait = new WebDriverWait(browser, Duration.ofSeconds(30));
  }

  @AfterEach
  void stopBrowser() {
    if (browser != null) {
      browser.quit();
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
      login("architect", "demo");
      browser.get(tasklist() + "#/?task=" + task.getId());
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
      screenshot("architect-approves");
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
      login("po", "demo");
      WebElement form = openAndClaim(task);
      form.findElement(By.cssSelector(".fjs-form-field-textfield input")).sendKeys("Sprint 14");
      form.findElement(By.cssSelector(".fjs-form-field-number input")).sendKeys("5");
      form.findElement(By.cssSelector(".fjs-form-field-select .fjs-input-group")).click();
      wait.until(d -> !form.findElements(By.cssSelector(".fjs-dropdownlist-item")).isEmpty());
      form.findElements(By.cssSelector(".fjs-dropdownlist-item")).stream()
          .filter(item -> item.getText().trim().equalsIgnoreCase("high")).findFirst().orElseThrow().click();
      // the form's story table shows the entered values once form-js has taken them in
      wait.until(d -> form.getText().contains("Sprint 14") && form.getText().contains("HIGH"));
      completeForm();

      // then the engine has the typed values and the story is Planned in Sprint
      wait.until(d -> taskService.createTaskQuery().taskId(task.getId()).count() == 0);
      Map<String, Object> variables = historyVariables(task.getProcessInstanceId());
      assertThat(variables).containsEntry("priority", "HIGH").containsEntry("storyPoints", 5)
          .containsEntry("sprint", "Sprint 14");
      assertThat((String) variables.get("status")).isIn("PLANNED_IN_SPRINT", "IN_PROGRESS");
    } catch (RuntimeException | AssertionError e) {
      screenshot("po-plans");
      throw e;
    }
  }

  @Test
  void productOwnerStartsAStoryFromTasklist() throws Exception {
    String storyId = "US-" + UUID.randomUUID().toString().substring(0, 8);
    try {
      // when the product owner starts the story lifecycle with the start form
      login("po", "demo");
      wait.until(ExpectedConditions.elementToBeClickable(By.xpath("//a[@ng-click='open()'][contains(normalize-space(.), 'Start process')]"))).click();
      wait.until(ExpectedConditions.elementToBeClickable(By.xpath(
          "//a[contains(@ng-click, 'selectProcessDefinition')][contains(normalize-space(.), 'Story lifecycle')]"))).click();
      WebElement form = wait.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector(".modal .fjs-container")));
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
      screenshot("po-starts");
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

  private String newStory() {
    String storyId = "US-" + UUID.randomUUID().toString().substring(0, 8);
    Map<String, Object> story = Map.of("storyId", storyId, "title", "Export invoices as CSV",
        "asA", "accountant", "iWant", "to export invoices", "soThat", "I can file taxes",
        "acceptanceCriteria", List.of("One row per invoice"), "components", List.of("backend"));
    assertThat(new HttpTestClient(port).post("po", "/api/stories", story).status()).isEqualTo(201);
    return storyId;
  }

  private WebElement openAndClaim(Task task) {
    browser.get(tasklist() + "#/?task=" + task.getId());
    WebElement form = wait.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector(".fjs-container")));
    wait.until(ExpectedConditions.elementToBeClickable(By.cssSelector("button.claim"))).click();
    wait.until(ExpectedConditions.invisibilityOfElementLocated(By.cssSelector(".disabled-form")));
    return form;
  }

  private void completeForm() {
    wait.until(ExpectedConditions.elementToBeClickable(
        By.xpath("//button[contains(normalize-space(.), 'Complete')]"))).click();
  }

  private Map<String, Object> historyVariables(String processInstanceId) {
    Map<String, Object> variables = new java.util.HashMap<>();
    historyService.createHistoricVariableInstanceQuery().processInstanceId(processInstanceId).list()
        .forEach(v -> variables.put(v.getName(), v.getValue()));
    return variables;
  }

  private void login(String user, String password) {
    browser.get(tasklist());
    WebElement username = wait.until(ExpectedConditions.visibilityOfElementLocated(
        By.cssSelector("form[name=signinForm] input[type=text]")));
    username.sendKeys(user);
    browser.findElement(By.cssSelector("form[name=signinForm] input[type=password]")).sendKeys(password);
    browser.findElement(By.cssSelector("form[name=signinForm] button[type=submit], form[name=signinForm] button.btn-primary")).click();
    wait.until(ExpectedConditions.invisibilityOfElementLocated(By.cssSelector("form[name=signinForm]")));
  }

  private String tasklist() {
    return "http://localhost:" + port + "/camunda/app/tasklist/default/";
  }

  private void screenshot(String name) throws Exception {
    Path target = Path.of("target", "screenshots");
    Files.createDirectories(target);
    Files.write(target.resolve(name + ".png"), ((TakesScreenshot) browser).getScreenshotAs(OutputType.BYTES));
  }
}
