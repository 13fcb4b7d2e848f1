package dev.storyflow.deployment;

import java.util.regex.Pattern;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;

/**
 * The deployment bundle the backend engineer prepares in Configuring DevOps.
 *
 * @param directory where the bundle is written in the story's workspace
 * @param ciWorkflow the CI workflow written when the repository has none under {@code .github/workflows}
 * @param imageRegistry prefix of the image name in compose and Kubernetes, e.g. {@code registry.example.com/team/}
 * @param replicas replicas of the Kubernetes deployment
 * @param cpuRequest CPU the Kubernetes deployment requests per pod
 * @param memoryRequest memory the Kubernetes deployment requests per pod
 * @param memoryLimit memory limit per pod
 * @param secretNames environment variables whose names match are secrets: from a Kubernetes Secret, never inlined
 * @param maxFileSize larger files are not read when looking at the code
 */
@ConfigurationProperties("storyflow.deployment")
public record DeploymentProperties(
    @DefaultValue("deploy") String directory,
    @DefaultValue(".github/workflows/build.yaml") String ciWorkflow,
    @DefaultValue("") String imageRegistry,
    @DefaultValue("2") int replicas,
    @DefaultValue("250m") String cpuRequest,
    @DefaultValue("512Mi") String memoryRequest,
    @DefaultValue("1Gi") String memoryLimit,
    @DefaultValue("(?i).*(PASSWORD|PASSWD|SECRET|TOKEN|API[_-]?KEY|ACCESS[_-]?KEY|PRIVATE[_-]?KEY|CREDENTIAL).*")
    String secretNames,
    @DefaultValue("1MB") DataSize maxFileSize) {

  public DeploymentProperties {
    Pattern.compile(secretNames); // a broken pattern stops the start-up, not a story
    if (directory.isBlank() || directory.startsWith("/") || directory.contains("..")) {
      throw new IllegalArgumentException("storyflow.deployment.directory must be a folder inside the workspace: "
          + directory);
    }
  }

  /** The settings used when nothing is configured (tests, tools). */
  public static DeploymentProperties defaults() {
    return new DeploymentProperties("deploy", ".github/workflows/build.yaml", "", 2, "250m", "512Mi", "1Gi",
        "(?i).*(PASSWORD|PASSWD|SECRET|TOKEN|API[_-]?KEY|ACCESS[_-]?KEY|PRIVATE[_-]?KEY|CREDENTIAL).*",
        DataSize.ofMegabytes(1));
  }

  /** Whether an environment variable holds a secret, judged by its name. */
  public boolean isSecret(String name) {
    return Pattern.compile(secretNames).matcher(name).matches();
  }
}
