package dev.storyflow.agent;

import static dev.storyflow.lifecycle.StoryDriver.approve;
import static dev.storyflow.lifecycle.StoryDriver.plan;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.complete;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.task;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.storyflow.HttpTestClient;
import dev.storyflow.HttpTestClient.Reply;
import dev.storyflow.lifecycle.StoryDriver;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Stream;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.runtime.Incident;
import org.camunda.bpm.engine.externaltask.ExternalTask;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.util.FileSystemUtils;

/**
 * The {@code command} agent with real processes: a small Python agent plays each case (valid
 * result, Claude Code envelope, non-zero exit, timeout, flood of output, invalid JSON, a result
 * failing the schema, {@code is_error}, needs a human, budget) and the story's process outcome is
 * checked. Jobs are run by hand.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
    "spring.datasource.url=jdbc:h2:mem:storyflow-agent;DB_CLOSE_DELAY=-1",
    "camunda.bpm.generate-unique-process-engine-name=false",
    "storyflow.agent.agent=command",
    "storyflow.agent.timeout=8s",
    "storyflow.agent.retries=2",
    "storyflow.agent.retry-delay=1s",
    "storyflow.agent.budget-usd=1",
    "storyflow.agent.output-limit=64KB",
    "storyflow.agent.steps.deployment.command=/nonexistent/agent-cli,{workOrderFile}"})
@ActiveProfiles("test")
@DirtiesContext
class CommandAgentIT {

  static final TestAgent AGENT = TestAgent.inNewDirectory();
  static final String PWNED = "storyflow-pwned";
  static final ObjectMapper JSON = new ObjectMapper();

  @DynamicPropertySource
  static void agent(DynamicPropertyRegistry registry) {
    registry.add("storyflow.agent.command", AGENT::command);
    registry.add("storyflow.workspace.root", () -> AGENT.state().resolve("workspaces").toString());
  }

  @AfterAll
  static void cleanUp() {
    FileSystemUtils.deleteRecursively(AGENT.state().toFile());
  }

  @LocalServerPort
  int port;
  @Autowired
  ProcessEngine engine;
  @Autowired
  ManagementService managementService;
  @Autowired
  RuntimeService runtimeService;

  StoryDriver driver;
  HttpTestClient http;

  @BeforeEach
  void setUp() {
    driver = new StoryDriver(engine);
    http = new HttpTestClient(port);
  }

  @Test
  void validResultCompletesTheStepAndIsRecorded() {
    // given
    ProcessInstance story = start("valid");

    // when
    runFeasibility(story);

    // then the step is done with the agent's account, unchecked since no builtin check exists
    BpmnAwareTests.assertThat(story).isNotWaitingAt("Task_FeasibilityReview", "Task_BackendEngineerFallback");
    JsonNode report = variable(story, "feasibility");
    assertThat(report.at("/agentNotes/summary").asText()).isEqualTo("Feasible: one endpoint and a token table.");
    assertThat(report.at("/agentNotes/run").asInt()).isEqualTo(1);
    JsonNode runs = variable(story, "agentRuns");
    assertThat(runs).hasSize(1);
    assertThat(runs.get(0).path("outcome").asText()).isEqualTo("DONE");
    assertThat(runs.get(0).path("step").asText()).isEqualTo("feasibility");
    assertThat(runs.get(0).path("attempt").asInt()).isEqualTo(1);
    assertThat(runs.get(0).path("exitCode").asInt()).isZero();
    assertThat(runs.get(0).path("timedOut").asBoolean()).isFalse();

    // and the agent got the work order on stdin and in the file, the limits as arguments
    String storyId = story.getBusinessKey();
    JsonNode order = AGENT.stdin(storyId, 1);
    assertThat(order).isEqualTo(AGENT.workOrderFile(storyId, 1));
    assertThat(order.path("step").asText()).isEqualTo("feasibility");
    assertThat(order.at("/story/title").asText()).isEqualTo("Reset a forgotten password");
    assertThat(order.at("/story/acceptanceCriteria")).hasSize(2);
    assertThat(order.path("instructions").asText()).contains("feasibility");
    assertThat(order.at("/resultSchema/properties/status/enum")).hasSize(3);
    JsonNode call = AGENT.calls(storyId).get(0);
    assertThat(call.path("argv").get(1).asText()).isEqualTo(storyId);
    assertThat(call.path("argv").get(6).asText()).isEqualTo("30");
    assertThat(call.path("argv").get(7).asText()).isEqualTo("1.00");
    assertThat(call.path("cwd").asText()).startsWith(AGENT.state().resolve("workspaces").toString());
  }

  @ParameterizedTest
  @ValueSource(strings = {"envelope", "structured"})
  void claudeCodeEnvelopeIsUnderstood(String mode) {
    // given an agent answering like `claude -p --output-format json`
    ProcessInstance story = start(mode);

    // when
    runFeasibility(story);

    // then
    BpmnAwareTests.assertThat(story).isNotWaitingAt("Task_FeasibilityReview", "Task_BackendEngineerFallback");
    JsonNode run = variable(story, "agentRuns").get(0);
    assertThat(run.path("outcome").asText()).isEqualTo("DONE");
    assertThat(run.path("costUsd").decimalValue()).isEqualByComparingTo("0.25");
    assertThat(run.path("turns").asInt()).isEqualTo(7);
    assertThat(run.path("sessionId").asText()).isEqualTo("session-" + story.getBusinessKey());
    assertThat(run.path("summary").asText()).isEqualTo("Feasible: one endpoint and a token table.");
  }

  @Test
  void failedRunsAreRetriedThenAHumanTakesOver() {
    // given an agent that exits with code 3 every time
    ProcessInstance story = start("exit");

    // when the job runs three times (two retries)
    runFeasibilityExpectingRetry(story);
    assertThat(job(story, "Task_FeasibilityReview").getRetries()).isEqualTo(2);
    runFeasibilityExpectingRetry(story);
    runFeasibility(story);

    // then the story waits for a human, with the reason
    BpmnAwareTests.assertThat(story).isWaitingAt("Task_BackendEngineerFallback");
    assertThat(fallbackReason(story)).contains("exited with code 3").contains("attempt 3 of 3");
    JsonNode runs = variable(story, "agentRuns");
    assertThat(runs).hasSize(3);
    assertThat(runs.findValuesAsText("outcome")).containsOnly("FAILED");
    assertThat(runs.findValues("attempt").stream().map(JsonNode::asInt)).containsExactly(1, 2, 3);
    assertThat(runs.get(0).path("exitCode").asInt()).isEqualTo(3);
    assertThat(log(story, 1)).contains("something went wrong");

    // and once the human did it, the step passes without the agent
    complete(task("Task_BackendEngineerFallback", story), Map.of("comment", "Done by hand"));
    runFeasibility(story);
    BpmnAwareTests.assertThat(story).isNotWaitingAt("Task_FeasibilityReview", "Task_BackendEngineerFallback");
    assertThat(AGENT.calls(story.getBusinessKey())).hasSize(3);
  }

  @Test
  void runPastItsTimeoutIsKilledWithItsChildrenAndRecorded() {
    // given an agent that starts a child process and sleeps
    ProcessInstance story = start("hang", "valid");

    // when
    runFeasibilityExpectingRetry(story);

    // then both processes are gone and the run is recorded as timed out
    long[] pids = AGENT.pids(story.getBusinessKey(), 1).orElseThrow();
    assertThat(TestAgent.running(pids[0])).as("agent process").isFalse();
    assertThat(TestAgent.running(pids[1])).as("agent's child process").isFalse();
    JsonNode run = runs(story).get(0);
    assertThat(run.path("outcome").asText()).isEqualTo("TIMED_OUT");
    assertThat(run.path("timedOut").asBoolean()).isTrue();
    assertThat(run.path("reason").asText()).contains("timeout");

    // and the retry succeeds
    runFeasibility(story);
    BpmnAwareTests.assertThat(story).isNotWaitingAt("Task_FeasibilityReview", "Task_BackendEngineerFallback");
    assertThat(variable(story, "agentRuns").findValuesAsText("outcome")).containsExactly("TIMED_OUT", "DONE");
  }

  @Test
  void tenMegabytesOfOutputAreTruncatedAndFailTheRun() {
    // given
    ProcessInstance story = start("flood");

    // when
    runFeasibilityExpectingRetry(story);

    // then only the cap is kept, with a marker; all bytes are counted
    JsonNode run = runs(story).get(0);
    assertThat(run.path("outcome").asText()).isEqualTo("FAILED");
    assertThat(run.path("stdoutBytes").asLong()).isEqualTo(10L * 1024 * 1024);
    assertThat(run.path("reason").asText()).contains("storyflow.agent.output-limit");
    String log = log(story, 1);
    assertThat(log).contains("[storyflow: output truncated: kept the first 65536 of 10485760 bytes]");
    assertThat(log.length()).isLessThan(70_000);
  }

  @Test
  void theAgentsFindingsStandBesideTheReviewsAndLeaveTheVerdictAlone() {
    // given an agent that reports two findings, and the same story reviewed without an agent
    ProcessInstance story = start("findings");
    ProcessInstance builtinOnly = startStory();
    AGENT.script(builtinOnly.getBusinessKey(), "valid");

    // when
    runFeasibility(story);
    runFeasibility(builtinOnly);

    // then the findings are kept as the agent's, counted, and the verdict is the review's own
    JsonNode report = variable(story, "feasibility");
    JsonNode reviewOnly = variable(builtinOnly, "feasibility");
    assertThat(report.path("agentFindings")).hasSize(3);
    assertThat(report.at("/agentFindings/0/criterion").asText()).isEqualTo("ATOMIC");
    assertThat(report.at("/agentFindings/0/severity").asText()).isEqualTo("WARNING");
    assertThat(report.at("/agentFindings/0/by").asText()).isEqualTo("agent");
    assertThat(report.at("/agentFindings/0/evidence/text").asText()).isEqualTo("reset my password");
    assertThat(report.at("/agentFindings/0/evidence/quoted").asBoolean()).isTrue();
    assertThat(report.at("/agentFindings/1/evidence").isMissingNode()).isTrue();
    assertThat(report.at("/agentFindings/2/evidence/quoted").asBoolean(true)).as("words not in the story").isFalse();
    assertThat(report.at("/counts/agentFindings").asInt()).isEqualTo(3);
    assertThat(report.path("verdict")).isEqualTo(reviewOnly.path("verdict"));
    assertThat(report.at("/counts/errors")).isEqualTo(reviewOnly.at("/counts/errors"));
    assertThat(report.at("/counts/warnings")).isEqualTo(reviewOnly.at("/counts/warnings"));
    assertThat(reviewOnly.has("agentFindings")).isFalse();
  }

  @Test
  void aFindingOutsideTheSchemasCriteriaFailsTheRun() {
    // given
    ProcessInstance story = start("unknown-criterion");

    // when
    runFeasibilityExpectingRetry(story);

    // then
    JsonNode run = runs(story).get(0);
    assertThat(run.path("outcome").asText()).isEqualTo("FAILED");
    assertThat(run.path("reason").asText()).contains("does not match the schema").contains("findings");
    assertThat(runtimeService.getVariable(story.getId(), "feasibility")).isNull();
  }

  @ParameterizedTest
  @ValueSource(strings = {"invalid-json", "schema", "is-error"})
  void unusableResultsFailTheRun(String mode) {
    // given
    ProcessInstance story = start(mode);

    // when
    runFeasibilityExpectingRetry(story);

    // then
    JsonNode run = runs(story).get(0);
    assertThat(run.path("outcome").asText()).isEqualTo("FAILED");
    assertThat(run.path("reason").asText()).contains(switch (mode) {
      case "invalid-json" -> "not valid JSON";
      case "schema" -> "does not match the schema";
      default -> "is_error: true, subtype: success";
    });
    BpmnAwareTests.assertThat(story).isWaitingAt("Task_FeasibilityReview");
  }

  @Test
  void isErrorCountsItsCostTowardsTheBudget() {
    // given
    ProcessInstance story = start("is-error");

    // when
    runFeasibilityExpectingRetry(story);

    // then
    assertThat(runs(story).get(0).path("costUsd").decimalValue()).isEqualByComparingTo("0.1");
  }

  @Test
  void agentAskingForAHumanSendsTheStoryToTheFallbackAtOnce() {
    // given
    ProcessInstance story = start("needs-human");

    // when
    runFeasibility(story);

    // then
    BpmnAwareTests.assertThat(story).isWaitingAt("Task_BackendEngineerFallback");
    assertThat(fallbackReason(story)).contains("The criteria contradict each other.");
    assertThat(variable(story, "agentRuns").get(0).path("outcome").asText()).isEqualTo("NEEDS_HUMAN");
  }

  @Test
  void spentBudgetStopsRetriesAndLaterRuns() {
    // given an agent whose failed runs cost 0.60 USD each, with a budget of 1 USD per story
    ProcessInstance story = startStory();
    AGENT.script(story.getBusinessKey(), 0.6, "failed-costly");

    // when the second run brings the cost to 1.20 USD
    runFeasibilityExpectingRetry(story);
    runFeasibility(story);

    // then a human takes over although a retry was left
    BpmnAwareTests.assertThat(story).isWaitingAt("Task_BackendEngineerFallback");
    assertThat(fallbackReason(story)).contains("budget is spent").contains("1.2 USD of 1 USD");

    // and a later step does not start the agent at all
    complete(task("Task_BackendEngineerFallback", story), Map.of("comment", "Feasible, checked by hand"));
    runFeasibility(story);
    driver.completeTask(story, "Task_ArchitectReview", approve());
    driver.completeTask(story, "Task_SecurityEarlyReview", approve());
    driver.completeTask(story, "Task_ApproveDraft", approve());
    driver.completeTask(story, "Task_PlanIntoSprint", plan());
    runJob(story, "Task_PlanImplementation");
    BpmnAwareTests.assertThat(story).isWaitingAt("Task_BackendEngineerFallback");
    assertThat(fallbackReason(story)).contains("budget is spent").contains("No agent run was started for step 'plan'");
    assertThat(AGENT.calls(story.getBusinessKey())).hasSize(2);
  }

  @Test
  void storyTextReachesTheAgentOnlyAsData() throws IOException {
    // given a story whose title looks like shell, a command and a lookup
    String title = "$(touch " + PWNED + ") \"; rm -rf ~; ${jndi:x}";
    String storyId = "US-" + UUID.randomUUID().toString().substring(0, 8);
    AGENT.script(storyId, "valid");
    Map<String, Object> input = new LinkedHashMap<>();
    input.put("storyId", storyId);
    input.put("title", title);
    input.put("asA", "user");
    input.put("iWant", "`touch " + PWNED + "`");
    input.put("acceptanceCriteria", List.of("$(touch " + PWNED + ")"));
    assertThat(http.post("po", "/api/stories", input).status()).isEqualTo(201);
    ProcessInstance story = runtimeService.createProcessInstanceQuery().processInstanceBusinessKey(storyId)
        .singleResult();

    // when
    runFeasibility(story);

    // then the agent got the title verbatim, as data only
    BpmnAwareTests.assertThat(story).isNotWaitingAt("Task_FeasibilityReview", "Task_BackendEngineerFallback");
    assertThat(AGENT.stdin(storyId, 1).at("/story/title").asText()).isEqualTo(title);
    assertThat(AGENT.workOrderFile(storyId, 1).at("/story/title").asText()).isEqualTo(title);
    assertThat(AGENT.workOrderFile(storyId, 1).at("/story/acceptanceCriteria/0").asText())
        .isEqualTo("$(touch " + PWNED + ")");
    JsonNode call = AGENT.calls(storyId).get(0);
    call.path("argv").forEach(argument -> assertThat(argument.asText()).doesNotContain(PWNED));
    // and nothing was executed
    for (Path dir : List.of(Path.of("").toAbsolutePath(), AGENT.state(), Path.of(System.getProperty("user.home")))) {
      try (Stream<Path> files = Files.walk(dir, dir.equals(AGENT.state()) ? Integer.MAX_VALUE : 1)) {
        assertThat(files.filter(f -> f.getFileName().toString().equals(PWNED))).as("in " + dir).isEmpty();
      }
    }
  }

  @Test
  void agentGetsOnlyAllowedEnvironmentVariables() {
    // given
    ProcessInstance story = start("valid");

    // when
    runFeasibility(story);

    // then
    List<String> seen = JSON.convertValue(AGENT.calls(story.getBusinessKey()).get(0).path("env"),
        JSON.getTypeFactory().constructCollectionType(List.class, String.class));
    List<String> allowed = List.of("PATH", "HOME", "USER", "LOGNAME", "LANG", "LC_ALL", "TZ", "TMPDIR",
        "ANTHROPIC_API_KEY", "ANTHROPIC_BASE_URL", "CLAUDE_CODE_OAUTH_TOKEN",
        // set by the Python interpreter itself (C locale coercion)
        "LC_CTYPE");
    assertThat(seen).filteredOn(name -> !name.startsWith("STORYFLOW_")).isSubsetOf(allowed);
    assertThat(seen).contains("STORYFLOW_STORY_ID", "STORYFLOW_STEP", "STORYFLOW_WORK_ORDER_FILE");
  }

  @Test
  void missingExecutableIsAnIncidentNotAFallback() {
    // given a story at Configuring DevOps, whose agent command does not exist
    ProcessInstance story = startStory();
    runtimeService.createProcessInstanceModification(story.getId())
        .startBeforeActivity("Task_PrepareDeployment").execute();

    // when
    assertThatThrownBy(() -> driver.runStep(story, "Task_PrepareDeployment")).hasMessageContaining("/nonexistent/agent-cli");

    // then an incident with the problem, no retries left, no fallback
    Incident incident = runtimeService.createIncidentQuery().processInstanceId(story.getId()).singleResult();
    assertThat(incident).isNotNull();
    assertThat(incident.getIncidentMessage()).contains("cannot be started").contains("/nonexistent/agent-cli");
    assertThat(incident.getIncidentType()).isEqualTo("failedExternalTask");
    assertThat(incident.getActivityId()).isEqualTo("Task_PrepareDeployment");
    ExternalTask step = job(story, "Task_PrepareDeployment");
    assertThat(incident.getConfiguration()).isEqualTo(step.getId());
    assertThat(step.getRetries()).isZero();
    BpmnAwareTests.assertThat(story).isNotWaitingAt("Task_BackendEngineerFallback");
    assertThat(runs(story).findValuesAsText("outcome")).contains("NOT_STARTED");

    // and Cockpit, which reads /engine-rest, shows the incident on the step and the step's external
    // task with its error and no retries left
    JsonNode incidents = http.get("admin", "/engine-rest/incident?processInstanceId=" + story.getId()).json();
    assertThat(incidents).hasSize(1);
    assertThat(incidents.get(0).path("incidentType").asText()).isEqualTo("failedExternalTask");
    assertThat(incidents.get(0).path("activityId").asText()).isEqualTo("Task_PrepareDeployment");
    assertThat(incidents.get(0).path("configuration").asText()).isEqualTo(step.getId());
    JsonNode shown = http.get("admin", "/engine-rest/external-task?processInstanceId=" + story.getId()
        + "&activityId=Task_PrepareDeployment").json();
    assertThat(shown).hasSize(1);
    assertThat(shown.get(0).path("id").asText()).isEqualTo(step.getId());
    assertThat(shown.get(0).path("topicName").asText()).isEqualTo("backend-engineer.deployment");
    assertThat(shown.get(0).path("errorMessage").asText()).contains("cannot be started")
        .contains("/nonexistent/agent-cli");
    assertThat(shown.get(0).path("retries").isInt()).isTrue();
    assertThat(shown.get(0).path("retries").asInt()).isZero();
  }

  @Test
  void runsAndTheirLogsAreServedToTeamMembers() {
    // given
    ProcessInstance story = start("exit", "valid");
    runFeasibilityExpectingRetry(story);
    runFeasibility(story);
    String storyId = story.getBusinessKey();

    // when / then
    Reply runs = http.get("qa", "/api/stories/" + storyId + "/runs");
    assertThat(runs.status()).isEqualTo(200);
    assertThat(runs.json().findValuesAsText("outcome")).containsExactly("FAILED", "DONE");
    Reply log = http.get("qa", "/api/stories/" + storyId + "/runs/1/log");
    assertThat(log.status()).isEqualTo(200);
    assertThat(log.header("Content-Type")).startsWith("text/plain");
    assertThat(log.body()).contains("## stderr").contains("something went wrong");
    Reply missingRun = http.get("qa", "/api/stories/" + storyId + "/runs/9/log");
    assertThat(missingRun.status()).isEqualTo(404);
    assertThat(missingRun.header("Content-Type")).startsWith("application/problem+json");
    assertThat(missingRun.json().path("detail").asText()).contains("no agent run 9");
    Reply missingStory = http.get("qa", "/api/stories/US-none/runs");
    assertThat(missingStory.status()).isEqualTo(404);
    assertThat(missingStory.header("Content-Type")).startsWith("application/problem+json");
    assertThat(http.get(null, "/api/stories/" + storyId + "/runs").status()).isEqualTo(401);
  }

  // ------------------------------------------------------------------ helpers

  private ProcessInstance startStory() {
    return driver.start("backend");
  }

  private ProcessInstance start(String... modes) {
    ProcessInstance story = startStory();
    AGENT.script(story.getBusinessKey(), modes);
    return story;
  }

  private ExternalTask job(ProcessInstance story, String activityId) {
    return driver.stepTask(story, activityId);
  }

  private void runJob(ProcessInstance story, String activityId) {
    driver.runStep(story, activityId);
  }

  private void runFeasibility(ProcessInstance story) {
    runJob(story, "Task_FeasibilityReview");
  }

  /** The run fails and the step's task stays, with one retry less. */
  private void runFeasibilityExpectingRetry(ProcessInstance story) {
    ExternalTask before = job(story, "Task_FeasibilityReview");
    assertThatThrownBy(() -> driver.runStep(story, "Task_FeasibilityReview"))
        .hasMessageContaining("Agent run");
    ExternalTask after = job(story, "Task_FeasibilityReview");
    assertThat(after.getId()).isEqualTo(before.getId());
    assertThat(after.getErrorMessage()).contains("retried after");
  }

  private JsonNode variable(ProcessInstance story, String name) {
    Object value = runtimeService.getVariable(story.getId(), name);
    assertThat(value).as(name).isNotNull();
    try {
      return JSON.readTree(value.toString());
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
  }

  private String fallbackReason(ProcessInstance story) {
    return (String) runtimeService.getVariable(story.getId(), "fallbackReason");
  }

  private JsonNode runs(ProcessInstance story) {
    Reply reply = http.get("qa", "/api/stories/" + story.getBusinessKey() + "/runs");
    assertThat(reply.status()).isEqualTo(200);
    return reply.json();
  }

  private String log(ProcessInstance story, int run) {
    Reply reply = http.get("qa", "/api/stories/" + story.getBusinessKey() + "/runs/" + run + "/log");
    assertThat(reply.status()).isEqualTo(200);
    return reply.body();
  }
}
