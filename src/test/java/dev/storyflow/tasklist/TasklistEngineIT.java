package dev.storyflow.tasklist;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.storyflow.HttpTestClient;
import dev.storyflow.HttpTestClient.Reply;
import dev.storyflow.RestStoryWalker;
import dev.storyflow.TaskDecisions;
import dev.storyflow.WebappClient;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.camunda.bpm.engine.FilterService;
import org.camunda.bpm.engine.FormService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;
import org.camunda.spin.json.SpinJsonNode;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.ActiveProfiles;

/**
 * What the engine does for Tasklist, over real HTTP: a task names its story and carries the reviews
 * so far and the story's comments; a team role reads the story variables its filter shows and
 * nothing more; a candidate reads its task's history; a value a form shows first (the estimate,
 * the components) never takes the place of what a completion sends.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
    "spring.datasource.url=jdbc:h2:mem:storyflow-tasklist-engine;DB_CLOSE_DELAY=-1",
    "camunda.bpm.generate-unique-process-engine-name=false",
    "camunda.bpm.job-execution.enabled=true"})
@ActiveProfiles("test")
@DirtiesContext
class TasklistEngineIT {

  @LocalServerPort
  int port;
  @Autowired
  TaskService taskService;
  @Autowired
  RuntimeService runtimeService;
  @Autowired
  FilterService filterService;
  @Autowired
  FormService formService;

  @Test
  void aTaskNamesItsStoryAndCarriesTheReviewsAndCommentsSoFar() throws Exception {
    // given the architect objected and the security expert approved, each with a comment
    String storyId = startStory("Sign invoices electronically", "invoices signed electronically", "no paper");
    decide("architect", task(storyId, "Task_ArchitectReview"), false, "Which signature standard?");
    decide("security", task(storyId, "Task_SecurityEarlyReview"), true, "Keys live in the HSM.");

    // when Approve draft is created
    Task approve = task(storyId, "Task_ApproveDraft");

    // then it names the story and says what it is about
    assertThat(approve.getName()).isEqualTo(storyId + " · Approve draft");
    assertThat(approve.getDescription()).contains(storyId, "Sign invoices electronically", "Draft", "Product owner");
    // and its form (as Tasklist reads it, over HTTP) shows the reviews so far: both opinions in words,
    // the objection open
    Reply form = new HttpTestClient(port).get("po", "/engine-rest/task/" + approve.getId() + "/form-variables");
    assertThat(form.status()).as(form.body()).isEqualTo(200);
    assertThat(form.json().path("reviews").path("type").asText()).isEqualTo("Json");
    JsonNode reviews = new com.fasterxml.jackson.databind.ObjectMapper().readTree(
        form.json().path("reviews").path("value").asText());
    assertThat(reviews).hasSize(2);
    assertThat(reviews.get(0).path("step").asText()).isEqualTo("Architect review");
    assertThat(reviews.get(0).path("role").asText()).isEqualTo("System architect");
    assertThat(reviews.get(0).path("decision").asText()).isEqualTo("Needs rework");
    assertThat(reviews.get(0).path("comment").asText()).isEqualTo("Which signature standard?");
    assertThat(reviews.get(0).path("by").asText()).isEqualTo("architect");
    assertThat(reviews.get(0).path("open").asBoolean()).isTrue();
    assertThat(reviews.get(1).path("decision").asText()).isEqualTo("Approved");
    assertThat(reviews.get(1).path("open").asBoolean()).isFalse();
    // and the comments are on the task for its History tab, with their authors, and on the story once
    assertThat(taskService.getTaskComments(approve.getId())).extracting(c -> c.getUserId() + ": " + c.getFullMessage())
        .containsExactlyInAnyOrder("architect: Architect review · Needs rework: Which signature standard?",
            "security: Early security review · Approved: Keys live in the HSM.");
    assertThat(taskService.getProcessInstanceComments(approve.getProcessInstanceId())).hasSize(2);
    // and none of it is stored on the task: the form and the History tab read the story
    assertThat(taskService.getVariablesLocal(approve.getId())).isEmpty();
    // and a decision taken after the task was created shows at once (here: a comment added by hand)
    taskService.createComment(approve.getId(), approve.getProcessInstanceId(), "The HSM is booked.");
    assertThat(taskService.getTaskComments(approve.getId())).extracting(c -> c.getFullMessage())
        .startsWith("The HSM is booked.").hasSize(3);
  }

  @Test
  void anEndedTaskListsTheCommentsUpToItsEndAndItsOwn() {
    // given the architect objected and the security expert approved, then the product owner decided
    String storyId = startStory("Archive signed invoices", "signed invoices archived", "auditors find them");
    Task architect = task(storyId, "Task_ArchitectReview");
    decide("architect", architect, false, "Which archive?");
    decide("security", task(storyId, "Task_SecurityEarlyReview"), true, "Encrypted at rest.");
    decide("po", task(storyId, "Task_ApproveDraft"), false, "Name the archive.");

    // then the architect's ended review lists its own comment only (nothing was said before it ended)
    assertThat(taskService.getTaskComments(architect.getId())).extracting(c -> c.getFullMessage())
        .containsExactly("Which archive?");
    // and the task that came after them lists all three, newest first
    Task revise = task(storyId, "Task_ReviseStory");
    assertThat(taskService.getTaskComments(revise.getId())).extracting(c -> c.getFullMessage()).containsExactly(
        "Approve draft · Sent to revision: Name the archive.", "Early security review · Approved: Encrypted at rest.",
        "Architect review · Needs rework: Which archive?");
  }

  @Test
  void aTeamRoleReadsTheStoryVariablesOfItsFilterAndNoMoreOfTheInstance() {
    // given a story waiting for the architect
    String storyId = startStory("Group invoices by cost centre", "invoices grouped by cost centre", "budgets match");
    Task review = task(storyId, "Task_ArchitectReview");
    HttpTestClient http = new HttpTestClient(port);
    String filter = filterService.createFilterQuery().filterName("System architect tasks").singleResult().getId();

    // when the architect lists the filter as Tasklist does
    Reply list = WebappClient.session(port, "architect").engineHal("/filter/" + filter + "/list?firstResult=0"
        + "&maxResults=50", "{}");

    // then the story's task comes with its name and the story's id, title and status
    assertThat(list.status()).as(list.body()).isEqualTo(200);
    JsonNode listed = null;
    for (JsonNode t : list.json().path("_embedded").path("task")) {
      if (t.path("id").asText().equals(review.getId())) {
        listed = t;
      }
    }
    assertThat(listed).as("the architect's filter lists the review").isNotNull();
    assertThat(listed.path("name").asText()).isEqualTo(storyId + " · Architect review");
    Map<String, String> columns = new java.util.HashMap<>();
    listed.path("_embedded").path("variable").forEach(v -> columns.put(v.path("name").asText(), v.path("value").asText()));
    assertThat(columns).containsEntry("storyId", storyId).containsEntry("title", "Group invoices by cost centre")
        .containsEntry("status", "DRAFT");

    // and nothing more of the instance: not the instance, not its history, not another role's task
    String instance = review.getProcessInstanceId();
    assertThat(http.get("architect", "/engine-rest/process-instance/" + instance).status()).isEqualTo(404);
    assertThat(http.get("architect", "/engine-rest/process-instance?processInstanceIds=" + instance).json()).isEmpty();
    assertThat(http.get("architect", "/engine-rest/history/process-instance?processInstanceId=" + instance).json())
        .isEmpty();
    assertThat(http.get("architect", "/engine-rest/task?processInstanceId=" + instance).json())
        .extracting(t -> t.path("taskDefinitionKey").asText()).containsExactly("Task_ArchitectReview");
    assertThat(http.get("architect", "/engine-rest/task/" + task(storyId, "Task_SecurityEarlyReview").getId()
        + "/variables").status()).isEqualTo(403);
    // and variables still change only by completing a task
    assertThat(http.put("architect", "/engine-rest/process-instance/" + instance + "/variables/title",
        Map.of("value", "Another title")).status()).isEqualTo(403);
    assertThat(runtimeService.getVariable(instance, "title")).isEqualTo("Group invoices by cost centre");
  }

  @Test
  void theCandidatesReadTheirTasksHistoryAndOthersDoNot() {
    // given a task of the architect
    String storyId = startStory("Lock booked periods", "booked periods locked", "nobody changes the past");
    Task review = task(storyId, "Task_ArchitectReview");
    HttpTestClient http = new HttpTestClient(port);

    // then its candidates read its comments and operations (Tasklist's History tab), others do not
    assertThat(http.get("architect", "/engine-rest/task/" + review.getId() + "/comment").status()).isEqualTo(200);
    assertThat(http.get("architect", "/engine-rest/history/user-operation?taskId=" + review.getId()).status())
        .isEqualTo(200);
    assertThat(http.get("qa", "/engine-rest/task/" + review.getId() + "/comment").status()).isEqualTo(404);
    assertThat(http.get("qa", "/engine-rest/history/task?taskId=" + review.getId()).json()).isEmpty();
  }

  @Test
  void planIntoSprintOffersTheEstimateButTheCompletionDecides() {
    // given a story in Backlog
    String storyId = startStory("Warn before a credit limit is reached", "a warning before the credit limit",
        "sales calls the customer in time");
    HttpTestClient http = new HttpTestClient(port);
    new RestStoryWalker(http).walkUntilTask(storyId, "Task_PlanIntoSprint");
    Task plan = task(storyId, "Task_PlanIntoSprint");
    int estimate = ((SpinJsonNode) runtimeService.getVariable(plan.getProcessInstanceId(), "feasibility"))
        .prop("estimate").prop("points").numberValue().intValue();

    // then the task's form offers the estimate as its story points, and the story has none yet
    assertThat(formPoints(plan)).isEqualTo(StoryPointScale.atLeast(estimate));
    assertThat(runtimeService.getVariable(plan.getProcessInstanceId(), "storyPoints")).isNull();

    // when a completion sends no story points, it is refused: the suggestion is not a decision
    Reply without = http.post("po", "/engine-rest/task/" + plan.getId() + "/complete", Map.of("variables", Map.of(
        "priority", Map.of("value", "LOW"), "sprint", Map.of("value", RestStoryWalker.SPRINT))));
    assertThat(without.status()).as(without.body()).isEqualTo(400);
    assertThat(without.body()).contains("storyPoints");
    assertThat(formPoints(plan)).isEqualTo(StoryPointScale.atLeast(estimate));

    // when an API client sends other points, they are the story's, not the suggestion
    Reply sent = http.post("po", "/engine-rest/task/" + plan.getId() + "/complete", Map.of("variables", Map.of(
        "priority", Map.of("value", "LOW"), "sprint", Map.of("value", RestStoryWalker.SPRINT),
        "storyPoints", Map.of("value", 40, "type", "Integer"))));
    assertThat(sent.status()).as(sent.body()).isEqualTo(204);
    assertThat(runtimeService.getVariable(plan.getProcessInstanceId(), "storyPoints")).isEqualTo(40);
  }

  @Test
  void pointsChosenInTasklistReachTheStory() {
    // given a story in Backlog, its Plan into sprint claimed in Tasklist
    String storyId = startStory("Show days sales outstanding", "the days sales outstanding per month",
        "finance sees cash coming");
    new RestStoryWalker(new HttpTestClient(port)).walkUntilTask(storyId, "Task_PlanIntoSprint");
    Task plan = task(storyId, "Task_PlanIntoSprint");
    WebappClient po = WebappClient.session(port, "po");
    po.engine("POST", "/task/" + plan.getId() + "/claim", "{\"userId\": \"po\"}");

    // when the form submits 13 points (Tasklist writes into the task's own variable of that name)
    Reply submitted = po.engine("POST", "/task/" + plan.getId() + "/submit-form", "{\"variables\": {"
        + "\"approved\": {\"value\": true}, \"priority\": {\"value\": \"HIGH\"}, \"storyPoints\": {\"value\": 13}, "
        + "\"sprint\": {\"value\": \"" + RestStoryWalker.SPRINT + "\"}}}");

    // then the story has 13 points
    assertThat(submitted.status()).as(submitted.body()).isEqualTo(204);
    assertThat(runtimeService.getVariable(plan.getProcessInstanceId(), "storyPoints")).isEqualTo(13);
  }

  @Test
  void reviseStoryShowsTheComponentsAsCheckboxesAndKeepsTheStorysForm() {
    // given a story sent to revision
    String storyId = startStory("Post invoices to the customer portal", "invoices posted to the customer portal",
        "customers find them");
    decide("architect", task(storyId, "Task_ArchitectReview"), true, null);
    decide("security", task(storyId, "Task_SecurityEarlyReview"), true, null);
    decide("po", task(storyId, "Task_ApproveDraft"), false, "The portal has a frontend part.");
    Task revise = task(storyId, "Task_ReviseStory");

    // then the form's checkboxes get the components as a list, and the story keeps its comma list
    assertThat(formService.getTaskFormVariables(revise.getId()).getValue("components", Object.class).toString())
        .isEqualTo("[\"backend\"]");
    assertThat(runtimeService.getVariable(revise.getProcessInstanceId(), "components")).isEqualTo("backend");

    // when the product owner ticks frontend too and resubmits in Tasklist
    WebappClient po = WebappClient.session(port, "po");
    po.engine("POST", "/task/" + revise.getId() + "/claim", "{\"userId\": \"po\"}");
    Reply submitted = po.engine("POST", "/task/" + revise.getId() + "/submit-form", "{\"variables\": {"
        + "\"title\": {\"value\": \"Post invoices to the customer portal\"}, \"components\": {\"value\": "
        + "\"[\\\"backend\\\",\\\"frontend\\\"]\", \"type\": \"Json\"}, \"withdraw\": {\"value\": false}}}");

    // then the story's components are the comma list they always are, and the frontend reviews follow
    assertThat(submitted.status()).as(submitted.body()).isEqualTo(204);
    assertThat(runtimeService.getVariable(revise.getProcessInstanceId(), "components")).isEqualTo("backend,frontend");
    assertThat(task(storyId, "Task_FrontendFeasibility")).isNotNull();
  }

  @Test
  void planIntoSprintListsTheOpenSprintsWhenItsFormIsRead() {
    // given a story waiting at Plan into sprint
    String storyId = startStory("Export the dunning list", "the dunning list as a file", "collections starts sooner");
    HttpTestClient http = new HttpTestClient(port);
    new RestStoryWalker(http).walkUntilTask(storyId, "Task_PlanIntoSprint");
    Task plan = task(storyId, "Task_PlanIntoSprint");

    // when a sprint is created after the task was
    String sprintId = "sprint-" + UUID.randomUUID().toString().substring(0, 6);
    assertThat(http.post("po", "/api/sprints", Map.of("sprintId", sprintId, "name", "Late sprint")).status())
        .isEqualTo(201);

    // then the form, read over HTTP as Tasklist does, offers it; asked for other names only, it does not
    Reply form = http.get("po", "/engine-rest/task/" + plan.getId() + "/form-variables");
    assertThat(form.status()).as(form.body()).isEqualTo(200);
    assertThat(form.json().path("sprintOptions").path("value").asText()).contains(sprintId, "Late sprint");
    Reply named = http.get("po", "/engine-rest/task/" + plan.getId() + "/form-variables?variableNames=title");
    assertThat(named.json().has("sprintOptions")).isFalse();
    assertThat(named.json().path("title").path("value").asText()).isEqualTo("Export the dunning list");
    // and someone who may not read the task gets no form at all
    assertThat(http.get("qa", "/engine-rest/task/" + plan.getId() + "/form-variables").status()).isIn(403, 404);
  }

  private Object formPoints(Task task) {
    return formService.getTaskFormVariables(task.getId()).getValue("storyPoints", Object.class);
  }

  private String startStory(String title, String iWant, String soThat) {
    String storyId = "US-" + UUID.randomUUID().toString().substring(0, 8);
    Reply created = new HttpTestClient(port).post("po", "/api/stories", Map.of("storyId", storyId, "title", title,
        "asA", "accountant", "iWant", iWant, "soThat", soThat, "acceptanceCriteria", List.of("Each row names its invoice"),
        "components", List.of("backend")));
    assertThat(created.status()).as(created.body()).isEqualTo(201);
    return storyId;
  }

  private void decide(String user, Task task, boolean approved, String comment) {
    HttpTestClient http = new HttpTestClient(port);
    http.post(user, "/engine-rest/task/" + task.getId() + "/claim", Map.of("userId", user));
    Reply completed = http.post(user, "/engine-rest/task/" + task.getId() + "/complete",
        Map.of("variables", TaskDecisions.review(approved, comment)));
    assertThat(completed.status()).as(completed.body()).isEqualTo(204);
  }

  private Task task(String storyId, String key) {
    Instant deadline = Instant.now().plus(Duration.ofSeconds(60));
    while (Instant.now().isBefore(deadline)) {
      Task task = taskService.createTaskQuery().processInstanceBusinessKey(storyId).taskDefinitionKey(key)
          .singleResult();
      if (task != null) {
        return task;
      }
      try {
        Thread.sleep(200);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new IllegalStateException(e);
      }
    }
    throw new AssertionError(storyId + " never reached " + key);
  }
}
