package dev.storyflow.securityscan;

import static dev.storyflow.lifecycle.StoryDriver.approve;
import static dev.storyflow.lifecycle.StoryDriver.rework;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.complete;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.execute;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.job;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.task;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.storyflow.lifecycle.Status;
import dev.storyflow.lifecycle.StoryDriver;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.UUID;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.ActiveProfiles;

/**
 * Security review on the real engine, with a git workspace per story: the scan, the DMN gate, the
 * human fallback that fixes the branch, the re-scan, the expert's override and the concerns loop.
 */
@SpringBootTest(properties = "spring.datasource.url=jdbc:h2:mem:securityscan-process;DB_CLOSE_DELAY=-1")
@ActiveProfiles("test")
@Import(TestWorkspaces.class)
class SecurityReviewProcessTest {

  static final String CONFIG = "src/main/resources/application.properties";
  static final String DAO = "src/main/java/com/acme/orders/OrderDao.java";

  @Autowired
  ProcessEngine engine;

  @TempDir
  Path workspaces;

  final ObjectMapper json = new ObjectMapper();
  StoryDriver driver;

  @BeforeEach
  void setUp() {
    driver = new StoryDriver(engine);
  }

  @Test
  void cleanBranchPassesAndTheExpertApprovesToConfiguringDevOps() {
    // given
    Path repo = repository(Map.of(DAO, safeDao()));
    ProcessInstance story = storyAtSecurityScan(repo);

    // when
    driver.runStep(story, "Task_SecurityScan");

    // then
    assertThat(story).isWaitingAt("Task_SecurityReview");
    JsonNode scan = securityScan(story);
    assertThat(scan.path("verdict").asText()).isEqualTo("PASS");
    assertThat(scan.path("scope").asText()).isEqualTo("changed");
    assertThat(scan.path("base").asText()).startsWith("main@");
    assertThat(scan.path("filesScanned").asInt()).isEqualTo(1);
    assertThat(repo.resolve(".storyflow/security.sarif")).exists();
    driver.completeTask(story, "Task_SecurityReview", approve());
    assertThat(story).isWaitingAt("Task_PrepareDeployment");
    driver.assertStatus(story, Status.CONFIGURING_DEVOPS);
    assertThat(story).variables().doesNotContainKey("overrides");
  }

  @Test
  void plantedKeyBlocksUntilTheFixRemovesItThenTheRescanPassesToTheExpert() {
    // given
    String key = new FakeSecrets(7).make("aws-key-id");
    Path repo = repository(Map.of(CONFIG, "cloud.aws.region=eu-west-1\ncloud.aws.access-key=" + key + "\n"));
    ProcessInstance story = storyAtSecurityScan(repo);

    // when
    driver.runStep(story, "Task_SecurityScan");

    // then the self-check blocks and a backend engineer gets the findings
    assertThat(story).isWaitingAt("Task_BackendEngineerFallback");
    assertThat(story).variables().containsEntry("fallbackStep", "securityScan");
    assertThat((String) variable(story, "fallbackReason"))
        .contains("blocks", "secret.aws-access-key-id in " + CONFIG + ":2").doesNotContain(key);
    assertThat(securityScan(story).path("verdict").asText()).isEqualTo("BLOCK");

    // when the backend engineer removes the key from the branch and completes the task
    TestWorkspaces.commitFiles(repo, Map.of(CONFIG, "cloud.aws.region=eu-west-1\n"), "Read the key from the environment");
    complete(task("Task_BackendEngineerFallback", story), Map.of("comment", "Key removed and rotated"));
    driver.runStep(story, "Task_SecurityScan");

    // then the re-scan passes and the expert decides
    assertThat(story).isWaitingAt("Task_SecurityReview");
    assertThat(securityScan(story).path("verdict").asText()).isEqualTo("PASS");
    driver.completeTask(story, "Task_SecurityReview", approve());
    assertThat(story).isWaitingAt("Task_PrepareDeployment");
  }

