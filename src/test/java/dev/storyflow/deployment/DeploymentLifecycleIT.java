package dev.storyflow.deployment;

import static dev.storyflow.lifecycle.StoryDriver.approve;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.complete;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.execute;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.job;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.task;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.storyflow.engineer.WorkspaceProvider;
import dev.storyflow.lifecycle.StoryDriver;
import dev.storyflow.lifecycle.StoryProcess;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Consumer;
import java.util.stream.Stream;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Primary;
import org.springframework.test.context.ActiveProfiles;

/**
 * Configuring DevOps on the real engine, jobs run by hand: the builtin backend engineer writes the
 * bundle to the story branch of a fixture repository, a failing bundle goes to a human, and the
 * story reaches UAT only with a passing bundle or a recorded override. Stories start at
 * Configuring DevOps (the earlier statuses have their own tests), so that only this step works on
 * the repository.
 */
@SpringBootTest(properties = "spring.datasource.url=jdbc:h2:mem:storyflow-deployment;DB_CLOSE_DELAY=-1")
@ActiveProfiles("test")
class DeploymentLifecycleIT {

  @TestConfiguration
  static class Workspaces {
    @Bean
    @Primary
    WorkspaceProvider gitTestWorkspaces() {
      return new GitTestWorkspaces(Path.of("target/deployment-workspaces"));
    }
  }

  @Autowired
  ProcessEngine engine;

  @Autowired
  ObjectMapper json;

  @TempDir
  Path dir;

  StoryDriver driver;

  @BeforeEach
  void setUp() {
    driver = new StoryDriver(engine);
  }

