package dev.storyflow.deployment;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.ActiveProfiles;

/**
 * Storyflow's own {@code docker/} bundle passes the validator that checks every story's bundle,
 * and its health check asks an endpoint that Storyflow answers without credentials.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
    properties = "spring.datasource.url=jdbc:h2:mem:storyflow-docker-bundle;DB_CLOSE_DELAY=-1")
@ActiveProfiles("test")
class StoryflowDockerBundleIT {

  static final Path ROOT = Path.of("").toAbsolutePath();
  static final BundleLayout DOCKER = BundleLayout.of("docker", Map.of(
      BundleFile.DOCKERFILE, "docker/Dockerfile",
      BundleFile.COMPOSE, "docker/compose.yaml",
      BundleFile.ENV_EXAMPLE, "docker/.env.example"));

  final DeploymentProperties properties = DeploymentProperties.defaults();

  @LocalServerPort
  int port;

  @Test
  void storyflowsOwnBundlePassesTheValidator() {
    // given what Storyflow's code needs
    ServiceFacts facts = new ServiceDetector(properties).detect(ROOT, Set.of("docker"));
    assertThat(facts.build().tool()).isEqualTo(BuildTool.MAVEN);
    assertThat(facts.build().runtimeVersion()).isEqualTo("17");
    assertThat(facts.port()).isEqualTo(8080);
    assertThat(facts.healthPath()).isEqualTo("/actuator/health");
    assertThat(facts.environmentNames()).contains("STORYFLOW_DB_URL", "STORYFLOW_DB_USER", "STORYFLOW_DB_PASSWORD",
        "STORYFLOW_DEMO_ENABLED");
    assertThat(facts.services()).contains(BackingService.POSTGRES);

    // when
    BundleValidation validation = new BundleValidator(List.of(new InlineSecretCheck(properties)), properties)
        .validate(ROOT, DOCKER, facts);

    // then
    assertThat(validation.problems()).isEmpty();
    assertThat(validation.checks()).extracting(ValidationCheck::check)
        .contains("yaml", "dockerfile", "compose", "environment", "secrets");
  }

  @Test
  void theHealthCheckOfTheImageAsksAnEndpointStoryflowAnswers() throws IOException, InterruptedException {
    // given the URL the Dockerfile's HEALTHCHECK asks
    String dockerfile = Files.readString(ROOT.resolve("docker/Dockerfile"));
    Matcher healthCheck = Pattern.compile("CMD curl -fsS http://localhost:8080(/\\S+)").matcher(dockerfile);
    assertThat(healthCheck.find()).isTrue();

    // when it is asked without credentials
    HttpResponse<String> response = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
        URI.create("http://localhost:" + port + healthCheck.group(1))).GET().build(),
        HttpResponse.BodyHandlers.ofString());

    // then
    assertThat(response.statusCode()).isEqualTo(200);
    assertThat(response.body()).contains("\"status\":\"UP\"");
  }
}