  @Test
  void blockThatTheFixLeavesNeedsTheExpertsOverrideWithAComment() {
    // given a secret the backend engineer leaves in place
    Path repo = repository(Map.of(CONFIG, "payments.api-key=" + new FakeSecrets(8).make("stripe-live") + "\n"));
    ProcessInstance story = storyAtSecurityScan(repo);
    driver.runStep(story, "Task_SecurityScan");
    assertThat(story).isWaitingAt("Task_BackendEngineerFallback");
    complete(task("Task_BackendEngineerFallback", story), Map.of("comment", "Sandbox key, harmless in my view"));
    driver.runStep(story, "Task_SecurityScan");
    assertThat(story).isWaitingAt("Task_SecurityReview");
    assertThat(securityScan(story).path("verdict").asText()).isEqualTo("BLOCK");

    // when the expert approves without a comment, it is refused
    assertThatThrownBy(() -> complete(task("Task_SecurityReview", story), approve()))
        .hasMessageContaining("comment is required to approve against the evidence")
        .hasMessageContaining("the security scan blocks the story")
        .hasMessageNotContaining("BLOCK");
    assertThat(story).isWaitingAt("Task_SecurityReview");

    // when the expert overrides with a comment
    complete(task("Task_SecurityReview", story), Map.of("approved", true, "comment", "Sandbox key; rotation ticket SEC-12"));

    // then the story moves on and the override is recorded
    assertThat(story).isWaitingAt("Task_PrepareDeployment");
    JsonNode overrides = json(variable(story, "overrides"));
    assertThat(overrides).hasSize(1);
    assertThat(overrides.get(0).path("task").asText()).isEqualTo("Task_SecurityReview");
    assertThat(overrides.get(0).path("reason").asText()).contains("the security scan blocks the story")
        .doesNotContain("BLOCK", "(s)");
    assertThat(overrides.get(0).path("comment").asText()).isEqualTo("Sandbox key; rotation ticket SEC-12");
  }

  @Test
  void blockedStoryCanStillBeSentBackWithoutAnOverride() {
    // given
    Path repo = repository(Map.of(CONFIG, "github.token=" + new FakeSecrets(9).make("github-pat") + "\n"));
    ProcessInstance story = storyAtSecurityScan(repo);
    driver.runStep(story, "Task_SecurityScan");
    complete(task("Task_BackendEngineerFallback", story), Map.of());
    driver.runStep(story, "Task_SecurityScan");
    assertThat(securityScan(story).path("verdict").asText()).isEqualTo("BLOCK");

    // when
    driver.completeTask(story, "Task_SecurityReview", rework("Take the token out of the code", "IN_PROGRESS"));

    // then
    assertThat(story).isWaitingAt("Task_Implement");
    driver.assertStatus(story, Status.IN_PROGRESS);
    assertThat(story).variables().doesNotContainKey("overrides");
  }

  @Test
  void concernsLoopFallsBackToAHumanRescansAndComparesBeforeAndAfter() {
    // given a branch with SQL built by concatenation: the gate asks the expert to review
    Path repo = repository(Map.of(DAO, unsafeDao()));
    ProcessInstance story = storyAtSecurityScan(repo);
    driver.runStep(story, "Task_SecurityScan");
    assertThat(story).isWaitingAt("Task_SecurityReview");
    JsonNode before = securityScan(story);
    assertThat(before.path("verdict").asText()).isEqualTo("REVIEW");
    assertThat(before.path("findings").findValuesAsText("rule")).contains("java.SqlStringConcatenation");

    // when the expert raises concerns
    driver.completeTask(story, "Task_SecurityReview", Map.of("securityConcerns", "OrderDao builds SQL from input"));

    // then the builtin agent cannot fix code: a backend engineer gets the concerns
    assertThat(story).isWaitingAt("Task_AddressSecurityConcerns");
    driver.runStep(story, "Task_AddressSecurityConcerns");
    assertThat(story).isWaitingAt("Task_BackendEngineerFallback");
    assertThat(story).variables().containsEntry("fallbackStep", "securityFix");
    assertThat((String) variable(story, "fallbackReason")).contains("OrderDao builds SQL from input");

    // when the human fixes the branch
    TestWorkspaces.commitFiles(repo, Map.of(DAO, safeDao()), "Bind the customer id as a parameter");
    complete(task("Task_BackendEngineerFallback", story), Map.of("comment", "Uses a PreparedStatement now"));
    driver.runStep(story, "Task_AddressSecurityConcerns");

    // then the re-scan goes back to the expert with a before/after comparison
    assertThat(story).isWaitingAt("Task_SecurityReview");
    JsonNode after = securityScan(story);
    assertThat(after.path("verdict").asText()).isEqualTo("PASS");
    assertThat(after.path("concerns").asText()).isEqualTo("OrderDao builds SQL from input");
    JsonNode comparison = after.path("comparison");
    assertThat(comparison.path("before").path("verdict").asText()).isEqualTo("REVIEW");
    assertThat(comparison.path("after").path("verdict").asText()).isEqualTo("PASS");
    assertThat(comparison.path("fixed").findValuesAsText("rule")).containsExactly("java.SqlStringConcatenation");
    assertThat(comparison.path("introduced")).isEmpty();
    driver.completeTask(story, "Task_SecurityReview", approve());
    assertThat(story).isWaitingAt("Task_PrepareDeployment");
  }

