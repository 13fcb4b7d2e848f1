package dev.storyflow.securityscan;

import static org.assertj.core.api.Assertions.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.complete;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.execute;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.job;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.task;

import com.fasterxml.jackson.databind.JsonNode;
import dev.storyflow.HttpTestClient;
import dev.storyflow.HttpTestClient.Reply;
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
import org.camunda.bpm.engine.history.HistoricVariableUpdate;
import org.camunda.bpm.engine.runtime.ProcessInstance;
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

/**
 * No secret value leaves the workspace: a story branch holding every planted secret of the corpus
 * is scanned (blocked, fallback, re-scan, expert), then the logs, every variable value in runtime
 * and history, the SARIF file and the API answers (Storyflow's and the task variables Tasklist reads) are searched for the planted values.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
    "spring.datasource.url=jdbc:h2:mem:securityscan-masking;DB_CLOSE_DELAY=-1",
    "camunda.bpm.generate-unique-process-engine-name=false",
    "camunda.bpm.generic-properties.properties.login-delay-base=0"})
@ActiveProfiles("test")
@Import(TestWorkspaces.class)
@DirtiesContext
@ExtendWith(OutputCaptureExtension.class)
class SecretMaskingIT {

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
    execute(job("Task_SecurityScan", story));
    assertThat(story).isWaitingAt("Task_BackendEngineerFallback");
    complete(task("Task_BackendEngineerFallback", story), Map.of());
    execute(job("Task_SecurityScan", story));
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
  void sarifOfAStoryWithoutAScanIsNotFound() {
    HttpTestClient http = new HttpTestClient(port);
    Reply unknown = http.get("qa", "/api/stories/NO-SUCH-STORY/security.sarif");
    assertThat(unknown.status()).isEqualTo(404);
    assertThat(unknown.header("Content-Type")).startsWith("application/problem+json");
    assertThat(http.get(null, "/api/stories/NO-SUCH-STORY/security.sarif").status()).isEqualTo(401);
  }
}
