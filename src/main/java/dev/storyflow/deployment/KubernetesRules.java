package dev.storyflow.deployment;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Checks the Kubernetes manifests: the required fields of the {@code Deployment} and the
 * {@code Service}, readiness and liveness probes, resource requests, secrets taken from Secrets,
 * and that the Service selects the Deployment's pods on a port the container has.
 */
final class KubernetesRules {

  private final DeploymentProperties properties;

  KubernetesRules(DeploymentProperties properties) {
    this.properties = properties;
  }

  /** The Deployment in the documents of a file. */
  static Optional<YamlNode> deployment(List<YamlNode> documents) {
    return documents.stream().filter(d -> "Deployment".equals(d.get("kind").text())).findFirst();
  }

  List<ValidationCheck> checkDeployment(String file, List<YamlNode> documents) {
    Optional<YamlNode> found = deployment(documents);
    if (found.isEmpty()) {
      return List.of(ValidationCheck.fail("kubernetes", file, "has no document of kind Deployment"));
    }
    YamlNode deployment = found.get();
    List<String> missing = new ArrayList<>();
    require("apps/v1".equals(deployment.get("apiVersion").text()), "apiVersion apps/v1", missing);
    require(deployment.at("metadata", "name").isPresent(), "metadata.name", missing);
    YamlNode matchLabels = deployment.at("spec", "selector", "matchLabels");
    require(matchLabels.isPresent(), "spec.selector.matchLabels", missing);
    YamlNode labels = deployment.at("spec", "template", "metadata", "labels");
    require(contains(labels, matchLabels), "spec.template.metadata.labels matching the selector", missing);
    List<YamlNode> containers = deployment.at("spec", "template", "spec", "containers").items();
    require(!containers.isEmpty(), "spec.template.spec.containers", missing);
    for (int i = 0; i < containers.size(); i++) {
      YamlNode c = containers.get(i);
      require(c.get("name").isPresent(), "containers[" + i + "].name", missing);
      require(c.get("image").isPresent(), "containers[" + i + "].image", missing);
    }
    String name = deployment.at("metadata", "name").text();
    List<ValidationCheck> checks = new ArrayList<>();
    checks.add(missing.isEmpty()
        ? ValidationCheck.pass("kubernetes", file, "Deployment " + name + " has the required fields")
        : ValidationCheck.fail("kubernetes", file, "Deployment " + name + " misses " + String.join(", ", missing)));
    if (!containers.isEmpty()) {
      YamlNode app = containers.get(0);
      String container = "container " + app.get("name").text();
      boolean probes = probe(app.get("readinessProbe")) && probe(app.get("livenessProbe"));
      checks.add(probes ? ValidationCheck.pass("kubernetes", file, container + " has readiness and liveness probes")
          : ValidationCheck.fail("kubernetes", file, container + " needs a readinessProbe and a livenessProbe"));
      boolean requests = app.at("resources", "requests", "cpu").isPresent()
          && app.at("resources", "requests", "memory").isPresent();
      checks.add(requests ? ValidationCheck.pass("kubernetes", file, container + " requests CPU and memory")
          : ValidationCheck.fail("kubernetes", file, container + " needs resources.requests.cpu and .memory"));
      checks.add(environment(file, container, app));
    }
    return checks;
  }

  private ValidationCheck environment(String file, String container, YamlNode app) {
    List<String> inlined = app.get("env").items().stream()
        .filter(e -> e.get("value").isPresent() && properties.isSecret(String.valueOf(e.get("name").text())))
        .map(e -> e.get("name").text()).toList();
    if (!inlined.isEmpty()) {
      return ValidationCheck.fail("kubernetes", file, container + " sets the secret " + String.join(", ", inlined)
          + " as a value: take it from a Secret (valueFrom.secretKeyRef)");
    }
    return ValidationCheck.pass("kubernetes", file, container + " takes its secrets from Secret references");
  }

  List<ValidationCheck> checkService(String file, List<YamlNode> documents, Optional<YamlNode> deployment) {
    Optional<YamlNode> found = documents.stream().filter(d -> "Service".equals(d.get("kind").text())).findFirst();
    if (found.isEmpty()) {
      return List.of(ValidationCheck.fail("kubernetes", file, "has no document of kind Service"));
    }
    YamlNode service = found.get();
    List<String> missing = new ArrayList<>();
    require("v1".equals(service.get("apiVersion").text()), "apiVersion v1", missing);
    require(service.at("metadata", "name").isPresent(), "metadata.name", missing);
    require(service.at("spec", "selector").isPresent(), "spec.selector", missing);
    List<YamlNode> ports = service.at("spec", "ports").items();
    require(!ports.isEmpty() && ports.stream().allMatch(p -> p.get("port").isPresent()), "spec.ports[].port",
        missing);
    String name = service.at("metadata", "name").text();
    List<ValidationCheck> checks = new ArrayList<>();
    checks.add(missing.isEmpty()
        ? ValidationCheck.pass("kubernetes", file, "Service " + name + " has the required fields")
        : ValidationCheck.fail("kubernetes", file, "Service " + name + " misses " + String.join(", ", missing)));
    deployment.ifPresent(d -> checks.add(matches(file, service, d)));
    return checks;
  }

  private static ValidationCheck matches(String file, YamlNode service, YamlNode deployment) {
    YamlNode podLabels = deployment.at("spec", "template", "metadata", "labels");
    if (!contains(podLabels, service.at("spec", "selector"))) {
      return ValidationCheck.fail("kubernetes", file, "the Service's selector matches no pod of the Deployment");
    }
    List<YamlNode> containerPorts = deployment.at("spec", "template", "spec", "containers").items().stream()
        .flatMap(c -> c.get("ports").items().stream()).toList();
    for (YamlNode port : service.at("spec", "ports").items()) {
      String target = port.get("targetPort").isPresent() ? port.get("targetPort").text() : port.get("port").text();
      boolean known = containerPorts.stream().anyMatch(p -> target.equals(p.get("name").text())
          || target.equals(p.get("containerPort").text()));
      if (!known) {
        return ValidationCheck.fail("kubernetes", file, "the Service's targetPort " + target
            + " is no port of the Deployment's containers");
      }
    }
    return ValidationCheck.pass("kubernetes", file, "the Service selects the Deployment's pods on a container port");
  }

  private static boolean probe(YamlNode probe) {
    return probe.get("httpGet").isPresent() || probe.get("tcpSocket").isPresent() || probe.get("exec").isPresent()
        || probe.get("grpc").isPresent();
  }

  private static boolean contains(YamlNode labels, YamlNode selector) {
    if (!selector.isPresent()) {
      return false;
    }
    Map<String, YamlNode> have = labels.entries();
    return selector.entries().entrySet().stream()
        .allMatch(e -> have.containsKey(e.getKey()) && String.valueOf(e.getValue().text())
            .equals(have.get(e.getKey()).text()));
  }

  private static void require(boolean present, String field, List<String> missing) {
    if (!present) {
      missing.add(field);
    }
  }
}
