package dev.storyflow.deployment;

import static org.assertj.core.api.Assertions.assertThat;

import dev.storyflow.deployment.BundleGenerator.Generation;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Bundles that must fail validation, each with a message that says what to fix. */
class BundleValidatorTest {

  final DeploymentProperties properties = DeploymentProperties.defaults();
  final ServiceDetector detector = new ServiceDetector(properties);
  final BundleGenerator generator = new BundleGenerator(properties);
  final BundleValidator validator = new BundleValidator(List.of(new InlineSecretCheck(properties)), properties);

  @TempDir
  Path workspace;

  @Test
  void plantedSecretFailsWithFileLineAndNameButNotTheValue() throws IOException {
    // given a team's compose file with a password written in
    Fixtures.springPostgres(workspace);
    generate();
    replace("deploy/compose.yaml", "${POSTGRES_PASSWORD:?set POSTGRES_PASSWORD in .env}", "Pr0d-S3cret-2024");

    // when
    BundleValidation validation = validate();

    // then
    assertThat(validation.passed()).isFalse();
    assertThat(validation.problems()).singleElement().asString()
        .startsWith("deploy/compose.yaml: line 21: POSTGRES_PASSWORD has a value written in")
        .doesNotContain("Pr0d-S3cret-2024");
  }

  @Test
  void variableTheCodeReadsButTheBundleDoesNotDeclareFails() throws IOException {
    // given a team's .env.example and deployment that forgot PAYMENT_PROVIDER_URL
    Fixtures.springPostgres(workspace);
    generate();
    replace("deploy/.env.example", "PAYMENT_PROVIDER_URL=\n", "");
    replace("deploy/k8s/deployment.yaml", "- name: PAYMENT_PROVIDER_URL", "- name: PAYMENT_URL");

    // when
    BundleValidation validation = validate();

    // then
    String missing = "does not declare PAYMENT_PROVIDER_URL (read by src/main/java/com/example/payments/PaymentClient.java)";
    assertThat(validation.problems()).containsExactly("deploy/.env.example: " + missing,
        // compose loads .env, made from .env.example
        "deploy/compose.yaml: " + missing,
        "deploy/k8s/deployment.yaml: " + missing);
  }

  @Test
  void newVariableInTheCodeIsCaughtOnTheNextRun() throws IOException {
    // given a bundle generated before the code read FEATURE_FLAGS_URL
    Fixtures.springPostgres(workspace);
    generate();
    Fixtures.write(workspace, Map.of("src/main/java/com/example/payments/Flags.java",
        "class Flags { String url = System.getenv(\"FEATURE_FLAGS_URL\"); }\n"));

    // when the step runs again (files are kept, so validation catches it)
    generate();
    BundleValidation validation = validate();

    // then
    assertThat(validation.problems()).hasSize(3).allMatch(p -> p.contains("does not declare FEATURE_FLAGS_URL"));
  }

  @Test
  void dockerfileThatRunsAsRootFails() throws IOException {
    Fixtures.pythonWithDockerfile(workspace);
    replace("Dockerfile", "USER 10001\n", "");
    generate();

    assertThat(validate().problems()).containsExactly("Dockerfile: the final stage has no USER, so the container runs "
        + "as root: add a numeric non-root USER, e.g. USER 10001:10001");
  }

  @Test
  void dockerfileWithoutFromFails() throws IOException {
    Fixtures.pythonWithDockerfile(workspace);
    replace("Dockerfile", "FROM python:3.12-slim\n", "");
    generate();

    assertThat(validate().problems()).contains("Dockerfile: has no FROM instruction");
  }

  @Test
  void yamlThatDoesNotParseFailsWithItsLine() throws IOException {
    Fixtures.nodeRedis(workspace);
    generate();
    replace("deploy/k8s/service.yaml", "  selector:\n", "  selector: [\n");

    assertThat(validate().problems()).anyMatch(p -> p.startsWith("deploy/k8s/service.yaml: does not parse: line "));
  }

  @Test
  void deploymentWithoutProbesOrRequestsFails() throws IOException {
    Fixtures.nodeRedis(workspace);
    generate();
    String deployment = read("deploy/k8s/deployment.yaml");
    Files.writeString(workspace.resolve("deploy/k8s/deployment.yaml"),
        deployment.substring(0, deployment.indexOf("          readinessProbe:")));
    Files.writeString(workspace.resolve("deploy/Dockerfile"), read("deploy/Dockerfile").replaceAll("HEALTHCHECK.*\\n.*\\n", ""));

    assertThat(validate().problems()).contains(
        "deploy/k8s/deployment.yaml: container catalog needs a readinessProbe and a livenessProbe",
        "deploy/k8s/deployment.yaml: container catalog needs resources.requests.cpu and .memory",
        "deploy/Dockerfile: has no HEALTHCHECK and no probe watches the container: add a HEALTHCHECK or Kubernetes "
            + "readiness and liveness probes");
  }

  @Test
  void secretGivenAsValueInKubernetesFails() throws IOException {
    Fixtures.springPostgres(workspace);
    generate();
    replace("deploy/k8s/deployment.yaml", "              valueFrom:\n                secretKeyRef:\n"
        + "                  name: payments-secrets\n                  key: DB_PASSWORD\n", "              value: hunter2\n");

    assertThat(validate().problems()).contains("deploy/k8s/deployment.yaml: container payments sets the secret "
        + "DB_PASSWORD as a value: take it from a Secret (valueFrom.secretKeyRef)");
  }

  @Test
  void missingFileAndMissingBackingServiceFail() throws IOException {
    Fixtures.springPostgres(workspace);
    generate();
    Files.delete(workspace.resolve("deploy/k8s/service.yaml"));
    String compose = read("deploy/compose.yaml");
    Files.writeString(workspace.resolve("deploy/compose.yaml"), compose.substring(0, compose.indexOf("    depends_on:")));

    assertThat(validate().problems()).containsExactly(
        "deploy/k8s/service.yaml: is missing: the bundle needs a kubernetes-service file",
        "deploy/compose.yaml: the code uses PostgreSQL (pom.xml) but no service runs it");
  }

  private Generation generate() {
    return generator.generate(workspace, facts());
  }

  private BundleValidation validate() {
    return validator.validate(workspace, BundleLayout.locate(workspace, properties), facts());
  }

  private ServiceFacts facts() {
    return detector.detect(workspace, Set.of("deploy"));
  }

  private String read(String file) throws IOException {
    return Files.readString(workspace.resolve(file));
  }

  private void replace(String file, String from, String to) throws IOException {
    String text = read(file);
    assertThat(text).contains(from);
    Files.writeString(workspace.resolve(file), text.replace(from, to));
  }
}
