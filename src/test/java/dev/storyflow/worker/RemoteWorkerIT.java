package dev.storyflow.worker;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.storyflow.HttpTestClient;
import dev.storyflow.HttpTestClient.Reply;
import dev.storyflow.RestStoryWalker;
import dev.storyflow.TaskDecisions;
import dev.storyflow.crash.ClockedAgent;
import dev.storyflow.crash.StoryflowProcess;
import dev.storyflow.engineer.EngineReads.StoryWords;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.eclipse.jgit.api.Git;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.util.FileSystemUtils;

/**
 * An engine node with its embedded worker off, and a remote worker: the same application started
 * as its own process with {@code storyflow.worker.engine-url}, logged in as the backend-engineer
 * service account. The remote worker runs all seven backend-engineer steps of a story with a
 * command agent (QA asks for backend support once, the security expert raises concerns once), and
 * the story walks to Done; the service account may do a worker's work and nothing more: it ends a
 * step with that step's own report only.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
    "spring.datasource.url=jdbc:h2:mem:storyflow-remote-worker;DB_CLOSE_DELAY=-1",
    "camunda.bpm.job-execution.enabled=true",
    "camunda.bpm.generate-unique-process-engine-name=false",
    "storyflow.worker.enabled=false",
    "storyflow.worker.username=" + RemoteWorkerIT.ACCOUNT,
    "storyflow.worker.password=" + RemoteWorkerIT.PASSWORD})
@ActiveProfiles("test")
@DirtiesContext
class RemoteWorkerIT {

  static final String ACCOUNT = "worker";
  static final String PASSWORD = "worker-secret";
  static final Path DIR = temp();
  static final ClockedAgent AGENT = ClockedAgent.in(DIR.resolve("agent"));

  @LocalServerPort
  int port;

  HttpTestClient http;

  @BeforeEach
  void setUp() {
    http = new HttpTestClient(port);
  }

  @AfterAll
  static void cleanUp() {
    FileSystemUtils.deleteRecursively(DIR.toFile());
  }

  @Test
  void aRemoteWorkerRunsEveryStepOfAStoryWithoutAnEngineOfItsOwn() throws Exception {
    try (StoryflowProcess worker = StoryflowProcess.start("remote-worker", Path.of("target", "process-logs"), List.of(
        "--storyflow.worker.engine-url=http://localhost:" + port + "/engine-rest",
        "--storyflow.worker.username=" + ACCOUNT,
        "--storyflow.worker.password=" + PASSWORD,
        "--storyflow.worker.idle-wait=2s",
        "--storyflow.agent.agent=command",
        "--storyflow.agent.command=" + AGENT.command(0),
        "--storyflow.workspace.root=" + DIR.resolve("workspaces")))) {
      worker.awaitLog("Remote backend-engineer worker");

      // given a story on a repository whose build passes
      String storyId = "RW-" + UUID.randomUUID().toString().substring(0, 8);
      Map<String, Object> story = story(storyId);
      story.put("repository", repository(DIR.resolve("repository")).toString());
      assertThat(http.post("po", "/api/stories", story).status()).isEqualTo(201);

      // when the team walks it while the remote worker does the backend engineer's steps, with
      // security concerns to address once and one request for backend support
      List<String> completed = walk(storyId, worker);

      // then every step ran in the remote worker's process, by the agent, and no human had to step in
      assertThat(completed).doesNotContain("Task_BackendEngineerFallback")
          .containsSubsequence("Task_IntegrationTest", "Task_IntegrationTest", "Task_SecurityReview",
              "Task_SecurityReview");
      List<ClockedAgent.Run> runs = AGENT.runs(storyId);
      assertThat(runs).extracting(ClockedAgent.Run::step).containsExactly("feasibility", "plan", "implement",
          "integrationSupport", "securityScan", "securityFix", "deployment");
      assertThat(runs).allMatch(run -> run.parentPid() == worker.pid()).allMatch(run -> run.end() != null);
      JsonNode recorded = http.get("qa", "/api/stories/" + storyId + "/runs").json();
      assertThat(recorded.findValuesAsText("step")).containsExactly("feasibility", "plan", "implement",
          "integrationSupport", "securityScan", "securityFix", "deployment");
      assertThat(recorded.findValuesAsText("outcome")).containsOnly("DONE").hasSize(7);
      JsonNode shown = http.get("qa", "/api/stories/" + storyId).json();
      assertThat(shown.path("agentRuns").findValuesAsText("outcome")).hasSize(7);
      assertThat(shown.path("securityScan").path("concerns").asText()).contains("who may read the invoices");
      assertThat(shown.path("securityScan").path("agentNotes").path("summary").asText()).startsWith("Did securityFix");
      JsonNode support = http.get("admin", "/engine-rest/history/variable-instance?variableName=integrationSupport"
          + "&deserializeValues=false&processInstanceId=" + shown.path("processInstanceId").asText()).json();
      assertThat(support).hasSize(1);
      assertThat(support.get(0).path("value").asText()).contains("Did integrationSupport");
      assertThat(shown.path("feasibility").path("verdict").asText()).isNotEmpty();
      assertThat(shown.path("implementationPlan").path("reviewerComments").isArray()).isTrue();

      // and the worker made no engine and no database of its own
      assertThat(worker.log()).doesNotContain("HikariPool").doesNotContain("ENGINE-").doesNotContain("Tomcat");
    }
  }

  @Test
  void theServiceAccountDoesAWorkersWorkAndNothingMore() {
    // given a story waiting at its feasibility step, which no worker takes here
    String storyId = "RW-" + UUID.randomUUID().toString().substring(0, 8);
    assertThat(http.post("po", "/api/stories", story(storyId)).status()).isEqualTo(201);
    String instance = http.get("admin", "/engine-rest/process-instance?businessKey=" + storyId).json()
        .get(0).path("id").asText();

    // a human backend engineer can neither fetch the step nor read the worker API
    assertThat(http.post("backend", "/engine-rest/external-task/fetchAndLock", fetch("human", storyId)).json())
        .isEmpty();
    assertThat(http.get("backend", "/api/worker/comments?processInstanceId=" + instance).status()).isEqualTo(403);

    // the service account fetches and locks it, extends and fails it, and reads the worker API
    JsonNode locked = asWorker(http).post("/engine-rest/external-task/fetchAndLock", fetch("w1", storyId)).json();
    assertThat(locked).hasSize(1);
    String task = locked.get(0).path("id").asText();
    assertThat(asWorker(http).post("/engine-rest/external-task/" + task + "/extendLock",
        Map.of("workerId", "w1", "newDuration", 60_000)).status()).isEqualTo(204);

    // it may not end the step with anything but the step's own output: no status, no decision, no
    // other step's report, no local variables, no other BPMN error, no variables on a failure
    for (Map<String, Object> variables : List.<Map<String, Object>>of(Map.of("status", Map.of("value", "DONE")),
        Map.of("approved", Map.of("value", true, "type", "Boolean")), Map.of("reworkTo", Map.of("value", "DRAFT")),
        Map.of("feasibility", report(), "implementationPlan", report()))) {
      assertRefused(asWorker(http).post("/engine-rest/external-task/" + task + "/complete",
          Map.of("workerId", "w1", "variables", variables)));
    }
    assertRefused(asWorker(http).post("/engine-rest/external-task/" + task + "/complete",
        Map.of("workerId", "w1", "localVariables", Map.of("feasibility", report()))));
    assertRefused(asWorker(http).post("/engine-rest/external-task/" + task + "/bpmnError",
        Map.of("workerId", "w1", "errorCode", "SKIP_THE_REVIEWS")));
    assertRefused(asWorker(http).post("/engine-rest/external-task/" + task + "/bpmnError", Map.of("workerId", "w1",
        "errorCode", "BACKEND_ENGINEER_NEEDED", "variables", Map.of("approved", Map.of("value", true,
            "type", "Boolean")))));
    assertRefused(asWorker(http).post("/engine-rest/external-task/" + task + "/failure", Map.of("workerId", "w1",
        "errorMessage", "tried", "retries", 1, "retryTimeout", 0, "variables", Map.of("status",
            Map.of("value", "DONE")))));
    JsonNode stillLocked = http.get("admin", "/engine-rest/external-task/" + task).json();
    assertThat(stillLocked.path("workerId").asText()).isEqualTo("w1");
    assertThat(stillLocked.path("lockExpirationTime").isNull()).isFalse();
    assertThat(stillLocked.path("retries").isNull()).isTrue();
    JsonNode written = http.get("admin", "/engine-rest/process-instance/" + instance + "/variables").json();
    assertThat(written.fieldNames()).toIterable().as("nothing was written")
        .doesNotContain("approved", "reworkTo", "feasibility", "implementationPlan");
    assertThat(asWorker(http).get("/api/worker/comments?processInstanceId=" + instance).status()).isEqualTo(200);
    assertThat(asWorker(http).post("/engine-rest/external-task/" + task + "/failure", Map.of("workerId", "w1",
        "errorMessage", "tried", "retries", 1, "retryTimeout", 0)).status()).isEqualTo(204);

    // and asks which running stories share words with a story, as a remote feasibility review does
    RemoteEngineReads reads = new RemoteEngineReads(new EngineNode(new WorkerProperties(true, 1, Duration.ofMinutes(2),
        Duration.ofSeconds(10), URI.create("http://localhost:" + port + "/engine-rest"), ACCOUNT, PASSWORD),
        new ObjectMapper()));
    assertThat(reads.runningWordCounts(List.of("invoice", "nowhere"), 100, null).counts()).containsOnlyKeys("invoice");
    assertThat(reads.runningStoriesWith(List.of("invoice"), "", 100, null)).extracting(StoryWords::storyId)
        .contains(storyId);
    assertThat(reads.runningStoriesWith(List.of("invoice"), "", 100, instance)).extracting(StoryWords::storyId)
        .doesNotContain(storyId);
    assertThat(asWorker(http).post("/api/worker/running-stories/word-counts", Map.of("words", List.of("invoice"),
        "atMost", 0)).status()).isEqualTo(400);
    assertThat(http.post("backend", "/api/worker/running-stories/word-counts", Map.of("words", List.of("invoice"),
        "atMost", 100)).status()).isEqualTo(403);

    // and evaluates Storyflow's own decision tables; one that is not deployed is a 404, not a 500
    Reply verdict = asWorker(http).post("/api/worker/decisions/service-levels", Map.of("status", "UAT"));
    assertThat(verdict.status()).as(verdict.body()).isEqualTo(200);
    assertThat(verdict.json().path("result").path("due").asText()).isNotBlank();
    Reply unknown = asWorker(http).post("/api/worker/decisions/no-such-table", Map.of("status", "UAT"));
    assertThat(unknown.status()).as(unknown.body()).isEqualTo(404);
    assertThat(unknown.body()).contains("no-such-table").doesNotContain("Exception");

    // but it cannot step around the story: no suspending, no retries or unlocking, no variables
    assertRefused(asWorker(http).put("/engine-rest/process-instance/" + instance + "/suspended",
        Map.of("suspended", true)));
    assertRefused(asWorker(http).put("/engine-rest/external-task/" + task + "/retries", Map.of("retries", 5)));
    assertRefused(asWorker(http).post("/engine-rest/external-task/" + task + "/unlock", Map.of()));
    assertRefused(asWorker(http).put("/engine-rest/process-instance/" + instance + "/variables/status",
        Map.of("value", "DONE")));
    assertRefused(asWorker(http).delete("/engine-rest/process-instance/" + instance));
    assertThat(http.get("admin", "/api/stories/" + storyId).json().path("status").asText()).isEqualTo("DRAFT");

    // and it ends the step, locked again after the failure, with the step's own report
    JsonNode again = asWorker(http).post("/engine-rest/external-task/fetchAndLock", fetch("w2", storyId)).json();
    assertThat(again).hasSize(1);
    Reply done = asWorker(http).post("/engine-rest/external-task/" + again.get(0).path("id").asText() + "/complete",
        Map.of("workerId", "w2", "variables", Map.of("feasibility", report())));
    assertThat(done.status()).as(done.body()).isEqualTo(204);
    assertThat(http.get("admin", "/engine-rest/process-instance/" + instance + "/variables/feasibility").status())
        .isEqualTo(200);
  }

  /**
   * Walks the story to Done approving every task, except that QA asks for backend support at the
   * first integration test (the integrationSupport step runs) and the security expert raises
   * concerns at the first security review (the securityFix step runs).
   */
  private List<String> walk(String storyId, StoryflowProcess worker) {
    try {
      RestStoryWalker walker = new RestStoryWalker(http);
      List<String> completed = new ArrayList<>(walker.walkUntilTask(storyId, "Task_IntegrationTest"));
      completed.add(decide(storyId, "Task_IntegrationTest", Map.of(
          "needsBackendSupport", Map.of("value", true, "type", "Boolean"),
          "comment", Map.of("value", "The export answers 502 behind the gateway"))));
      completed.addAll(walker.walkUntilTask(storyId, "Task_SecurityReview"));
      completed.add(decide(storyId, "Task_SecurityReview", Map.of(
          "securityConcerns", Map.of("value", "The CSV export does not check who may read the invoices"),
          "comment", Map.of("value", "Check the caller's rights before exporting"))));
      completed.addAll(walker.walkToDone(storyId));
      return completed;
    } catch (AssertionError e) {
      throw new AssertionError(e.getMessage() + "\nThe worker's log ends with:\n" + worker.logTail(), e);
    }
  }

  /** Completes the story's open task {@code taskKey} as the demo user of its role, with {@code variables}. */
  private String decide(String storyId, String taskKey, Map<String, Object> variables) {
    JsonNode task = null;
    for (JsonNode open : http.get("admin", "/api/stories/" + storyId).json().path("openTasks")) {
      if (open.path("taskDefinitionKey").asText().equals(taskKey)) {
        task = open;
      }
    }
    assertThat(task).as("open task %s of %s", taskKey, storyId).isNotNull();
    Reply reply = http.post(TaskDecisions.userFor(task), "/engine-rest/task/" + task.path("id").asText()
        + "/complete", Map.of("variables", variables));
    assertThat(reply.status()).as("completing %s: %s", taskKey, reply.body()).isEqualTo(204);
    return taskKey;
  }

  /** A feasibility report as a worker sends it: a JSON variable. */
  private static Map<String, Object> report() {
    return Map.of("value", "{\"verdict\":\"FEASIBLE\"}", "type", "Json");
  }

  /** Fetches the story's feasibility step (and nothing of the other tests' stories). */
  private static Map<String, Object> fetch(String workerId, String storyId) {
    return Map.of("workerId", workerId, "maxTasks", 10, "topics", List.of(Map.of("topicName",
        "backend-engineer.feasibility", "lockDuration", 60_000, "businessKey", storyId)));
  }

  private static void assertRefused(Reply reply) {
    assertThat(reply.status()).as(reply.body()).isEqualTo(403);
  }

  private static WorkerHttp asWorker(HttpTestClient http) {
    return new WorkerHttp(http);
  }

  /** The service account's requests (HttpTestClient logs the demo users in; this one has its own password). */
  record WorkerHttp(HttpTestClient http) {

    Reply get(String path) {
      return http.get(ACCOUNT + ":" + PASSWORD, path);
    }

    Reply post(String path, Object body) {
      return http.post(ACCOUNT + ":" + PASSWORD, path, body);
    }

    Reply put(String path, Object body) {
      return http.put(ACCOUNT + ":" + PASSWORD, path, body);
    }

    Reply delete(String path) {
      return http.delete(ACCOUNT + ":" + PASSWORD, path);
    }
  }

  /**
   * A git repository of a small Python service (so the deployment step knows how to package it)
   * whose {@code make test} passes one test and writes its JUnit report.
   */
  private static Path repository(Path dir) throws Exception {
    Files.createDirectories(dir);
    Files.writeString(dir.resolve("Makefile"), "test:\n\tmkdir -p reports\n\tprintf '<testsuite name=\"export\" "
        + "tests=\"1\" failures=\"0\"><testcase classname=\"export\" name=\"lines\"/></testsuite>' "
        + "> reports/TEST-export.xml\n");
    Files.writeString(dir.resolve(".gitignore"), "reports/\n");
    Files.writeString(dir.resolve("requirements.txt"), "");
    Files.writeString(dir.resolve("app.py"), "print('invoices')\n");
    try (Git git = Git.init().setDirectory(dir.toFile()).setInitialBranch("main").call()) {
      git.add().addFilepattern(".").call();
      git.commit().setMessage("A project whose tests pass").setAuthor("Team", "team@example.com")
          .setCommitter("Team", "team@example.com").call();
    }
    return dir;
  }

  static Map<String, Object> story(String storyId) {
    Map<String, Object> story = new LinkedHashMap<>();
    story.put("storyId", storyId);
    story.put("title", "Export the invoice list as CSV");
    story.put("asA", "bookkeeper");
    story.put("iWant", "to export the invoices of a month as a CSV file");
    story.put("soThat", "I can import them into the accounting tool");
    story.put("acceptanceCriteria", List.of("The file has one line per invoice",
        "The columns are number, date, customer and amount"));
    story.put("components", List.of("backend"));
    return story;
  }

  private static Path temp() {
    try {
      return Files.createTempDirectory("storyflow-remote-worker-");
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }
}
