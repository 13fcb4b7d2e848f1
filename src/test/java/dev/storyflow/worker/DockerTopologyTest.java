package dev.storyflow.worker;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;

/**
 * {@code docker/compose.yaml} (read as compose reads it, with its YAML merge keys) runs PostgreSQL,
 * one engine and webapp node with its embedded worker off, and two remote workers from the
 * image's {@code worker} stage against that node's {@code /engine-rest}, as its service account;
 * the worker stage has the tools the gates need. Docker does not run where the tests run, so this
 * checks the files themselves.
 */
class DockerTopologyTest {

  static final Path DOCKER = Path.of("docker");

  @Test
  void composeRunsOneEngineNodeWithoutItsWorkerAndTwoRemoteWorkers() throws IOException {
    // only keys docker-compose 1.x knows too (it rejects a top-level name: the project is -p storyflow)
    assertThat(compose().keySet()).allMatch(key -> List.of("services", "volumes", "networks").contains(key)
        || key.startsWith("x-"));
    Map<String, Object> services = map(compose().get("services"));

    // PostgreSQL and one engine node on it, whose own worker is off and which creates the account
    assertThat(services).containsKeys("postgres", "storyflow");
    Map<String, Object> node = map(services.get("storyflow"));
    Map<String, Object> nodeEnvironment = map(node.get("environment"));
    assertThat(nodeEnvironment).containsEntry("SPRING_PROFILES_ACTIVE", "postgres")
        .containsEntry("STORYFLOW_WORKER_ENABLED", "false")
        .containsEntry("STORYFLOW_WORKER_USERNAME", "worker")
        .containsKey("STORYFLOW_DB_URL");
    assertThat(node.get("env_file")).as("the node's secrets, the account's password among them").isEqualTo(".env");
    assertThat(node).doesNotContainKey("profiles");

    // two workers, each from the image's worker stage, each with its own workspaces volume
    List<String> workers = services.keySet().stream().filter(name -> name.startsWith("worker-")).toList();
    assertThat(workers).containsExactly("worker-1", "worker-2");
    for (String name : workers) {
      Map<String, Object> worker = map(services.get(name));
      assertThat(map(worker.get("build"))).containsEntry("target", "worker")
          .containsEntry("dockerfile", "docker/Dockerfile");
      Map<String, Object> environment = map(worker.get("environment"));
      assertThat(environment).as(name)
          .containsEntry("STORYFLOW_WORKER_ENGINE_URL", "http://storyflow:8080/engine-rest")
          .containsEntry("STORYFLOW_WORKER_USERNAME", nodeEnvironment.get("STORYFLOW_WORKER_USERNAME"))
          .containsKey("STORYFLOW_WORKER_PASSWORD");
      assertThat(String.valueOf(environment.get("STORYFLOW_WORKER_PASSWORD"))).as("from docker/.env, never a value")
          .startsWith("${STORYFLOW_WORKER_PASSWORD");
      assertThat(environment.keySet()).as("a worker has no database").noneMatch(key -> key.startsWith("STORYFLOW_DB"));
      assertThat(worker).as("nor the node's secrets").doesNotContainKey("env_file").doesNotContainKey("ports");
      assertThat(map(map(worker.get("depends_on")).get("storyflow"))).containsEntry("condition", "service_healthy");
      assertThat(worker.get("volumes")).isEqualTo(List.of(name + "-workspaces:/workspaces"));
      assertThat(map(compose().get("volumes"))).containsKey(name + "-workspaces");
    }
    assertThat(Files.readString(DOCKER.resolve(".env.example"))).contains("\nSTORYFLOW_WORKER_PASSWORD=\n");
  }

  @Test
  void theWorkerStageHasTheToolsOfTheGatesAndAWorkspacesVolume() throws IOException {
    String dockerfile = Files.readString(DOCKER.resolve("Dockerfile"));
    Matcher stage = Pattern.compile("(?s)FROM (\\S+) AS worker\\n(.*?)\\n\\n").matcher(dockerfile);
    assertThat(stage.find()).as("a stage named worker").isTrue();

    // a JDK with Maven, and the rest from the distribution
    assertThat(stage.group(1)).startsWith("maven:").contains("temurin-17");
    assertThat(stage.group(2)).containsPattern("apt-get install [^\\n]*\\bgit\\b")
        .containsPattern("\\bmake\\b").containsPattern("\\bpython3\\b").containsPattern("\\bnodejs\\b")
        .contains("ENV STORYFLOW_WORKSPACE_ROOT=/workspaces").contains("VOLUME /workspaces")
        .containsPattern("USER 10001").contains("COPY --from=build /workspace/storyflow.jar");
    // the engine node's image stays the last stage, the default target
    assertThat(dockerfile.lastIndexOf("\nFROM ")).isGreaterThan(dockerfile.indexOf("AS worker"));
  }

  private static Map<String, Object> compose() throws IOException {
    return new Yaml(new SafeConstructor(new LoaderOptions())).load(Files.readString(DOCKER.resolve("compose.yaml")));
  }

  @SuppressWarnings("unchecked")
  private static Map<String, Object> map(Object value) {
    assertThat(value).isInstanceOf(Map.class);
    return (Map<String, Object>) value;
  }
}
