package dev.storyflow.securityscan;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.complete;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.execute;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.job;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.task;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.storyflow.HttpTestClient;
import dev.storyflow.HttpTestClient.Reply;
import dev.storyflow.lifecycle.StoryDriver;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Stream;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests;
import org.camunda.bpm.engine.history.HistoricVariableInstance;
import org.camunda.bpm.engine.history.HistoricVariableUpdate;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.eclipse.jgit.api.Git;
import org.eclipse.jgit.api.errors.GitAPIException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * No secret value leaves the workspace: a story branch holding every planted secret of the corpus
 * is scanned (blocked, fallback, re-scan, expert), then the logs, every variable value in runtime
 * and history, the SARIF file and the API answers (Storyflow's and the task variables Tasklist reads) are searched for the planted values.
 * Likewise for secrets an agent prints (stdout, stderr, its summary) and a failing build prints:
 * the run logs, the runs, the {@code implementation} report and {@code fallbackReason} show them masked.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
    "spring.datasource.url=jdbc:h2:mem:securityscan-masking;DB_CLOSE_DELAY=-1",
    "camunda.bpm.generate-unique-process-engine-name=false",
    "camunda.bpm.generic-properties.properties.login-delay-base=0",
    "storyflow.agent.steps.implement.agent=command",
    "storyflow.agent.retries=1",
    "storyflow.agent.retry-delay=1s"})
@ActiveProfiles("test")
@Import(TestWorkspaces.class)
@DirtiesContext
@ExtendWith(OutputCaptureExtension.class)
class SecretMaskingIT {

  /**
   * Plays the n-th run of an agent for a story: prints {@code call-N.stdout} and {@code call-N.stderr}
   * of the story's folder and exits with {@code call-N.exit}.
   */
  static final String LEAKY_AGENT = """
      import os, sys
      folder = os.path.join(sys.argv[1], sys.argv[2])
      counter = os.path.join(folder, "calls")
      call = int(open(counter).read()) + 1 if os.path.exists(counter) else 1
      open(counter, "w").write(str(call))
      def part(name):
          path = os.path.join(folder, "call-%d.%s" % (call, name))
          return open(path, encoding="utf-8").read() if os.path.exists(path) else ""
      sys.stdout.write(part("stdout"))
      sys.stderr.write(part("stderr"))
      sys.exit(int(part("exit") or "0"))
      """;

  @TempDir
  static Path shared;

  @DynamicPropertySource
  static void agentAndWorkspaces(DynamicPropertyRegistry registry) {
    registry.add("storyflow.workspace.root", () -> shared.resolve("workspaces").toString());
    registry.add("storyflow.agent.steps.implement.command", () -> String.join(",", "python3",
        shared.resolve("leaky-agent.py").toString(), shared.resolve("agent").toString(), "{storyId}"));
  }

  @LocalServerPort
  int port;

  @Autowired
  ProcessEngine engine;

  @TempDir
  Path temp;