  static Stream<Arguments> services() {
    return Stream.of(
        Arguments.of("spring-postgres", (Consumer<Path>) Fixtures::springPostgres, 8081,
            List.of("DB_PASSWORD", "PAYMENT_PROVIDER_URL"), List.of("postgres"), "deploy/Dockerfile"),
        Arguments.of("node-redis", (Consumer<Path>) Fixtures::nodeRedis, 3000,
            List.of("PORT", "REDIS_URL"), List.of("redis"), "deploy/Dockerfile"),
        Arguments.of("own-dockerfile", (Consumer<Path>) Fixtures::pythonWithDockerfile, 5000,
            List.of("KAFKA_BOOTSTRAP_SERVERS", "PORT", "SECRET_KEY"), List.of("kafka"), "Dockerfile"));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("services")
  void bundleIsWrittenValidatedAndCommittedToTheStoryBranch(String name, Consumer<Path> fixture, int port,
      List<String> variables, List<String> services, String dockerfile) throws IOException {
    // given
    Path repository = GitFixtures.repository(dir.resolve(name), fixture);
    ProcessInstance story = startAtConfiguringDevOps(repository);
    String branch = "story/" + story.getBusinessKey();

    // when
    driver.runStep(story, StoryProcess.TASK_PREPARE_DEPLOYMENT);

    // then the DevOps engineer reviews a valid bundle
    assertThat(story).isWaitingAt("Task_ConfigureDevOps");
    JsonNode deployment = deployment(story);
    assertThat(deployment.path("valid").asBoolean()).isTrue();
    assertThat(deployment.path("branch").asText()).isEqualTo(branch);
    assertThat(deployment.at("/service/port").asInt()).isEqualTo(port);
    assertThat(deployment.at("/service/environment").findValuesAsText("name")).isEqualTo(variables);
    assertThat(deployment.at("/service/backingServices").findValuesAsText("name")).isEqualTo(services);
    assertThat(deployment.path("problems")).isEmpty();
    assertThat(deployment.path("summary").asText()).contains("validation passed");

    // and the bundle is on the story branch of the repository
    assertThat(GitFixtures.files(repository, branch)).contains(dockerfile, "deploy/compose.yaml",
        "deploy/k8s/deployment.yaml", "deploy/k8s/service.yaml", "deploy/.env.example", ".github/workflows/build.yaml");
    assertThat(GitFixtures.lastMessage(repository, branch)).startsWith("Deployment bundle for " + story.getBusinessKey());
    assertThat(GitFixtures.head(repository, "main")).isNotEqualTo(GitFixtures.head(repository, branch));

    // when the DevOps engineer approves
    driver.completeTask(story, "Task_ConfigureDevOps", approve());

    // then
    assertThat(story).isWaitingAt("Task_UAT");
  }

  @Test
  void preparingTheBundleAgainChangesNothing() throws IOException {
    // given a story sent back from UAT to Configuring DevOps after its bundle was committed
    Path repository = GitFixtures.repository(dir.resolve("service"), Fixtures::springPostgres);
    ProcessInstance story = startAtConfiguringDevOps(repository);
    String branch = "story/" + story.getBusinessKey();
    driver.runStep(story, StoryProcess.TASK_PREPARE_DEPLOYMENT);
    var firstCommit = GitFixtures.head(repository, branch);
    driver.completeTask(story, "Task_ConfigureDevOps", approve());
    driver.completeTask(story, "Task_UAT", StoryDriver.rework("Wrong port", "CONFIGURING_DEVOPS"));

    // when
    driver.runStep(story, StoryProcess.TASK_PREPARE_DEPLOYMENT);

    // then
    assertThat(story).isWaitingAt("Task_ConfigureDevOps");
    assertThat(GitFixtures.head(repository, branch)).isEqualTo(firstCommit);
    assertThat(deployment(story).path("files").findValuesAsText("action")).containsOnly("unchanged");
  }

  @Test
  void plantedSecretSendsTheStoryToABackendEngineerAndTheFixLetsItThrough() throws IOException {
    // given a team's compose file with the database password written in
    Path repository = GitFixtures.repository(dir.resolve("service"), d -> {
      Fixtures.springPostgres(d);
      Fixtures.write(d, Map.of("deploy/compose.yaml", composeWithPassword("Pr0d-S3cret-2024")));
    });
    ProcessInstance story = startAtConfiguringDevOps(repository);
    String branch = "story/" + story.getBusinessKey();

    // when
    driver.runStep(story, StoryProcess.TASK_PREPARE_DEPLOYMENT);

    // then a human backend engineer is asked, told where and what
    assertThat(story).isWaitingAt("Task_BackendEngineerFallback");
    assertThat(fallbackReason(story)).contains("fails validation", "step 'deployment'",
        "deploy/compose.yaml: line 10: POSTGRES_PASSWORD has a value written in").doesNotContain("Pr0d-S3cret-2024");
    assertThat(GitFixtures.files(repository, branch)).contains("deploy/Dockerfile", "deploy/compose.yaml");
    assertThat(deployment(story).path("valid").asBoolean()).as("the failed report is kept for the human").isFalse();
    assertThat(deployment(story).toString()).doesNotContain("Pr0d-S3cret-2024");

    // when the human fixes the file on the story branch and completes the task
    GitFixtures.commitTo(repository, branch, dir.resolve("fix"),
        Map.of("deploy/compose.yaml", composeWithPassword("${POSTGRES_PASSWORD:?set it in .env}")));
    complete(task("Task_BackendEngineerFallback", story), Map.of("comment", "Password from .env now"));
    driver.runStep(story, StoryProcess.TASK_PREPARE_DEPLOYMENT);

    // then the bundle passes, and approving needs nothing more
    assertThat(story).isWaitingAt("Task_ConfigureDevOps");
    assertThat(deployment(story).path("valid").asBoolean()).isTrue();
    driver.completeTask(story, "Task_ConfigureDevOps", approve());
    assertThat(story).isWaitingAt("Task_UAT");
    assertThat(engine.getRuntimeService().getVariable(story.getId(), "overrides")).isNull();
  }

  @Test
  void bundleThatStillFailsReachesUatOnlyWithARecordedOverride() throws IOException {
    // given a team's .env.example that forgot a variable the code reads
    Path repository = GitFixtures.repository(dir.resolve("service"), d -> {
      Fixtures.springPostgres(d);
      Fixtures.write(d, Map.of("deploy/.env.example", "DB_PASSWORD=\nPOSTGRES_PASSWORD=\n"));
    });
    ProcessInstance story = startAtConfiguringDevOps(repository);
    driver.runStep(story, StoryProcess.TASK_PREPARE_DEPLOYMENT);
    assertThat(story).isWaitingAt("Task_BackendEngineerFallback");
    assertThat(fallbackReason(story)).contains("deploy/.env.example: does not declare PAYMENT_PROVIDER_URL "
        + "(read by src/main/java/com/example/payments/PaymentClient.java)");

    // when the human completes the task without fixing it
    complete(task("Task_BackendEngineerFallback", story), Map.of("comment", "The DevOps engineer sets it"));
    driver.runStep(story, StoryProcess.TASK_PREPARE_DEPLOYMENT);

    // then the DevOps engineer sees the failed bundle
    assertThat(story).isWaitingAt("Task_ConfigureDevOps");
    JsonNode deployment = deployment(story);
    assertThat(deployment.path("valid").asBoolean()).isFalse();
    assertThat(deployment.path("summary").asText()).contains("validation FAILED");

    // and cannot approve it without a comment
    assertThatThrownBy(() -> complete(task("Task_ConfigureDevOps", story), approve()))
        .hasMessageContaining("comment is required to approve against the evidence (the deployment bundle failed "
            + "validation, 2 problem(s): deploy/.env.example: does not declare PAYMENT_PROVIDER_URL");
    assertThat(story).isWaitingAt("Task_ConfigureDevOps");

    // when approving with a comment
    driver.completeTask(story, "Task_ConfigureDevOps",
        Map.of("approved", true, "comment", "PAYMENT_PROVIDER_URL is in the cluster's ConfigMap already"));

    // then the override is recorded and the story reaches UAT
    assertThat(story).isWaitingAt("Task_UAT");
    JsonNode overrides = json.readTree(engine.getRuntimeService().getVariable(story.getId(), "overrides").toString());
    assertThat(overrides).singleElement().satisfies(o -> {
      assertThat(o.path("task").asText()).isEqualTo("Task_ConfigureDevOps");
      assertThat(o.path("reason").asText()).startsWith("the deployment bundle failed validation");
      assertThat(o.path("comment").asText()).isEqualTo("PAYMENT_PROVIDER_URL is in the cluster's ConfigMap already");
    });
  }

  @Test
  void storyWithoutRepositoryIsPreparedByHand() {
    // given
    ProcessInstance story = startAtConfiguringDevOps(null);

    // when
    driver.runStep(story, StoryProcess.TASK_PREPARE_DEPLOYMENT);

    // then
    assertThat(story).isWaitingAt("Task_BackendEngineerFallback");
    assertThat(fallbackReason(story)).contains("has no repository", "step 'deployment'");

    // when a human writes the configuration by hand, the story goes on
    complete(task("Task_BackendEngineerFallback", story), Map.of("comment", "Deployment files written"));
    driver.runStep(story, StoryProcess.TASK_PREPARE_DEPLOYMENT);
    assertThat(story).isWaitingAt("Task_ConfigureDevOps");
    assertThat(story).variables().containsEntry("fallbackStep", null).doesNotContainKey("deployment");
  }

  private ProcessInstance startAtConfiguringDevOps(Path repository) {
    String storyId = "US-" + UUID.randomUUID().toString().substring(0, 8);
    Map<String, Object> variables = StoryDriver.storyVariables(storyId, "backend");
    if (repository != null) {
      variables.put("repository", repository.toString());
    }
    return engine.getRuntimeService().createProcessInstanceByKey(StoryProcess.KEY).businessKey(storyId)
        .setVariables(variables).startBeforeActivity("Gateway_EnterConfiguringDevOps").execute();
  }

  private JsonNode deployment(ProcessInstance story) throws IOException {
    return json.readTree(engine.getRuntimeService().getVariable(story.getId(), "deployment").toString());
  }

  private String fallbackReason(ProcessInstance story) {
    return (String) engine.getRuntimeService().getVariable(story.getId(), "fallbackReason");
  }

  private static String composeWithPassword(String password) {
    return """
        services:
          payments:
            build:
              context: ..
              dockerfile: deploy/Dockerfile
            env_file: .env
          postgres:
            image: postgres:17
            environment:
              POSTGRES_PASSWORD: %s
        """.formatted(password);
  }
}
