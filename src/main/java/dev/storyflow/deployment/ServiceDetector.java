package dev.storyflow.deployment;

import dev.storyflow.deployment.EndpointScan.Port;
import dev.storyflow.deployment.ServiceFacts.BuildInfo;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.springframework.stereotype.Component;

/**
 * Reads a workspace and says what the service needs to run: build tool and runtime, artifact,
 * port, environment variables, backing services and health endpoint. Works on any directory.
 */
@Component
public class ServiceDetector {

  private final DeploymentProperties properties;
  private final BuildDetector builds = new BuildDetector();
  private final EnvironmentScan environment = new EnvironmentScan();
  private final ServiceScan services = new ServiceScan();
  private final EndpointScan endpoints = new EndpointScan();

  public ServiceDetector(DeploymentProperties properties) {
    this.properties = properties;
  }

  /**
   * @param workspace the service's working tree
   * @param bundleDirectories folders holding deployment files, which are not the service's code
   */
  public ServiceFacts detect(Path workspace, Set<String> bundleDirectories) {
    SourceTree tree = SourceTree.of(workspace, properties.maxFileSize().toBytes(), bundleDirectories);
    BuildInfo build = builds.detect(tree);
    Optional<String> dockerfile = BundleFile.DOCKERFILE.candidates(properties.directory()).stream()
        .filter(tree::exists).findFirst();
    Port port = endpoints.port(tree, build, dockerfile);
    Optional<String> health = endpoints.healthPath(tree, build);
    List<String> notes = new ArrayList<>();
    if (build.tool() == BuildTool.UNKNOWN) {
      notes.add("No Maven, Gradle, npm or pip build found.");
    }
    if (health.isEmpty()) {
      notes.add(build.springBoot()
          ? "No health endpoint: add spring-boot-starter-actuator for /actuator/health; the probes check the port meanwhile."
          : "No health endpoint found (/health, /healthz, ...); the probes check the port meanwhile.");
    }
    return new ServiceFacts(build, port.number(), port.source(), health.orElse(null),
        environment.scan(tree, properties::isSecret), services.scan(tree), List.copyOf(notes));
  }
}
