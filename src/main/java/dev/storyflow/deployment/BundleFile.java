package dev.storyflow.deployment;

import java.util.ArrayList;
import java.util.List;

/**
 * The files of a deployment bundle: where Storyflow writes each, and where a team may already
 * keep its own (which is then used and never overwritten).
 */
public enum BundleFile {
  DOCKERFILE("dockerfile", "Dockerfile", List.of("Dockerfile", "docker/Dockerfile")),
  COMPOSE("compose", "compose.yaml", List.of("compose.yaml", "compose.yml", "docker-compose.yml",
      "docker-compose.yaml")),
  KUBERNETES_DEPLOYMENT("kubernetes-deployment", "k8s/deployment.yaml",
      List.of("k8s/deployment.yaml", "k8s/deployment.yml", "kubernetes/deployment.yaml")),
  KUBERNETES_SERVICE("kubernetes-service", "k8s/service.yaml",
      List.of("k8s/service.yaml", "k8s/service.yml", "kubernetes/service.yaml")),
  ENV_EXAMPLE("env-example", ".env.example", List.of(".env.example")),
  CI_WORKFLOW("ci-workflow", null, List.of()),
  DOCKER_IGNORE("dockerignore", "Dockerfile.dockerignore", List.of()),
  GIT_IGNORE("gitignore", ".gitignore", List.of());

  private final String code;
  private final String name;
  private final List<String> teamLocations;

  BundleFile(String code, String name, List<String> teamLocations) {
    this.code = code;
    this.name = name;
    this.teamLocations = teamLocations;
  }

  /** The kind of file as the report names it. */
  public String code() {
    return code;
  }

  /** Where Storyflow writes it, relative to the workspace. */
  String defaultPath(DeploymentProperties properties) {
    return this == CI_WORKFLOW ? properties.ciWorkflow() : properties.directory() + "/" + name;
  }

  /** Where to look for one a team wrote, the bundle directory first, relative to the workspace. */
  List<String> candidates(String directory) {
    List<String> all = new ArrayList<>();
    if (name != null) {
      all.add(directory + "/" + name);
    }
    teamLocations.forEach(l -> all.add(directory + "/" + l));
    all.addAll(teamLocations);
    return all.stream().distinct().toList();
  }

  /** YAML files are parsed and checked field by field. */
  boolean isYaml() {
    return this == COMPOSE || this == KUBERNETES_DEPLOYMENT || this == KUBERNETES_SERVICE || this == CI_WORKFLOW;
  }
}