  @Test
  void plantedSecretsAppearInNoLogVariableSarifOrApiResponse(CapturedOutput output) throws IOException {
    // given a story branch with every planted secret of the corpus
    Corpus.Materialized corpus = Corpus.materialize(temp.resolve("corpus"));
    String storyId = "US-" + UUID.randomUUID().toString().substring(0, 8);
    Path repo = TestWorkspaces.create(temp.resolve("workspaces"), storyId);
    Map<String, String> files = new LinkedHashMap<>();
    try (Stream<Path> walk = Files.walk(corpus.root())) {
      for (Path f : walk.filter(Files::isRegularFile).toList()) {
        files.put(corpus.root().relativize(f).toString(), Files.readString(f, StandardCharsets.UTF_8));
      }
    }
    TestWorkspaces.commitFiles(repo, files, "Story work with secrets");
    HttpTestClient http = new HttpTestClient(port);
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("storyId", storyId);
    body.put("title", "Export orders");
    body.put("components", List.of("backend"));
    body.put("repository", repo.toString());
    assertThat(http.post("po", "/api/stories", body).status()).isEqualTo(201);
    ProcessInstance story = engine.getRuntimeService().createProcessInstanceQuery()
        .processInstanceBusinessKey(storyId).singleResult();
    // skip to Security review: the implementation gates are not what this test is about
    BpmnAwareTests.init(engine);
    engine.getRuntimeService().createProcessInstanceModification(story.getId())
        .startBeforeActivity("Gateway_EnterSecurityReview")
        .cancelAllForActivity("Task_FeasibilityReview").cancelAllForActivity("Task_ArchitectReview")
        .cancelAllForActivity("Task_SecurityEarlyReview")
        .execute();
    assertThat(story).isWaitingAt("Task_SecurityScan").isNotWaitingAt("Task_ArchitectReview");

    // when the scan blocks, the human leaves the branch as it is, the re-scan goes to the expert
    new StoryDriver(engine).runStep(story, "Task_SecurityScan");
    assertThat(story).isWaitingAt("Task_BackendEngineerFallback");
    complete(task("Task_BackendEngineerFallback", story), Map.of());
    new StoryDriver(engine).runStep(story, "Task_SecurityScan");
    assertThat(story).isWaitingAt("Task_SecurityReview");

    // then
    List<String> seen = new ArrayList<>();
    seen.add(output.getAll());
    engine.getRuntimeService().getVariables(story.getId()).values().forEach(v -> seen.add(String.valueOf(v)));
    engine.getHistoryService().createHistoricDetailQuery().processInstanceId(story.getId()).variableUpdates().list()
        .forEach(d -> seen.add(String.valueOf(((HistoricVariableUpdate) d).getValue())));
    Path sarifFile = repo.resolve(".storyflow/security.sarif");
    seen.add(Files.readString(sarifFile, StandardCharsets.UTF_8));
    Reply storyView = http.get("security", "/api/stories/" + storyId);
    Reply sarif = http.get("security", "/api/stories/" + storyId + "/security.sarif");
    String reviewTask = task("Task_SecurityReview", story).getId();
    Reply taskVariables = http.get("security", "/engine-rest/task/" + reviewTask + "/variables");
    Reply formVariables = http.get("security", "/engine-rest/task/" + reviewTask + "/form-variables");
    for (Reply reply : List.of(storyView, sarif, taskVariables, formVariables)) {
      assertThat(reply.status()).as(reply.raw().uri() + " " + reply.body()).isEqualTo(200);
      seen.add(reply.body());
    }
    String everything = String.join("\n", seen);
    assertThat(corpus.planted()).hasSizeGreaterThan(30);
    for (Corpus.Placed secret : corpus.planted()) {
      assertThat(everything).as("%s planted in %s:%d", secret.type(), secret.file(), secret.line())
          .doesNotContain(secret.value());
    }

    // and the evidence is there, masked
    JsonNode scan = storyView.json().path("securityScan");
    assertThat(scan.path("verdict").asText()).isEqualTo("BLOCK");
    assertThat(scan.path("secrets").asInt()).isEqualTo(corpus.planted().size());
    assertThat(scan.path("findings").findValuesAsText("snippet")).anyMatch(s -> s.contains("AKIA********"));
    assertThat(sarif.header("Content-Type")).startsWith("application/sarif+json");
    assertThat(sarif.json().path("version").asText()).isEqualTo("2.1.0");
    assertThat(sarif.body()).isEqualTo(Files.readString(sarifFile, StandardCharsets.UTF_8));
  }

