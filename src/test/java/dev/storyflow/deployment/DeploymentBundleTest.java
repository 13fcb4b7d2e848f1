package dev.storyflow.deployment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.groups.Tuple.tuple;

import dev.storyflow.deployment.BundleGenerator.Action;
import dev.storyflow.deployment.BundleGenerator.FileOutcome;
import dev.storyflow.deployment.BundleGenerator.Generation;
import dev.storyflow.deployment.ServiceFacts.EnvironmentVariable;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Detection, generation and validation on fixture workspaces, without Spring. */
class DeploymentBundleTest {

  final DeploymentProperties properties = DeploymentProperties.defaults();
  final ServiceDetector detector = new ServiceDetector(properties);
  final BundleGenerator generator = new BundleGenerator(properties);
  final BundleValidator validator = new BundleValidator(List.of(new InlineSecretCheck(properties)), properties);

  @TempDir
  Path dir;

  @Test
  void springServiceWithPostgresGetsAValidBundle() throws IOException {
    // given
    Path workspace = Fixtures.springPostgres(dir);

    // when
    ServiceFacts facts = detect(workspace);
    Generation generation = generator.generate(workspace, facts);
    BundleValidation validation = validator.validate(workspace, generation.layout(), facts);

    // then
    assertThat(facts.build().tool()).isEqualTo(BuildTool.MAVEN);
    assertThat(facts.build().runtimeVersion()).isEqualTo("21");
    assertThat(facts.build().name()).isEqualTo("payments");
    assertThat(facts.build().artifact()).isEqualTo("target/payments-1.0.0.jar");
    assertThat(facts.port()).isEqualTo(8081);
    assertThat(facts.healthPath()).isEqualTo("/actuator/health");
    assertThat(facts.environment()).containsExactly(
        new EnvironmentVariable("DB_PASSWORD", true, true, List.of("src/main/resources/application.yaml")),
        new EnvironmentVariable("PAYMENT_PROVIDER_URL", true, false,
            List.of("src/main/java/com/example/payments/PaymentClient.java")));
    assertThat(facts.services()).containsExactly(BackingService.POSTGRES);
    assertThat(actions(generation)).containsOnly(Map.entry("deploy/Dockerfile", Action.CREATED),
        Map.entry("deploy/Dockerfile.dockerignore", Action.CREATED), Map.entry("deploy/compose.yaml", Action.CREATED),
        Map.entry("deploy/k8s/deployment.yaml", Action.CREATED), Map.entry("deploy/k8s/service.yaml", Action.CREATED),
        Map.entry("deploy/.env.example", Action.CREATED), Map.entry("deploy/.gitignore", Action.CREATED),
        Map.entry(".github/workflows/build.yaml", Action.CREATED));
    assertThat(validation.problems()).isEmpty();
    assertThat(read(workspace, "deploy/Dockerfile")).contains("FROM maven:3.9-eclipse-temurin-21 AS build",
        "FROM eclipse-temurin:21-jre", "COPY --from=build /workspace/target/payments-1.0.0.jar app.jar",
        "USER 10001:10001", "EXPOSE 8081", "curl -fsS http://localhost:8081/actuator/health");
    assertThat(read(workspace, "deploy/k8s/deployment.yaml")).contains("secretKeyRef", "key: DB_PASSWORD",
        "configMapKeyRef", "key: PAYMENT_PROVIDER_URL", "path: /actuator/health/readiness", "runAsNonRoot: true")
        .doesNotContain("value:");
    assertThat(read(workspace, "deploy/compose.yaml")).contains("image: postgres:17",
        "POSTGRES_PASSWORD: ${POSTGRES_PASSWORD:?set POSTGRES_PASSWORD in .env}", "env_file: .env",
        "dockerfile: deploy/Dockerfile", "context: ..", "condition: service_healthy");
    assertThat(read(workspace, "deploy/.env.example")).contains("\nDB_PASSWORD=\n", "\nPAYMENT_PROVIDER_URL=\n",
        "\nPOSTGRES_PASSWORD=\n").doesNotContain("ONLY_IN_TESTS");
  }

  @Test
  void nodeServiceWithRedisGetsAValidBundle() throws IOException {
    // given
    Path workspace = Fixtures.nodeRedis(dir);

    // when
    ServiceFacts facts = detect(workspace);
    Generation generation = generator.generate(workspace, facts);
    BundleValidation validation = validator.validate(workspace, generation.layout(), facts);

    // then
    assertThat(facts.build().tool()).isEqualTo(BuildTool.NPM);
    assertThat(facts.build().runtimeVersion()).isEqualTo("20");
    assertThat(facts.build().name()).isEqualTo("catalog");
    assertThat(facts.build().start()).containsExactly("node", "src/server.js");
    assertThat(facts.port()).isEqualTo(3000);
    assertThat(facts.healthPath()).isEqualTo("/healthz");
    assertThat(facts.environment()).extracting(EnvironmentVariable::name, EnvironmentVariable::required)
        .containsExactly(tuple("PORT", false),
            tuple("REDIS_URL", true));
    assertThat(facts.services()).containsExactly(BackingService.REDIS);
    assertThat(validation.problems()).isEmpty();
    assertThat(read(workspace, "deploy/Dockerfile")).contains("FROM node:20-slim AS build", "RUN npm ci",
        "USER 1000:1000", "fetch('http://localhost:3000/healthz')", "CMD [\"node\", \"src/server.js\"]");
    assertThat(read(workspace, "deploy/compose.yaml")).contains("image: redis:7-alpine", "catalog:",
        "image: catalog:2.1.0");
    assertThat(read(workspace, "deploy/.env.example")).contains("\n# PORT=\n", "\nREDIS_URL=\n");
    assertThat(read(workspace, ".github/workflows/build.yaml")).contains("npm ci", "npm test");
  }

