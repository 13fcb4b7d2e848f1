package dev.storyflow.deployment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.groups.Tuple.tuple;

import dev.storyflow.deployment.BundleGenerator.Action;
import dev.storyflow.deployment.BundleGenerator.Generation;
import dev.storyflow.deployment.ServiceFacts.EnvironmentVariable;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What the detector reads from less common layouts, and what follows for the bundle. */
class ServiceDetectorTest {

  final DeploymentProperties properties = DeploymentProperties.defaults();
  final ServiceDetector detector = new ServiceDetector(properties);

  @TempDir
  Path workspace;

  @Test
  void springPlaceholdersCountInValueAnnotationsAndPropertiesButNotInComments() {
    Fixtures.write(workspace, Map.of(
        "pom.xml", "<project><artifactId>orders</artifactId><version>3.0.0</version>"
            + "<parent><groupId>org.springframework.boot</groupId></parent></project>",
        "src/main/resources/application.properties", "server.port=${PORT:9090}\nspring.kafka.bootstrap-servers=${KAFKA_SERVERS}\n",
        "src/main/java/Orders.java", """
            /** Reads {@code ${NOT_A_VARIABLE}} in its comment only. */
            class Orders {
              @Value("${ORDERS_API_TOKEN}") String token;
              @Value("${server.name:orders}") String name;
            }
            """));

    ServiceFacts facts = detector.detect(workspace, Set.of("deploy"));

    assertThat(facts.port()).isEqualTo(9090);
    assertThat(facts.portSource()).isEqualTo("server.port in src/main/resources/application.properties");
    assertThat(facts.environment()).extracting(EnvironmentVariable::name, EnvironmentVariable::required,
        EnvironmentVariable::secret).containsExactly(tuple("KAFKA_SERVERS", true, false),
        tuple("ORDERS_API_TOKEN", true, true), tuple("PORT", false, false));
    assertThat(facts.services()).containsExactly(BackingService.KAFKA);
    assertThat(facts.healthPath()).isNull();
    assertThat(facts.notes()).anyMatch(n -> n.contains("spring-boot-starter-actuator"));
  }

  @Test
  void serviceWithoutHealthEndpointIsWatchedByTcpProbes() {
    Fixtures.write(workspace, Map.of("pom.xml", "<project><artifactId>plain</artifactId><version>1</version></project>"));

    ServiceFacts facts = detector.detect(workspace, Set.of("deploy"));
    Generation generation = new BundleGenerator(properties).generate(workspace, facts);
    BundleValidation validation = new BundleValidator(List.of(new InlineSecretCheck(properties)), properties)
        .validate(workspace, generation.layout(), facts);

    assertThat(validation.problems()).isEmpty();
    assertThat(validation.checks()).anyMatch(c -> c.message().equals(
        "no HEALTHCHECK; the probes of deploy/k8s/deployment.yaml watch the container"));
  }

  @Test
  void gradleBuildIsDetected() {
    Fixtures.write(workspace, Map.of(
        "settings.gradle", "rootProject.name = 'Billing_Service'\n",
        "build.gradle", """
            plugins { id 'org.springframework.boot' version '3.5.7' }
            version = '0.4.2'
            java { toolchain { languageVersion = JavaLanguageVersion.of(21) } }
            dependencies { implementation 'org.springframework.boot:spring-boot-starter-actuator' }
            """));

    ServiceFacts facts = detector.detect(workspace, Set.of("deploy"));

    assertThat(facts.build()).extracting(b -> b.tool(), b -> b.runtimeVersion(), b -> b.name(), b -> b.version())
        .containsExactly(BuildTool.GRADLE, "21", "billing-service", "0.4.2");
    assertThat(facts.healthPath()).isEqualTo("/actuator/health");
  }

  @Test
  void nodeDestructuringAndPythonGetenvAreRead() {
    Fixtures.write(workspace, Map.of(
        "package.json", "{\"name\":\"jobs\",\"scripts\":{\"start\":\"node index.js\"}}",
        "index.js", "const { API_TOKEN, LOG_LEVEL = 'info' } = process.env;\n"
            + "const db = process.env['DATABASE_URL'] ?? 'postgres://localhost/jobs';\n",
        "tools/report.py", "import os\nlevel = os.getenv('REPORT_LEVEL')\n"));

    ServiceFacts facts = detector.detect(workspace, Set.of("deploy"));

    assertThat(facts.environment()).extracting(EnvironmentVariable::name, EnvironmentVariable::required)
        .containsExactly(tuple("API_TOKEN", true), tuple("DATABASE_URL", false), tuple("LOG_LEVEL", false),
            tuple("REPORT_LEVEL", false));
    assertThat(facts.services()).containsExactly(BackingService.POSTGRES);
    assertThat(facts.build().start()).containsExactly("node", "index.js");
  }

  @Test
  void unknownBuildGetsNoDockerfileAndTheBundleSaysSo() {
    Fixtures.write(workspace, Map.of("main.go", "package main\nfunc main() { port := os.Getenv(\"PORT\") }\n"));

    ServiceFacts facts = detector.detect(workspace, Set.of("deploy"));
    Generation generation = new BundleGenerator(properties).generate(workspace, facts);
    BundleValidation validation = new BundleValidator(List.of(new InlineSecretCheck(properties)), properties)
        .validate(workspace, generation.layout(), facts);

    assertThat(facts.build().tool()).isEqualTo(BuildTool.UNKNOWN);
    assertThat(DeploymentBundleTest.actions(generation)).containsEntry("deploy/Dockerfile", Action.MISSING);
    assertThat(validation.problems()).contains("deploy/Dockerfile: is missing: the bundle needs a dockerfile file");
  }
}