  @Test
  void secretsThatAnAgentOrABuildPrintsAreShownMasked(CapturedOutput output) throws IOException {
    // given a story branch whose build prints secrets and fails
    StoryDriver driver = new StoryDriver(engine);
    ProcessInstance story = driver.startAt("Task_Implement", Map.of());
    String storyId = story.getBusinessKey();
    Leak leak = Leak.of(20_240_611L);
    Path repo = TestWorkspaces.create(temp.resolve("repositories"), storyId);
    TestWorkspaces.commitFiles(repo, Map.of(
        "Makefile", "test:\n\t@echo building the orders service\n\t@cat leak.txt\n\t@cat leak.txt >&2\n"
            + "\t@echo giving up; exit 1\n",
        "leak.txt", leak.text()), "Orders client");
    checkOutMain(repo);
    engine.getRuntimeService().setVariable(story.getId(), "repository", repo.toString());
    // and an agent that prints them on stdout and stderr and fails, then answers like Claude Code with them in its
    // text and its summary
    Path agent = Files.createDirectories(shared.resolve("agent").resolve(storyId));
    Files.writeString(shared.resolve("leaky-agent.py"), LEAKY_AGENT);
    Files.writeString(agent.resolve("call-1.stdout"), "Working on the orders client\n" + leak.text());
    Files.writeString(agent.resolve("call-1.stderr"), "Traceback: the client failed\n" + leak.text());
    Files.writeString(agent.resolve("call-1.exit"), "3");
    Map<String, Object> result = new LinkedHashMap<>();
    result.put("status", "done");
    result.put("summary", "Wired the orders client with password=" + leak.password() + " and " + leak.line(1));
    result.put("changedFiles", List.of("Makefile"));
    result.put("notes", leak.line(2));
    Map<String, Object> envelope = new LinkedHashMap<>();
    envelope.put("type", "result");
    envelope.put("subtype", "success");
    envelope.put("is_error", false);
    envelope.put("result", "Wired the client; the token it uses:\n" + leak.secret(1) + "\n```json\n"
        + JSON.writeValueAsString(result) + "\n```");
    envelope.put("session_id", "session-" + storyId);
    Files.writeString(agent.resolve("call-2.stdout"), JSON.writeValueAsString(envelope));
    Files.writeString(agent.resolve("call-2.stderr"), leak.text());

    // when the first run fails, the second says it is done and the build fails on its work
    assertThatThrownBy(() -> driver.runStep(story, "Task_Implement")).hasMessageContaining("Agent run 1");
    driver.runStep(story, "Task_Implement");
    assertThat(story).isWaitingAt("Task_BackendEngineerFallback");

    // then
    HttpTestClient http = new HttpTestClient(port);
    Reply firstLog = http.get("qa", "/api/stories/" + storyId + "/runs/1/log");
    Reply secondLog = http.get("qa", "/api/stories/" + storyId + "/runs/2/log");
    Reply runs = http.get("qa", "/api/stories/" + storyId + "/runs");
    Reply storyView = http.get("backend", "/api/stories/" + storyId);
    String fallbackTask = task("Task_BackendEngineerFallback", story).getId();
    Reply taskVariables = http.get("backend", "/engine-rest/task/" + fallbackTask + "/variables");
    Map<String, String> seen = new LinkedHashMap<>();
    for (Reply reply : List.of(firstLog, secondLog, runs, storyView, taskVariables)) {
      assertThat(reply.status()).as(reply.raw().uri() + " " + reply.body()).isEqualTo(200);
      seen.put(reply.raw().uri().getPath(), reply.body());
    }
    String fallbackReason = (String) engine.getRuntimeService().getVariable(story.getId(), "fallbackReason");
    seen.put("fallbackReason", fallbackReason);
    List<HistoricVariableUpdate> updates = engine.getHistoryService().createHistoricDetailQuery()
        .processInstanceId(story.getId()).variableUpdates().list().stream()
        .map(HistoricVariableUpdate.class::cast).toList();
    updates.forEach(u -> seen.put("history " + u.getVariableName() + " " + u.getId(), String.valueOf(u.getValue())));
    // (fallbackReason is bookkeeping: history keeps its latest value, not a detail row per change)
    List<HistoricVariableInstance> historic = engine.getHistoryService().createHistoricVariableInstanceQuery()
        .processInstanceId(story.getId()).list();
    historic.forEach(v -> seen.put("historic " + v.getName() + " " + v.getId(), String.valueOf(v.getValue())));
    engine.getRuntimeService().getVariables(story.getId())
        .forEach((name, value) -> seen.put(name, String.valueOf(value)));
    JsonNode implementation = JSON.readTree(seen.get("implementation"));
    String excerpt = implementation.path("logExcerpt").asText();
    Path buildLog = Path.of(implementation.at("/build/logFile").asText());
    seen.put(buildLog.toString(), Files.readString(buildLog, StandardCharsets.UTF_8));
    seen.put("Storyflow's log", output.getAll());
    List<String> leaks = new ArrayList<>();
    seen.forEach((where, text) -> leak.secrets().stream().filter(text::contains)
        .forEach(secret -> leaks.add("secret #" + leak.secrets().indexOf(secret) + " in " + where)));
    assertThat(leaks).isEmpty();
    assertThat(historic).filteredOn(v -> v.getName().equals("fallbackReason")).isNotEmpty();

    // and the text around each secret is still there
    assertThat(firstLog.body()).contains("## stdout", "Working on the orders client", "## stderr",
        "Traceback: the client failed", "postgres://orders:********@db.internal:5432/orders", "AKIA********",
        "-----BEGIN RSA PRIVATE KEY-----********-----END RSA PRIVATE KEY-----");
    assertThat(secondLog.body()).contains("the token it uses:\\nghp_********", "password=********", "AKIA********");
    assertThat(runs.json().findValuesAsText("outcome")).containsExactly("FAILED", "CHECKS_FAILED");
    assertThat(runs.json().get(0).path("reason").asText()).contains("exited with code 3", "AKIA********");
    assertThat(runs.json().get(1).path("summary").asText()).contains("password=********");
    assertThat(excerpt).contains("building the orders service", "giving up", "AKIA********", "ghp_********");
    assertThat(fallbackReason).contains("That was attempt 2 of 2", "Build log (end):", "AKIA********");
  }

