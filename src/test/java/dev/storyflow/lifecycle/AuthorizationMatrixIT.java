package dev.storyflow.lifecycle;

import static dev.storyflow.identity.Role.ADMIN;
import static dev.storyflow.identity.Role.BACKEND_ENGINEER;
import static dev.storyflow.identity.Role.BUSINESS_OWNER;
import static dev.storyflow.identity.Role.CODE_REVIEWER;
import static dev.storyflow.identity.Role.DEVOPS_ENGINEER;
import static dev.storyflow.identity.Role.FRONTEND_ENGINEER;
import static dev.storyflow.identity.Role.PRODUCT_OWNER;
import static dev.storyflow.identity.Role.QA_ENGINEER;
import static dev.storyflow.identity.Role.SECURITY_EXPERT;
import static dev.storyflow.identity.Role.SYSTEM_ARCHITECT;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.storyflow.HttpTestClient;
import dev.storyflow.HttpTestClient.Reply;
import dev.storyflow.identity.Role;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.stream.Collectors;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.history.HistoricTaskInstance;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.model.bpmn.instance.UserTask;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.ActiveProfiles;

/**
 * Who may do what on every user task of the story process, over real HTTP on {@code /engine-rest}
 * as each demo user (design section 4): only the task's candidate groups, or an admin, read its
 * variables, claim it and complete it; only an admin sets variables outside a completion. Every
 * refusal is a 403 and changes nothing. Each cell of the matrix runs on a fresh story started right
 * at its task, so no cell depends on another, and every mismatch is collected before the test fails.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
    "spring.datasource.url=jdbc:h2:mem:storyflow-authorization-matrix;DB_CLOSE_DELAY=-1",
    "camunda.bpm.generate-unique-process-engine-name=false",
    "camunda.bpm.generic-properties.properties.login-delay-base=0"})
@ActiveProfiles("test")
@DirtiesContext
class AuthorizationMatrixIT {

  private static final Logger LOG = LoggerFactory.getLogger(AuthorizationMatrixIT.class);
  private static final ObjectMapper JSON = new ObjectMapper();
  /** Cells are independent (a story each), so a few run at once to keep the matrix quick. */
  private static final int PARALLEL_CELLS = 4;

  /**
   * The matrix: each user task with the groups that work on it (design section 3) and what a
   * story needs to wait there and to leave it. The users are every demo user, the operations every
   * {@link Operation}.
   */
  private static final List<Row> MATRIX = List.of(
      row(StoryTask.ARCHITECT_REVIEW, Set.of(SYSTEM_ARCHITECT)),
      row(StoryTask.SECURITY_EARLY_REVIEW, Set.of(SECURITY_EXPERT)),
      row(StoryTask.FRONTEND_FEASIBILITY, Set.of(FRONTEND_ENGINEER), frontend()),
      row(StoryTask.APPROVE_DRAFT, Set.of(PRODUCT_OWNER)),
      row(StoryTask.REVISE_STORY, Set.of(PRODUCT_OWNER)),
      row(StoryTask.PLAN_INTO_SPRINT, Set.of(PRODUCT_OWNER)),
      row(StoryTask.FRONTEND_IMPLEMENT, Set.of(FRONTEND_ENGINEER), frontend()),
      row(StoryTask.CODE_REVIEW, Set.of(CODE_REVIEWER)),
      row(StoryTask.INTEGRATION_TEST, Set.of(QA_ENGINEER)),
      row(StoryTask.E2E_TEST, Set.of(QA_ENGINEER)),
      row(StoryTask.PO_REVIEW, Set.of(PRODUCT_OWNER)),
      row(StoryTask.SECURITY_REVIEW, Set.of(SECURITY_EXPERT)),
      row(StoryTask.CONFIGURE_DEVOPS, Set.of(DEVOPS_ENGINEER)),
      // the team's workflow gives UAT to the product owner, who may hand it to a business owner
      row(StoryTask.UAT, Set.of(BUSINESS_OWNER, PRODUCT_OWNER)),
      // the human backend engineer did the implementation plan; the plan's gate then runs again
      row(StoryTask.BACKEND_ENGINEER_FALLBACK, Set.of(BACKEND_ENGINEER), Map.of(
          "status", Status.PLANNED_IN_SPRINT.name(), "fallbackStep", "plan",
          "fallbackReason", "No agent configured for step 'plan'")));

  /** What a user tries on a task, each over {@code /engine-rest}. */
  enum Operation {
    /** {@code POST /task/{id}/complete} with a valid decision for the task. */
    COMPLETE,
    /** {@code POST /task/{id}/claim} for oneself. */
    CLAIM,
    /** {@code PUT /task/{id}/variables/status} and {@code POST /task/{id}/variables} with modifications. */
    SET_VARIABLE,
    /** {@code GET /task/{id}/variables}. */
    READ_VARIABLES;

    boolean allowed(Row row, Role user) {
      if (user == ADMIN) {
        return true;
      }
      // variables change only by completing a task, even for the task's own group
      return this != SET_VARIABLE && row.candidates().contains(user);
    }

    int success() {
      return this == READ_VARIABLES ? 200 : 204;
    }
  }

  /** One task of the matrix: who may work on it, the variables a story waiting there needs. */
  record Row(StoryTask task, Set<Role> candidates, Map<String, Object> startVariables) {
  }

  /** The answer a user got for one operation on one task, and what was wrong with it. */
  record Cell(Row row, Role user, Operation operation, String answer, List<String> problems) {

    String describe() {
      return String.format("%-28s %-10s %-15s expected %s, got %s: %s", row.task().id(), user.demoUser(),
          operation, operation.allowed(row, user) ? operation.success() : 403, answer, String.join("; ", problems));
    }
  }

  @LocalServerPort
  int port;

  @Autowired
  ProcessEngine engine;

  @Autowired
  RepositoryService repositoryService;

  @Autowired
  RuntimeService runtimeService;

  @Autowired
  TaskService taskService;

  @Autowired
  HistoryService historyService;

  HttpTestClient http;
  HttpClient rawHttp;
  StoryDriver driver;

  @BeforeEach
  void setUp() {
    http = new HttpTestClient(port);
    rawHttp = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    driver = new StoryDriver(engine);
  }

  @Test
  void matrixCoversEveryUserTaskOfTheStoryProcess() {
    String definitionId = repositoryService.createProcessDefinitionQuery().processDefinitionKey(StoryProcess.KEY)
        .latestVersion().singleResult().getId();
    List<String> userTasks = repositoryService.getBpmnModelInstance(definitionId).getModelElementsByType(UserTask.class)
        .stream().map(UserTask::getId).sorted().toList();

    assertThat(MATRIX.stream().map(row -> row.task().id()).sorted().toList()).isEqualTo(userTasks);
    assertThat(MATRIX.stream().map(Row::task).toList()).containsExactlyInAnyOrder(StoryTask.values());
  }

  @Test
  void everyUserMayDoOnEveryTaskOnlyWhatItsGroupAllows() {
    // given a fresh story at the task for every cell; when each demo user tries each operation
    long started = System.nanoTime();
    List<Future<Cell>> running = new ArrayList<>();
    List<Cell> cells;
    ExecutorService workers = Executors.newFixedThreadPool(PARALLEL_CELLS);
    try {
      for (Row row : MATRIX) {
        for (Role user : Role.values()) {
          for (Operation operation : Operation.values()) {
            running.add(workers.submit(() -> runSafely(row, user, operation)));
          }
        }
      }
      cells = running.stream().map(AuthorizationMatrixIT::result).toList();
    } finally {
      workers.shutdownNow();
    }
    LOG.info("Ran {} cells in {} ms", cells.size(), (System.nanoTime() - started) / 1_000_000);

    // then every cell answers as the design says, and refusals change nothing
    List<String> wrong = cells.stream().filter(cell -> !cell.problems().isEmpty()).map(Cell::describe).toList();
    String table = table(cells);
    LOG.info("Authorization matrix, outcomes {}:{}", outcomes(cells), wrong.isEmpty() ? table : " see the failure");
    assertThat(wrong)
        .as("%d of %d cells are not as expected; the answers (* = not as expected):%n%s", wrong.size(), cells.size(),
            table)
        .isEmpty();
  }

  @ParameterizedTest(name = "{0}")
  @ValueSource(strings = {"complete", "submit-form"})
  void completionByTheRightGroupWithAFieldTheTaskDoesNotAcceptIsRefusedNamingIt(String door) {
    // given
    Row row = MATRIX.stream().filter(r -> r.task() == StoryTask.CODE_REVIEW).findFirst().orElseThrow();
    ProcessInstance story = driver.startAt(row.task().id(), row.startVariables());
    Task task = openTask(story, row.task());
    Map<String, Object> before = runtimeService.getVariables(story.getId());
    Map<String, Object> variables = new LinkedHashMap<>(decision(row.task(), "reviewer"));
    variables.put("status", typed("DONE", "String"));

    // when
    Reply reply = http.post("reviewer", "/engine-rest/task/" + task.getId() + "/" + door,
        Map.of("variables", variables));

    // then
    assertThat(reply.status()).as(reply.body()).isEqualTo(400);
    assertThat(reply.json().path("message").asText()).contains("status");
    assertThat(reply.json().path("errors").findValuesAsText("field")).containsExactly("status");
    assertThat(reply.body()).doesNotContain("at org.camunda").doesNotContain("at dev.storyflow");
    assertThat(untouched(story, task, before)).isEmpty();
  }

  // ------------------------------------------------------------------ one cell

  /** A cell that cannot be run (no story, no task, no answer) is a wrong cell like any other. */
  private Cell runSafely(Row row, Role user, Operation operation) {
    try {
      return run(row, user, operation);
    } catch (RuntimeException | AssertionError e) {
      return new Cell(row, user, operation, "error", List.of("could not run the cell: " + e));
    }
  }

  private Cell run(Row row, Role user, Operation operation) {
    ProcessInstance story = driver.startAt(row.task().id(), row.startVariables());
    Task task = openTask(story, row.task());
    Map<String, Object> before = runtimeService.getVariables(story.getId());
    boolean allowed = operation.allowed(row, user);
    String name = user.demoUser();
    String path = "/engine-rest/task/" + task.getId();
    List<String> problems = new ArrayList<>();
    List<Integer> answers = new ArrayList<>();

    switch (operation) {
      case COMPLETE -> {
        Reply reply = http.post(name, path + "/complete", Map.of("variables", decision(row.task(), name)));
        answers.add(expect(reply, allowed ? 204 : 403, problems));
        if (allowed && reply.status() == 204) {
          problems.addAll(completed(task));
        }
      }
      case CLAIM -> {
        Reply reply = http.post(name, path + "/claim", Map.of("userId", name));
        answers.add(expect(reply, allowed ? 204 : 403, problems));
        if (allowed && reply.status() == 204) {
          String assignee = taskService.createTaskQuery().taskId(task.getId()).singleResult().getAssignee();
          if (!name.equals(assignee)) {
            problems.add("task assigned to " + assignee + " after the claim");
          }
        }
      }
      case SET_VARIABLE -> {
        Reply put = put(name, path + "/variables/status", typed("DONE", "String"));
        answers.add(expect(put, allowed ? 204 : 403, problems));
        Reply modify = http.post(name, path + "/variables",
            Map.of("modifications", Map.of("priority", typed("CRITICAL", "String"))));
        answers.add(expect(modify, allowed ? 204 : 403, problems));
        if (allowed) {
          expectVariable(story, "status", "DONE", problems);
          expectVariable(story, "priority", "CRITICAL", problems);
        }
      }
      case READ_VARIABLES -> {
        Reply reply = http.get(name, path + "/variables");
        answers.add(expect(reply, allowed ? 200 : 403, problems));
        String storyId = story.getBusinessKey();
        if (reply.status() == 200 && !storyId.equals(reply.json().path("storyId").path("value").asText())) {
          problems.add("the variables read do not show the story: " + abbreviate(reply.body()));
        }
        if (reply.status() != 200 && reply.body().contains(storyId)) {
          problems.add("the refusal shows the story's data: " + abbreviate(reply.body()));
        }
      }
      default -> throw new IllegalStateException(operation.name());
    }
    if (!allowed || operation == Operation.READ_VARIABLES) {
      problems.addAll(untouched(story, task, before));
    }
    String answer = answers.stream().map(String::valueOf).collect(Collectors.joining("/"));
    return new Cell(row, user, operation, answer, problems);
  }

  /** A cell's outcome, waited for. */
  private static Cell result(Future<Cell> cell) {
    try {
      return cell.get(2, TimeUnit.MINUTES);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    } catch (ExecutionException | TimeoutException e) {
      throw new IllegalStateException("A cell of the matrix could not be run", e);
    }
  }

  private static int expect(Reply reply, int expected, List<String> problems) {
    if (reply.status() != expected) {
      problems.add("HTTP " + reply.status() + " " + abbreviate(reply.body()));
    }
    return reply.status();
  }

  /** After a refused or read-only call: the task is still open and unassigned, no variable changed. */
  private List<String> untouched(ProcessInstance story, Task task, Map<String, Object> before) {
    List<String> problems = new ArrayList<>();
    Task now = taskService.createTaskQuery().taskId(task.getId()).singleResult();
    if (now == null) {
      problems.add("the task is no longer open");
      return problems;
    }
    if (now.getAssignee() != null) {
      problems.add("the task is assigned to " + now.getAssignee());
    }
    Map<String, Object> after = runtimeService.getVariables(story.getId());
    if (!after.equals(before)) {
      problems.add("variables changed: " + difference(before, after));
    }
    return problems;
  }

  private List<String> completed(Task task) {
    if (taskService.createTaskQuery().taskId(task.getId()).count() > 0) {
      return List.of("the task is still open after the completion");
    }
    HistoricTaskInstance done = historyService.createHistoricTaskInstanceQuery().taskId(task.getId()).singleResult();
    return "completed".equals(done.getDeleteReason()) ? List.of()
        : List.of("the task ended as '" + done.getDeleteReason() + "', not completed");
  }

  private void expectVariable(ProcessInstance story, String name, Object expected, List<String> problems) {
    Object actual = runtimeService.getVariable(story.getId(), name);
    if (!expected.equals(actual)) {
      problems.add(name + " is " + actual + ", not " + expected);
    }
  }

  private Task openTask(ProcessInstance story, StoryTask storyTask) {
    Task task = taskService.createTaskQuery().processInstanceId(story.getId())
        .taskDefinitionKey(storyTask.id()).singleResult();
    assertThat(task).as("%s open for %s", storyTask.id(), story.getBusinessKey()).isNotNull();
    return task;
  }

  // ------------------------------------------------------------------ the matrix's data

  private static Row row(StoryTask task, Set<Role> candidates) {
    return row(task, candidates, Map.of());
  }

  private static Row row(StoryTask task, Set<Role> candidates, Map<String, Object> more) {
    Map<String, Object> variables = new HashMap<>();
    if (task.status() != null) {
      variables.put("status", task.status().name());
    }
    variables.putAll(more);
    return new Row(task, EnumSet.copyOf(candidates), Map.copyOf(variables));
  }

  private static Map<String, Object> frontend() {
    return Map.of("components", "backend,frontend", "frontendInvolved", true);
  }

  /**
   * A valid decision for the task, in {@code /engine-rest}'s variable format. Approvals carry a
   * comment: a guard whose evidence (feasibility, securityScan, deployment) is missing fails
   * closed, which makes approving an override that needs one.
   */
  private static Map<String, Object> decision(StoryTask task, String user) {
    Map<String, Object> variables = new LinkedHashMap<>();
    switch (task.decisionKind()) {
      case OPINION, REVIEW, SECURITY_REVIEW -> variables.put("approved", typed(true, "Boolean"));
      case PLANNING -> {
        variables.put("priority", typed("HIGH", "String"));
        variables.put("storyPoints", typed(5, "Integer"));
        variables.put("sprint", typed(dev.storyflow.sprint.TestSprints.STARTED, "String"));
      }
      case REVISION -> variables.put("title", typed("Reset a forgotten password by email", "String"));
      case WORK, FALLBACK -> {
        // the comment alone says the work is done
      }
      default -> throw new IllegalStateException(task.decisionKind().name());
    }
    variables.put("comment", typed("Done by " + user + " in the authorization matrix", "String"));
    return variables;
  }

  private static Map<String, Object> typed(Object value, String type) {
    return Map.of("value", value, "type", type);
  }

  // ------------------------------------------------------------------ HTTP PUT (not in HttpTestClient)

  private Reply put(String user, String path, Object body) {
    String json;
    try {
      json = JSON.writeValueAsString(body);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    HttpRequest request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
        .header("Authorization", "Basic " + Base64.getEncoder()
            .encodeToString((user + ":demo").getBytes(StandardCharsets.UTF_8)))
        .header("Content-Type", "application/json")
        .timeout(Duration.ofSeconds(30))
        .PUT(HttpRequest.BodyPublishers.ofString(json, StandardCharsets.UTF_8))
        .build();
    try {
      HttpResponse<String> response = rawHttp.send(request, HttpResponse.BodyHandlers.ofString());
      return new Reply(response.statusCode(), response.body(), response);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  // ------------------------------------------------------------------ report

  /** One grid per operation: a row per task, a column per user, the HTTP answers; {@code *} marks a wrong cell. */
  private static String table(List<Cell> cells) {
    StringBuilder out = new StringBuilder();
    for (Operation operation : Operation.values()) {
      out.append(String.format("%n%s (allowed: %d, else 403)%n%-29s", operation, operation.success(), "task"));
      Arrays.stream(Role.values()).forEach(user -> out.append(String.format("%-10s", user.demoUser())));
      out.append('\n');
      for (Row row : MATRIX) {
        out.append(String.format("%-29s", row.task().id()));
        for (Role user : Role.values()) {
          Cell cell = cells.stream()
              .filter(c -> c.row() == row && c.user() == user && c.operation() == operation)
              .findFirst().orElseThrow();
          out.append(String.format("%-10s", cell.answer() + (cell.problems().isEmpty() ? "" : "*")));
        }
        out.append('\n');
      }
    }
    return out.toString();
  }

  private static Map<String, Long> outcomes(List<Cell> cells) {
    return cells.stream().collect(Collectors.groupingBy(
        cell -> cell.operation() + " " + cell.answer() + (cell.problems().isEmpty() ? "" : " (wrong)"),
        TreeMap::new, Collectors.counting()));
  }

  private static String difference(Map<String, Object> before, Map<String, Object> after) {
    Map<String, String> changes = new TreeMap<>();
    before.forEach((name, value) -> {
      if (!after.containsKey(name)) {
        changes.put(name, "removed");
      } else if (!Objects.equals(value, after.get(name))) {
        changes.put(name, value + " -> " + after.get(name));
      }
    });
    after.forEach((name, value) -> {
      if (!before.containsKey(name)) {
        changes.put(name, "added " + value);
      }
    });
    return changes.toString();
  }

  private static String abbreviate(String body) {
    return body == null || body.length() <= 300 ? body : body.substring(0, 300) + "...";
  }
}
