package dev.storyflow.deployment;

import static dev.storyflow.deployment.YamlText.map;

import dev.storyflow.deployment.ServiceFacts.EnvironmentVariable;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Kubernetes {@code Deployment} and {@code Service}: readiness and liveness probes, resource
 * requests, a non-root security context, and every environment variable taken from the ConfigMap
 * {@code {name}-config} or, for secrets, the Secret {@code {name}-secrets}; never a value.
 */
final class KubernetesTemplate {

  static final String NAME_LABEL = "app.kubernetes.io/name";

  private KubernetesTemplate() {
  }

  static String deployment(ServiceFacts facts, DeploymentProperties properties) {
    String name = facts.build().name();
    Map<String, Object> labels = map(NAME_LABEL, name);
    Map<String, Object> container = new LinkedHashMap<>();
    container.put("name", name);
    container.put("image", properties.imageRegistry() + name + ":" + facts.build().version());
    container.put("ports", List.of(map("name", "http", "containerPort", facts.port())));
    if (!facts.environment().isEmpty()) {
      container.put("env", facts.environment().stream().map(v -> environment(v, name)).toList());
    }
    container.put("readinessProbe", probe(facts, "/readiness", 10, 10));
    container.put("livenessProbe", probe(facts, "/liveness", 30, 20));
    container.put("resources", map(
        "requests", map("cpu", properties.cpuRequest(), "memory", properties.memoryRequest()),
        "limits", map("memory", properties.memoryLimit())));
    container.put("securityContext", map("allowPrivilegeEscalation", false));
    Map<String, Object> podSpec = new LinkedHashMap<>();
    podSpec.put("securityContext", map("runAsNonRoot", true));
    podSpec.put("containers", List.of(container));
    Map<String, Object> deployment = new LinkedHashMap<>();
    deployment.put("apiVersion", "apps/v1");
    deployment.put("kind", "Deployment");
    deployment.put("metadata", map("name", name, "labels", labels));
    deployment.put("spec", map(
        "replicas", properties.replicas(),
        "selector", map("matchLabels", labels),
        "template", map("metadata", map("labels", labels), "spec", podSpec)));
    String header = YamlText.HEADER + "# Environment: ConfigMap " + name + "-config and Secret " + name
        + "-secrets (keys as in .env.example), created by the DevOps engineer.\n";
    return YamlText.write(header, deployment);
  }

  static String service(ServiceFacts facts) {
    String name = facts.build().name();
    Map<String, Object> service = new LinkedHashMap<>();
    service.put("apiVersion", "v1");
    service.put("kind", "Service");
    service.put("metadata", map("name", name, "labels", map(NAME_LABEL, name)));
    service.put("spec", map(
        "selector", map(NAME_LABEL, name),
        "ports", List.of(map("name", "http", "port", 80, "targetPort", "http"))));
    return YamlText.write(YamlText.HEADER, service);
  }

  private static Map<String, Object> environment(EnvironmentVariable variable, String name) {
    Map<String, Object> reference = new LinkedHashMap<>();
    reference.put("name", variable.secret() ? name + "-secrets" : name + "-config");
    reference.put("key", variable.name());
    if (!variable.required()) {
      reference.put("optional", true);
    }
    String kind = variable.secret() ? "secretKeyRef" : "configMapKeyRef";
    return map("name", variable.name(), "valueFrom", map(kind, reference));
  }

  /**
   * Spring Boot Actuator has liveness and readiness groups (enabled on Kubernetes); other
   * services get their health endpoint, or a TCP check of the port when they have none.
   */
  private static Map<String, Object> probe(ServiceFacts facts, String group, int delay, int period) {
    Map<String, Object> probe = new LinkedHashMap<>();
    if (facts.healthPath() == null) {
      probe.put("tcpSocket", map("port", "http"));
    } else {
      String path = facts.build().actuator() ? facts.healthPath() + group : facts.healthPath();
      probe.put("httpGet", map("path", path, "port", "http"));
    }
    probe.put("initialDelaySeconds", delay);
    probe.put("periodSeconds", period);
    return probe;
  }
}