  @Test
  void sarifOfAStoryWithoutAScanIsNotFound() {
    HttpTestClient http = new HttpTestClient(port);
    Reply unknown = http.get("qa", "/api/stories/NO-SUCH-STORY/security.sarif");
    assertThat(unknown.status()).isEqualTo(404);
    assertThat(unknown.header("Content-Type")).startsWith("application/problem+json");
    assertThat(http.get(null, "/api/stories/NO-SUCH-STORY/security.sarif").status()).isEqualTo(401);
  }

  // ------------------------------------------------------------------ helpers

  static final ObjectMapper JSON = new ObjectMapper();

  /**
   * Log lines holding planted secrets of several shapes, as an agent or a build prints them.
   *
   * @param lines the lines, one secret each
   * @param secrets the secret values
   * @param password the value of the line {@code spring.datasource.password=...}
   */
  record Leak(List<String> lines, List<String> secrets, String password) {

    static Leak of(long seed) {
      FakeSecrets fakes = new FakeSecrets(seed);
      List<String> lines = new ArrayList<>();
      List<String> secrets = new ArrayList<>();
      String password = fakes.make("password");
      leak(lines, secrets, "Connecting to postgres://orders:%s@db.internal:5432/orders", fakes.make("url-password"));
      leak(lines, secrets, "export GITHUB_TOKEN=%s", fakes.make("github-pat"));
      leak(lines, secrets, "aws_access_key_id = %s", fakes.make("aws-key-id"));
      leak(lines, secrets, "> Authorization: Bearer %s", fakes.make("bearer"));
      leak(lines, secrets, "notify slack with %s", fakes.make("slack-bot"));
      leak(lines, secrets, "charging with key %s", fakes.make("stripe-live"));
      leak(lines, secrets, "session cookie: %s", fakes.make("jwt"));
      leak(lines, secrets, "spring.datasource.password=%s", password);
      String key = fakes.make("rsa-private-key");
      lines.add(key);
      secrets.addAll(key.lines().filter(l -> !l.startsWith("-----")).toList());
      return new Leak(lines, secrets, password);
    }

    private static void leak(List<String> lines, List<String> secrets, String format, String secret) {
      lines.add(String.format(format, secret));
      secrets.add(secret);
    }

    String line(int index) {
      return lines.get(index);
    }

    String secret(int index) {
      return secrets.get(index);
    }

    String text() {
      return String.join("\n", lines) + "\n";
    }
  }

  /** Puts the repository's own working tree back on main, so that the story branch can be pushed to. */
  private static void checkOutMain(Path repo) {
    try (Git git = Git.open(repo.toFile())) {
      git.checkout().setName("main").call();
    } catch (IOException | GitAPIException e) {
      throw new IllegalStateException(e);
    }
  }
}
