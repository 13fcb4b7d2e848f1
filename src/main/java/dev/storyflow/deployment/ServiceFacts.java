package dev.storyflow.deployment;

import java.util.List;

/**
 * What a service needs to run, read from its code.
 *
 * @param build how it is built and started
 * @param port the port it listens on
 * @param portSource where the port was found ("default" when the code does not say)
 * @param healthPath an HTTP health endpoint, or {@code null} when none was found
 * @param environment the environment variables the code reads
 * @param backingServices the services it talks to
 * @param notes what the backend engineer should know, e.g. what could not be detected
 */
public record ServiceFacts(BuildInfo build, int port, String portSource, String healthPath,
    List<EnvironmentVariable> environment, List<ServiceUse> backingServices, List<String> notes) {

  /**
   * How a service is built and started.
   *
   * @param tool the build tool
   * @param runtimeVersion e.g. {@code 17} for Java, {@code 22} for Node
   * @param name the service's name, usable as a Kubernetes name
   * @param version the service's version, the image tag
   * @param artifact what the build produces, e.g. {@code target/payments-1.0.0.jar}
   * @param start the command that starts it in the container
   * @param springBoot a Spring Boot application
   * @param actuator Spring Boot Actuator is on its classpath
   * @param lockFile the dependencies are locked (npm {@code package-lock.json})
   * @param buildScript npm: the package has a {@code build} script
   */
  public record BuildInfo(BuildTool tool, String runtimeVersion, String name, String version, String artifact,
      List<String> start, boolean springBoot, boolean actuator, boolean lockFile, boolean buildScript) {
  }

  /**
   * An environment variable the code reads.
   *
   * @param name its name
   * @param required the code has no default for it
   * @param secret it holds a secret (judged by its name)
   * @param readBy the files that read it
   */
  public record EnvironmentVariable(String name, boolean required, boolean secret, List<String> readBy) {
  }

  /**
   * A backing service and the file that shows the code uses it.
   */
  public record ServiceUse(BackingService service, String evidence) {
  }

  public List<String> environmentNames() {
    return environment.stream().map(EnvironmentVariable::name).toList();
  }

  public List<BackingService> services() {
    return backingServices.stream().map(ServiceUse::service).toList();
  }
}