  @Test
  void repositoryWithItsOwnDockerfileKeepsIt() throws IOException {
    // given
    Path workspace = Fixtures.pythonWithDockerfile(dir);

    // when
    ServiceFacts facts = detect(workspace);
    Generation generation = generator.generate(workspace, facts);
    BundleValidation validation = validator.validate(workspace, generation.layout(), facts);

    // then
    assertThat(facts.build().tool()).isEqualTo(BuildTool.PIP);
    assertThat(facts.port()).isEqualTo(5000);
    assertThat(facts.healthPath()).isEqualTo("/health");
    assertThat(facts.environmentNames()).containsExactly("KAFKA_BOOTSTRAP_SERVERS", "PORT", "SECRET_KEY");
    assertThat(facts.services()).containsExactly(BackingService.KAFKA);
    assertThat(actions(generation)).containsEntry("Dockerfile", Action.KEPT)
        .doesNotContainKeys("deploy/Dockerfile", "deploy/Dockerfile.dockerignore");
    assertThat(read(workspace, "Dockerfile")).isEqualTo(Fixtures.TEAM_DOCKERFILE);
    assertThat(read(workspace, "deploy/compose.yaml")).contains("dockerfile: Dockerfile", "image: apache/kafka");
    assertThat(read(workspace, "deploy/k8s/deployment.yaml")).contains("key: SECRET_KEY", "secretKeyRef");
    assertThat(validation.problems()).isEmpty();
  }

  @Test
  void generatingTwiceChangesNothing() throws IOException {
    // given
    Path workspace = Fixtures.springPostgres(dir);
    generator.generate(workspace, detect(workspace));
    Map<String, String> before = snapshot(workspace);

    // when
    Generation again = generator.generate(workspace, detect(workspace));

    // then
    assertThat(again.changed()).isFalse();
    assertThat(again.files()).extracting(FileOutcome::action).containsOnly(Action.UNCHANGED);
    assertThat(snapshot(workspace)).isEqualTo(before);
  }

  @Test
  void linkedFolderThatLeadsOutOfTheWorkspaceIsRefused(@TempDir Path outside) throws IOException {
    // given a repository whose deploy folder is a link to somewhere else
    Path workspace = Fixtures.springPostgres(dir);
    Files.createSymbolicLink(workspace.resolve("deploy"), outside);

    // when / then
    assertThatThrownBy(() -> generator.generate(workspace, detect(workspace)))
        .isInstanceOf(BundleGenerator.UnsafeWorkspaceException.class)
        .hasMessageContaining("leads out of the workspace");
    try (Stream<Path> written = Files.list(outside)) {
      assertThat(written).isEmpty();
    }
  }

  @Test
  void filesATeamEditedAreKeptAndReportedAsKept() throws IOException {
    // given
    Path workspace = Fixtures.springPostgres(dir);
    generator.generate(workspace, detect(workspace));
    Path compose = workspace.resolve("deploy/compose.yaml");
    String edited = Files.readString(compose) + "# tuned by the team\n";
    Files.writeString(compose, edited);

    // when
    Generation again = generator.generate(workspace, detect(workspace));

    // then
    assertThat(actions(again)).containsEntry("deploy/compose.yaml", Action.KEPT)
        .containsEntry("deploy/Dockerfile", Action.UNCHANGED);
    assertThat(Files.readString(compose)).isEqualTo(edited);
  }

  ServiceFacts detect(Path workspace) {
    return detector.detect(workspace, Set.of(properties.directory()));
  }

  static Map<String, Action> actions(Generation generation) {
    return generation.files().stream().collect(Collectors.toMap(FileOutcome::path, FileOutcome::action));
  }

  static String read(Path workspace, String file) throws IOException {
    return Files.readString(workspace.resolve(file));
  }

  static Map<String, String> snapshot(Path root) throws IOException {
    try (Stream<Path> files = Files.walk(root)) {
      Map<String, String> contents = new TreeMap<>();
      for (Path f : files.filter(Files::isRegularFile).toList()) {
        contents.put(root.relativize(f).toString(), Files.readString(f));
      }
      return contents;
    }
  }
}