  @Test
  void fixAlreadyOnTheBranchWhenTheStepRunsGoesBackToTheExpertWithoutAFallback() {
    // given the expert raised concerns about SQL built by concatenation
    Path repo = repository(Map.of(DAO, unsafeDao()));
    ProcessInstance story = storyAtSecurityScan(repo);
    driver.runStep(story, "Task_SecurityScan");
    driver.completeTask(story, "Task_SecurityReview", Map.of("securityConcerns", "Bind the customer id"));

    // when the branch changed before the step checks it, as an agent's commit would
    TestWorkspaces.commitFiles(repo, Map.of(DAO, safeDao()), "Bind the customer id as a parameter");
    driver.runStep(story, "Task_AddressSecurityConcerns");

    // then the step trusts the branch, not anyone's word: re-scan and comparison, straight to the expert
    assertThat(story).isWaitingAt("Task_SecurityReview").isNotWaitingAt("Task_BackendEngineerFallback");
    JsonNode after = securityScan(story);
    assertThat(after.path("verdict").asText()).isEqualTo("PASS");
    assertThat(after.path("comparison").path("fixed").findValuesAsText("rule")).containsExactly("java.SqlStringConcatenation");
  }

  @Test
  void securitySensitiveStoryBlocksOnHighFindings() {
    // given the feasibility report flags the story and the branch has a HIGH finding
    Path repo = repository(Map.of(DAO, unsafeDao()));
    ProcessInstance story = storyAtSecurityScan(repo);
    engine.getRuntimeService().setVariable(story.getId(), "feasibility",
        org.camunda.spin.plugin.variable.SpinValues.jsonValue("{\"verdict\":\"READY\",\"securitySensitive\":true}").create());

    // when
    driver.runStep(story, "Task_SecurityScan");

    // then
    assertThat(story).isWaitingAt("Task_BackendEngineerFallback");
    assertThat(securityScan(story).path("verdict").asText()).isEqualTo("BLOCK");
    assertThat(securityScan(story).path("securitySensitive").asBoolean()).isTrue();
  }

  private Path repository(Map<String, String> storyChanges) {
    Path repo = TestWorkspaces.create(workspaces, "US-" + UUID.randomUUID().toString().substring(0, 8));
    TestWorkspaces.commitFiles(repo, storyChanges, "Story work");
    return repo;
  }

  private ProcessInstance storyAtSecurityScan(Path repo) {
    // Security review is what these tests are about: the story starts there
    ProcessInstance story = driver.startAt("Gateway_EnterSecurityReview", Map.of("repository", repo.toString()));
    assertThat(story).isWaitingAt("Task_SecurityScan");
    return story;
  }

  private Object variable(ProcessInstance story, String name) {
    return engine.getRuntimeService().getVariable(story.getId(), name);
  }

  private JsonNode securityScan(ProcessInstance story) {
    return json(variable(story, "securityScan"));
  }

  private JsonNode json(Object value) {
    try {
      return json.readTree(value.toString());
    } catch (java.io.IOException e) {
      throw new IllegalStateException(e);
    }
  }

  static String unsafeDao() {
    return """
        package com.acme.orders;

        import java.sql.Connection;
        import java.sql.ResultSet;

        public class OrderDao {
          public ResultSet byCustomer(Connection c, String customerId) throws Exception {
            return c.createStatement().executeQuery("SELECT * FROM orders WHERE customer = '" + customerId + "'");
          }
        }
        """;
  }

  static String safeDao() {
    return """
        package com.acme.orders;

        import java.sql.Connection;
        import java.sql.PreparedStatement;
        import java.sql.ResultSet;

        public class OrderDao {
          public ResultSet byCustomer(Connection c, String customerId) throws Exception {
            PreparedStatement statement = c.prepareStatement("SELECT * FROM orders WHERE customer = ?");
            statement.setString(1, customerId);
            return statement.executeQuery();
          }
        }
        """;
  }
}
