package dev.storyflow.tasklist;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.storyflow.HttpTestClient;
import dev.storyflow.HttpTestClient.Reply;
import dev.storyflow.RestStoryWalker;
import dev.storyflow.TaskDecisions;
import dev.storyflow.audit.AuditEntry;
import dev.storyflow.audit.AuditLog;
import dev.storyflow.lifecycle.StoryProcess;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Supplier;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;
import org.camunda.spin.json.SpinJsonNode;
import org.camunda.spin.plugin.variable.SpinValues;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.ActiveProfiles;

/**
 * The team's Tasklist in headless Chromium at 1280 × 720, one test per point of issue 18: every
 * task names its story, a decision waits for what it needs, overrides and refusals read as plain
 * words, earlier reviews and comments are carried forward, Plan into sprint starts at the estimate,
 * a story can be withdrawn, and the start form suggests an id and confirms the start. Each test
 * saves a screenshot under {@code target/screenshots/}.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
    "spring.datasource.url=jdbc:h2:mem:storyflow-team-tasklist;DB_CLOSE_DELAY=-1",
    "camunda.bpm.generate-unique-process-engine-name=false",
    "camunda.bpm.job-execution.enabled=true"})
@ActiveProfiles("test")
@DirtiesContext
class TeamTasklistBrowserIT {

  static final int WIDTH = 1280;
  static final int HEIGHT = 720;
  private static final ObjectMapper JSON = new ObjectMapper();

  @LocalServerPort
  int port;
  @Autowired
  TaskService taskService;
  @Autowired
  RuntimeService runtimeService;
  @Autowired
  HistoryService historyService;
  @Autowired
  AuditLog auditLog;

  @Test
  void theArchitectsListNamesEachStoryWithItsTitle() throws Exception {
    // given two stories waiting for the architect
    String first = draft("Archive paid invoices after ten years", "paid invoices archived after ten years",
        "the archive stays within the law");
    String second = draft("Send dunning letters for overdue invoices", "a dunning letter for each overdue invoice",
        "customers pay what they owe");

    try (WebappSession tasklist = WebappSession.open(port, WIDTH, HEIGHT)) {
      try {
        // when the architect logs into Tasklist
        tasklist.loginToTasklist("architect", "demo");
        WebElement list = tasklist.wait.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector(".tasks-list")));

        // then each task names its story, with the title as a column of the filter
        tasklist.wait.until(d -> list.getText().contains(first + " · Architect review")
            && list.getText().contains(second + " · Architect review"));
        tasklist.wait.until(d -> list.getText().contains("Archive paid invoices after ten years")
            && list.getText().contains("Send dunning letters for overdue invoices"));
        // and the page is Storyflow's
        assertThat(tasklist.browser.getTitle()).isEqualTo("Storyflow Tasklist");
        assertThat(tasklist.browser.findElement(By.cssSelector(".navbar-brand")).getText()).contains("Storyflow");
        tasklist.screenshot("tasklist-task-list");
        // and so are Cockpit and Admin (their name on the sign-in page, their styles with the logo)
        tasklist.browser.manage().deleteAllCookies();
        for (String app : List.of("cockpit", "admin")) {
          tasklist.browser.get(tasklist.tasklist().replace("/tasklist/", "/" + app + "/"));
          String name = "Storyflow " + Character.toUpperCase(app.charAt(0)) + app.substring(1);
          tasklist.wait.until(d -> name.equals(d.getTitle()));
          assertThat(tasklist.request("GET", "/camunda/app/" + app + "/styles/user-styles.css", null).body())
              .contains("storyflow-logo.svg");
        }
      } catch (RuntimeException | AssertionError e) {
        tasklist.screenshot("tasklist-task-list-failed");
        throw e;
      }
    }
  }

  @Test
  void aRejectionWithoutACommentCannotBeSubmitted() throws Exception {
    // given a story waiting for the architect
    String storyId = draft("Export invoices to the tax office", "invoices exported in the tax office's format",
        "the yearly filing takes minutes");
    Task task = task(storyId, "Task_ArchitectReview");

    try (WebappSession tasklist = WebappSession.open(port, WIDTH, HEIGHT)) {
      try {
        // when the architect opens the task, it asks to be claimed first
        tasklist.loginToTasklist("architect", "demo");
        WebElement form = tasklist.openTaskForm(task.getId(), storyId);
        tasklist.wait.until(d -> !d.findElements(By.cssSelector(".sf-claim-notice")).isEmpty());
        assertThat(tasklist.browser.findElement(By.cssSelector(".sf-claim-notice")).getText())
            .contains("Claim this task to decide");
        tasklist.claimFromNotice();

        // when the architect chooses "Needs rework" without a comment
        tasklist.choose(form, "Needs rework");

        // then Complete is disabled, the reason stands beside it and the comment is marked
        WebElement complete = tasklist.completeButton();
        tasklist.wait.until(d -> !complete.isEnabled());
        assertThat(tasklist.reasonBesideSubmit()).contains("Write a comment");
        assertThat(tasklist.markedFields(form)).anyMatch(label -> label.startsWith("Comment – required"));
        tasklist.screenshot("tasklist-rejection-needs-a-comment");
        // and even a click that reaches the button sends nothing (counted below, once the task is done)
        tasklist.countSubmissions();
        tasklist.script("arguments[0].disabled = false; arguments[0].click();", complete);

        // when the architect writes the comment
        tasklist.field(form, "Comment").sendKeys("The export must stream: a year of invoices does not fit in memory.");

        // then Complete is enabled and the decision goes through, with a message that it is done
        tasklist.wait.until(d -> complete.isEnabled() && tasklist.reasonBesideSubmit().isEmpty());
        assertThat(tasklist.markedFields(form)).isEmpty();
        complete.click();
        tasklist.wait.until(d -> tasklist.notifications().contains(storyId + " · Architect review is completed."));
        assertThat(taskService.createTaskQuery().taskId(task.getId()).count()).isZero();
        assertThat(tasklist.submissions()).as("forms sent: only the one with the comment").isEqualTo(1);
        assertThat(taskService.getTaskComments(task.getId())).extracting(c -> c.getFullMessage())
            .containsExactly("The export must stream: a year of invoices does not fit in memory.");
      } catch (RuntimeException | AssertionError e) {
        tasklist.screenshot("tasklist-rejection-failed");
        throw e;
      }
    }
  }

  @Test
  void anOverrideSaysInPlainWordsWhyItNeedsAComment() throws Exception {
    // given a draft the feasibility review asks to clarify ("quickly") and the architect objects to
    String storyId = draft("Reconcile bank statements", "bank statements reconciled quickly", "the books match the bank");
    awaitFeasibility(storyId);
    decide("architect", task(storyId, "Task_ArchitectReview"), false, "Reconciling needs the bank's API first.");
    decide("security", task(storyId, "Task_SecurityEarlyReview"), true, null);
    Task approve = task(storyId, "Task_ApproveDraft");

    try (WebappSession tasklist = WebappSession.open(port, WIDTH, HEIGHT)) {
      try {
        tasklist.loginToTasklist("po", "demo");
        WebElement form = tasklist.openTaskForm(approve.getId(), storyId);
        tasklist.claimFromNotice();

        // when the product owner approves
        tasklist.choose(form, "Approve – move to Backlog");

        // then the form says why approving is an override, in words, and Complete waits for the reason
        WebElement notice = tasklist.wait.until(ExpectedConditions.visibilityOfElementLocated(By.xpath(
            "//div[strong[contains(., 'Approving is an override here')]]")));
        assertThat(notice.getText()).contains("the feasibility verdict is needs clarification",
            "the system architect objects");
        assertThat(tasklist.reasonBesideSubmit()).contains("approving against the evidence is an override");
        assertThat(notice.getText() + tasklist.reasonBesideSubmit()).doesNotContain("NEEDS_CLARIFICATION", "ENGINE-",
            "Task_");
        tasklist.screenshot("tasklist-override-needs-a-reason");

        // and the engine, asked by the page the way Tasklist asks, refuses it in one readable sentence
        WebappSession.Reply refused = tasklist.engineRequest("POST", "/task/" + approve.getId() + "/submit-form",
            "{\"variables\": {\"approved\": {\"value\": true}}}");
        assertThat(refused.status()).isEqualTo(400);
        JsonNode body = JSON.readTree(refused.body());
        assertThat(body.path("message").asText()).contains("comment", "override", "Needs clarification")
            .doesNotContain("ENGINE-", "Exception", "org.camunda", "NEEDS_CLARIFICATION", "(s)");
        assertThat(body.path("errors").get(0).path("field").asText()).isEqualTo("comment");

        // when the product owner writes the reason and completes
        tasklist.field(form, "Comment").sendKeys("The bank's API is booked for the same sprint.");
        WebElement complete = tasklist.completeButton();
        tasklist.wait.until(d -> complete.isEnabled());
        complete.click();

        // then it is done and recorded as an override
        tasklist.wait.until(d -> tasklist.notifications().contains(storyId + " · Approve draft is completed."));
        assertThat(auditLog.forStory(storyId)).anyMatch(e -> AuditEntry.OVERRIDE.equals(e.kind())
            && "The bank's API is booked for the same sprint.".equals(e.comment()));
      } catch (RuntimeException | AssertionError e) {
        tasklist.screenshot("tasklist-override-failed");
        throw e;
      }
    }
  }

  @Test
  void theProductOwnerSeesTheArchitectsRejectionOnApproveDraft() throws Exception {
    // given the architect sent the story back with a comment and the security expert approved
    String storyId = draft("Export invoices as CSV", "to export invoices quickly", "I can file taxes");
    awaitFeasibility(storyId);
    decide("architect", task(storyId, "Task_ArchitectReview"), false,
        "CSV export must stream: 50,000 invoices do not fit in memory.");
    decide("security", task(storyId, "Task_SecurityEarlyReview"), true, "No personal data beyond what finance sees.");
    Task approve = task(storyId, "Task_ApproveDraft");

    try (WebappSession tasklist = WebappSession.open(port, WIDTH, HEIGHT)) {
      try {
        // when the product owner opens Approve draft
        tasklist.loginToTasklist("po", "demo");
        WebElement form = tasklist.openTaskForm(approve.getId(), "Reviews so far");
        tasklist.claimFromNotice();

        // then the decision comes first, with a one-line summary that counts the objection
        String text = form.getText();
        assertThat(text.indexOf("Your decision")).isLessThan(text.indexOf("Reviews so far"));
        assertThat(text).contains("In short:", "feasibility Needs clarification", "1 open objection");
        // and the reviews so far show the architect's rejection: role, decision, comment, who, when
        WebElement architect = review(form, "Architect review");
        assertThat(architect.getText()).contains("System architect", "(architect)", "Needs rework", "open objection",
            "CSV export must stream: 50,000 invoices do not fit in memory.", "UTC");
        assertThat(review(form, "Early security review").getText())
            .contains("Approved", "No personal data beyond what finance sees.");
        // and the feasibility report reads as words, once
        assertThat(text).contains("Vague wording", "in I want", "Technical details").doesNotContain("NEEDS_CLARIFICATION",
            "[UNAMBIGUOUS]", "All fields");
        // and the form fits the screen with Complete in view
        assertCompleteInView(tasklist);
        tasklist.screenshot("tasklist-approve-draft");
        tasklist.centre(architect);
        tasklist.screenshot("tasklist-approve-draft-reviews");
      } catch (RuntimeException | AssertionError e) {
        tasklist.screenshot("tasklist-approve-draft-failed");
        throw e;
      }
    }
  }

  @Test
  void anAgentsFindingsAreShownAsTheAgentsBesideTheReviews() throws Exception {
    // given a draft whose feasibility step an external agent did too (its report as the step writes it)
    String storyId = draft("Archive old invoices", "to archive invoices older than ten years", "the ledger stays small");
    awaitFeasibility(storyId);
    String instance = runtimeService.createProcessInstanceQuery().processInstanceBusinessKey(storyId).singleResult()
        .getId();
    ObjectNode report = (ObjectNode) JSON.readTree(runtimeService.getVariable(instance, "feasibility").toString());
    report.putArray("agentFindings").add(JSON.readTree("""
        {"criterion": "ATOMIC", "severity": "WARNING", "message": "Archiving and deleting are two features.",
         "evidence": {"field": "iWant", "text": "archive and delete invoices", "quoted": false}, "by": "agent"}"""));
    report.putArray("notes").add(JSON.readTree("""
        {"by": "agent", "summary": "Feasible: one batch job.", "notes": "Ten years is the legal minimum."}"""));
    runtimeService.setVariable(instance, "feasibility", SpinValues.jsonValue(report.toString()).create());
    Task review = task(storyId, "Task_ArchitectReview");

    try (WebappSession tasklist = WebappSession.open(port, WIDTH, HEIGHT)) {
      try {
        // when the architect opens the review
        tasklist.loginToTasklist("architect", "demo");
        WebElement form = tasklist.openTaskForm(review.getId(), "Feasibility review");

        // then the agent's findings are listed after Storyflow's, as the agent's, in words, with a
        // quote that is not in the story marked, and the agent's account reads as text
        String text = form.getText();
        assertThat(text).contains("The agent's findings", "not checked by Storyflow; they do not change the verdict",
            "More than one action in one story", "“archive and delete invoices”", "(these words are not in the story)",
            "Should clarify", "Archiving and deleting are two features.",
            "The agent: Feasible: one batch job. Ten years is the legal minimum.");
        assertThat(text.indexOf("The agent's findings")).isGreaterThan(text.indexOf("Feasibility review"));
        assertThat(text).doesNotContain("by=agent", "{by:");
        tasklist.centre(form.findElement(By.xpath(".//strong[text()=\"The agent's findings\"]")));
        tasklist.screenshot("tasklist-agent-findings");
      } catch (RuntimeException | AssertionError e) {
        tasklist.screenshot("tasklist-agent-findings-failed");
        throw e;
      }
    }
  }

  @Test
  void theHistoryTabListsTheComments() throws Exception {
    // given the Draft reviews were decided with comments
    String storyId = draft("Credit notes for returned goods", "a credit note for each return", "refunds are booked");
    decide("architect", task(storyId, "Task_ArchitectReview"), false, "Credit notes need their own number range.");
    decide("security", task(storyId, "Task_SecurityEarlyReview"), true, "Fine from the security side.");
    Task approve = task(storyId, "Task_ApproveDraft");

    try (WebappSession tasklist = WebappSession.open(port, WIDTH, HEIGHT)) {
      try {
        // when the product owner opens the History tab of Approve draft
        tasklist.loginToTasklist("po", "demo");
        tasklist.openTaskForm(approve.getId(), storyId);
        tasklist.wait.until(ExpectedConditions.elementToBeClickable(By.xpath(
            "//a[normalize-space(.) = 'History']"))).click();

        // then it lists the comments so far, each with its author and step
        WebElement history = tasklist.wait.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector(".history-pane")));
        tasklist.wait.until(d -> history.getText().contains("Credit notes need their own number range."));
        assertThat(history.getText()).contains("Architect review · Needs rework: Credit notes need their own number range.",
            "Early security review · Approved: Fine from the security side.", "architect", "security")
            .doesNotContain("There is no history for the task");
        tasklist.screenshot("tasklist-history-comments");
      } catch (RuntimeException | AssertionError e) {
        tasklist.screenshot("tasklist-history-failed");
        throw e;
      }
    }
  }

  @Test
  void planIntoSprintStartsAtTheEstimate() throws Exception {
    // given a story in Backlog with its feasibility estimate
    String storyId = draft("Show the revenue of each product line", "the revenue per product line",
        "we invest where it pays");
    new RestStoryWalker(new HttpTestClient(port)).walkUntilTask(storyId, "Task_PlanIntoSprint");
    Task plan = task(storyId, "Task_PlanIntoSprint");
    int estimate = ((SpinJsonNode) runtimeService.getVariable(plan.getProcessInstanceId(), "feasibility"))
        .prop("estimate").prop("points").numberValue().intValue();

    // and a second open sprint, which will close while the form is open
    String closing = "closing-" + UUID.randomUUID().toString().substring(0, 8);
    HttpTestClient http = new HttpTestClient(port);
    assertThat(http.post("po", "/api/sprints", Map.of("sprintId", closing, "name", "Closing sprint")).status())
        .isEqualTo(201);

    try (WebappSession tasklist = WebappSession.open(port, WIDTH, HEIGHT)) {
      try {
        // when the product owner opens Plan into sprint
        tasklist.loginToTasklist("po", "demo");
        WebElement form = tasklist.openTaskForm(plan.getId(), storyId);
        tasklist.claimFromNotice();

        // then the story points start at the estimate, and the form says where it comes from
        tasklist.wait.until(d -> tasklist.selected(form, "Story points").equals(String.valueOf(estimate)));
        assertThat(form.getText()).contains("Story points start at the estimate of the feasibility review, " + estimate);

        // when the product owner picks the priority and an open sprint and completes
        tasklist.select(form, "Priority", "High");
        tasklist.select(form, "Sprint", "Sprint 7");
        tasklist.screenshot("tasklist-plan-into-sprint");

        // when the product owner picks the other sprint, which closes before Complete
        tasklist.select(form, "Sprint", "Closing sprint");
        assertThat(http.post("po", "/api/sprints/" + closing + "/close", Map.of()).status()).isEqualTo(200);
        WebElement complete = tasklist.completeButton();
        tasklist.wait.until(d -> complete.isEnabled());
        complete.click();

        // then the engine's refusal is shown in words and the Sprint field is marked
        tasklist.wait.until(d -> tasklist.refusedFields(form).stream().anyMatch(label -> label.startsWith("Sprint")));
        assertThat(tasklist.notifications()).contains("sprint must be a sprint that is not closed")
            .doesNotContain("ENGINE-");
        assertThat(form.getText()).contains("sprint must be a sprint that is not closed");
        tasklist.screenshot("tasklist-plan-into-sprint-refused");

        // when the product owner picks the open sprint again and completes
        tasklist.select(form, "Sprint", "Sprint 7");
        tasklist.wait.until(d -> complete.isEnabled());
        // (Tasklist's error message lies over the button bar at 1280 × 720: the click goes to the button itself)
        tasklist.script("arguments[0].click();", complete);

        // then the story, not the finished task, has the estimate as its points
        tasklist.wait.until(d -> taskService.createTaskQuery().taskId(plan.getId()).count() == 0);
        // and the message says it is done, the earlier refusal gone
        tasklist.wait.until(d -> tasklist.notifications().contains(storyId + " · Plan into sprint is completed."));
        assertThat(tasklist.notifications()).doesNotContain("not closed");
        assertThat(runtimeService.getVariable(plan.getProcessInstanceId(), "storyPoints")).isEqualTo(estimate);
        assertThat(runtimeService.getVariable(plan.getProcessInstanceId(), "sprint")).isEqualTo(RestStoryWalker.SPRINT);
      } catch (RuntimeException | AssertionError e) {
        tasklist.screenshot("tasklist-plan-into-sprint-failed");
        throw e;
      }
    }
  }

  @Test
  void withdrawEndsTheStory() throws Exception {
    // given a story the product owner sent to revision
    // ("quickly": the feasibility review finds vague wording in I want)
    String storyId = draft("Pay suppliers by cheque", "suppliers paid by cheque quickly", "old suppliers keep their habits");
    awaitFeasibility(storyId);
    decide("architect", task(storyId, "Task_ArchitectReview"), true, null);
    decide("security", task(storyId, "Task_SecurityEarlyReview"), true, null);
    decide("po", task(storyId, "Task_ApproveDraft"), false, "Nobody pays by cheque any more.");
    Task revise = task(storyId, "Task_ReviseStory");

    try (WebappSession tasklist = WebappSession.open(port, WIDTH, HEIGHT)) {
      try {
        tasklist.loginToTasklist("po", "demo");
        WebElement form = tasklist.openTaskForm(revise.getId(), storyId);
        tasklist.claimFromNotice();

        // then the finding stands beside the field it is about, and not beside another
        assertThat(tasklist.besideField(form, "I want")).contains("Vague wording");
        assertThat(tasklist.besideField(form, "So that")).doesNotContain("Vague wording");

        // when the product owner chooses to withdraw the story, the reason is asked for first
        tasklist.choose(form, "Withdraw the story");
        WebElement complete = tasklist.completeButton();
        tasklist.wait.until(d -> !complete.isEnabled());
        assertThat(tasklist.reasonBesideSubmit()).contains("say why the story is withdrawn");
        tasklist.field(form, "Comment").sendKeys("No customer asked for cheques in three years.");
        tasklist.wait.until(d -> complete.isEnabled());
        tasklist.screenshot("tasklist-withdraw");
        complete.click();

        // then the story ends as withdrawn at its own end event, and its id stays taken
        tasklist.wait.until(d -> runtimeService.createProcessInstanceQuery()
            .processInstanceId(revise.getProcessInstanceId()).count() == 0);
        assertThat(historyService.createHistoricActivityInstanceQuery().processInstanceId(revise.getProcessInstanceId())
            .activityId("EndEvent_StoryWithdrawn").count()).isEqualTo(1);
        assertThat(historyService.createHistoricVariableInstanceQuery().processInstanceId(revise.getProcessInstanceId())
            .variableName("status").singleResult().getValue()).isEqualTo("WITHDRAWN");
        assertThat(new HttpTestClient(port).post("po", "/api/stories", story(storyId, "Pay suppliers by cheque",
            "suppliers paid by cheque quickly", "old suppliers keep their habits")).status()).isEqualTo(409);
      } catch (RuntimeException | AssertionError e) {
        tasklist.screenshot("tasklist-withdraw-failed");
        throw e;
      }
    }
  }

  @Test
  void theStartFormSuggestsTheNextIdOfTheEpicAndConfirmsTheStart() throws Exception {
    // given the epic "billing" has story BL-107
    Map<String, Object> earlier = new java.util.HashMap<>(story("BL-107", "Print invoices in the customer's language",
        "invoices in the customer's language", "customers understand them"));
    earlier.put("epic", "billing");
    assertThat(new HttpTestClient(port).post("po", "/api/stories", earlier).status()).isEqualTo(201);

    try (WebappSession tasklist = WebappSession.open(port, WIDTH, HEIGHT)) {
      try {
        // when the product owner opens the start form and names the epic
        tasklist.loginToTasklist("po", "demo");
        tasklist.wait.until(ExpectedConditions.elementToBeClickable(By.xpath(
            "//a[@ng-click='open()'][contains(normalize-space(.), 'Start process')]"))).click();
        tasklist.wait.until(ExpectedConditions.elementToBeClickable(By.xpath("//a[contains(@ng-click, "
            + "'selectProcessDefinition')][contains(normalize-space(.), 'Story lifecycle')]"))).click();
        WebElement form = tasklist.wait.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector(".modal .fjs-container")));
        // (the form is ready once it has suggested an id for a story without an epic)
        tasklist.wait.until(d -> !tasklist.field(form, "Story id").getDomProperty("value").isEmpty());
        // then the id is the epic's next free one
        // (the epic is typed again if the form re-rendered under the keys while it filled in its suggestion)
        tasklist.wait.until(d -> {
          WebElement epic = tasklist.field(form, "Epic");
          if (!"billing".equals(epic.getDomProperty("value"))) {
            epic.clear();
            epic.sendKeys("billing");
            return false;
          }
          return form.getText().contains("Suggested: BL-108, the next id in epic billing after BL-107");
        });
        assertThat(tasklist.field(form, "Story id").getDomProperty("value")).isEqualTo("BL-108");
        // and Start waits for the statement
        WebElement start = tasklist.browser.findElement(WebappSession.START);
        assertThat(start.isEnabled()).isFalse();
        assertThat(tasklist.reasonBesideSubmit()).contains("Fill in As a, I want and So that");

        // when the product owner writes the story and checks it
        Map<String, String> statement = new java.util.LinkedHashMap<>();
        statement.put("Title", "Send invoices by e-mail");
        statement.put("As a", "billing clerk");
        statement.put("I want", "each invoice sent to the customer's billing address by e-mail");
        statement.put("So that", "no invoice is printed");
        statement.put("Acceptance criteria", "The e-mail carries the invoice as PDF");
        // (a field is typed again if a re-render of the form took keys from it)
        tasklist.wait.until(d -> {
          boolean all = true;
          for (Map.Entry<String, String> entry : statement.entrySet()) {
            WebElement field = tasklist.field(form, entry.getKey());
            if (!entry.getValue().equals(field.getDomProperty("value"))) {
              field.clear();
              field.sendKeys(entry.getValue());
              all = false;
            }
          }
          return all;
        });
        WebElement check = tasklist.browser.findElement(By.cssSelector(".sf-check-panel button.sf-check"));
        tasklist.centre(check);
        check.click();

        // then the feasibility review answers before anything starts
        WebElement result = tasklist.wait.until(d -> d.findElements(By.cssSelector(".sf-check-result .sf-verdict"))
            .stream().findFirst().orElse(null));
        assertThat(result.getText()).startsWith("Feasibility:");
        assertThat(runtimeService.createProcessInstanceQuery().processInstanceBusinessKey("BL-108").count()).isZero();
        tasklist.screenshot("tasklist-start-form");

        // when the product owner starts it, the page says which story started and where it waits
        tasklist.wait.until(d -> start.isEnabled());
        start.click();
        tasklist.wait.until(d -> tasklist.notifications().contains("BL-108 is in Draft, waiting for"));
        assertThat(tasklist.notifications()).contains("BL-108 · Architect review", "BL-108 · Early security review");
        assertThat(runtimeService.createProcessInstanceQuery().processInstanceBusinessKey("BL-108")
            .processDefinitionKey(StoryProcess.KEY).count()).isEqualTo(1);
        tasklist.screenshot("tasklist-story-started");
      } catch (RuntimeException | AssertionError e) {
        tasklist.screenshot("tasklist-start-form-failed");
        throw e;
      }
    }
  }

  /** The entry of "Reviews so far" for a step. */
  private static WebElement review(WebElement form, String step) {
    return form.findElement(By.xpath(".//div[strong[1][normalize-space(.) = '" + step + "']]"));
  }

  /** Complete lies in the page, not under Tasklist's footer: the element at its centre is the button. */
  private static void assertCompleteInView(WebappSession tasklist) {
    Object onTop = tasklist.script("""
        const button = document.querySelector("button[ng-click='complete()']");
        const box = button.getBoundingClientRect();
        const inView = box.top >= 0 && box.bottom <= window.innerHeight;
        return inView && document.elementFromPoint(box.left + box.width / 2, box.top + box.height / 2) === button;""");
    assertThat(onTop).as("Complete is in view at %d × %d", WIDTH, HEIGHT).isEqualTo(true);
  }

  private Map<String, Object> story(String storyId, String title, String iWant, String soThat) {
    return Map.of("storyId", storyId, "title", title, "asA", "accountant", "iWant", iWant, "soThat", soThat,
        "acceptanceCriteria", List.of("Each row names its invoice"), "components", List.of("backend"));
  }

  /** A story in Draft, started by the product owner; stories differ in their words so none is a duplicate. */
  private String draft(String title, String iWant, String soThat) {
    String storyId = "US-" + UUID.randomUUID().toString().substring(0, 8);
    Reply created = new HttpTestClient(port).post("po", "/api/stories", story(storyId, title, iWant, soThat));
    assertThat(created.status()).as(created.body()).isEqualTo(201);
    return storyId;
  }

  private Task task(String storyId, String taskKey) {
    return eventually(() -> taskService.createTaskQuery().processInstanceBusinessKey(storyId)
        .taskDefinitionKey(taskKey).singleResult(), storyId + " waits at " + taskKey);
  }

  private void awaitFeasibility(String storyId) {
    eventually(() -> runtimeService.createVariableInstanceQuery().processInstanceIdIn(
        runtimeService.createProcessInstanceQuery().processInstanceBusinessKey(storyId).singleResult().getId())
        .variableName("feasibility").singleResult(), "the feasibility review of " + storyId);
  }

  /** Claims and completes a task over {@code /engine-rest} as its demo user. */
  private void decide(String user, Task task, boolean approved, String comment) {
    HttpTestClient http = new HttpTestClient(port);
    assertThat(http.post(user, "/engine-rest/task/" + task.getId() + "/claim", Map.of("userId", user)).status())
        .isEqualTo(204);
    Reply completed = http.post(user, "/engine-rest/task/" + task.getId() + "/complete",
        Map.of("variables", TaskDecisions.review(approved, comment)));
    assertThat(completed.status()).as(completed.body()).isEqualTo(204);
  }

  private static <T> T eventually(Supplier<T> value, String what) {
    Instant deadline = Instant.now().plus(Duration.ofSeconds(60));
    while (Instant.now().isBefore(deadline)) {
      T found = value.get();
      if (found != null) {
        return found;
      }
      try {
        Thread.sleep(200);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new IllegalStateException(e);
      }
    }
    throw new AssertionError("Timed out waiting for " + what);
  }
}
