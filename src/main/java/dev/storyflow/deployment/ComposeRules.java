package dev.storyflow.deployment;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Checks a compose file: services with an image or a build, a service that builds the
 * application, and a service for every backing service the code uses.
 */
final class ComposeRules {

  /**
   * The services that run the application: those built from the repository, the Dockerfile's
   * final stage (a service built for another stage, {@code build.target}, runs something else,
   * such as a worker); all built services when every one names a stage.
   */
  static List<YamlNode> applicationServices(YamlNode compose, String name) {
    Map<String, YamlNode> services = compose.get("services").entries();
    List<YamlNode> built = services.values().stream().filter(s -> s.get("build").isPresent()).toList();
    List<YamlNode> finalStage = built.stream().filter(s -> !s.get("build").get("target").isPresent()).toList();
    if (!finalStage.isEmpty()) {
      return finalStage;
    }
    if (!built.isEmpty()) {
      return built;
    }
    return services.containsKey(name) ? List.of(services.get(name)) : List.of();
  }

  List<ValidationCheck> check(String file, YamlNode compose, ServiceFacts facts) {
    List<ValidationCheck> checks = new ArrayList<>();
    Map<String, YamlNode> services = compose.get("services").entries();
    if (services.isEmpty()) {
      checks.add(ValidationCheck.fail("compose", file, "has no services"));
      return checks;
    }
    List<String> incomplete = services.entrySet().stream()
        .filter(e -> !e.getValue().get("image").isPresent() && !e.getValue().get("build").isPresent())
        .map(Map.Entry::getKey).toList();
    checks.add(incomplete.isEmpty()
        ? ValidationCheck.pass("compose", file, "services " + String.join(", ", services.keySet()))
        : ValidationCheck.fail("compose", file, "services without image or build: " + String.join(", ", incomplete)));
    checks.add(applicationServices(compose, facts.build().name()).isEmpty()
        ? ValidationCheck.fail("compose", file, "no service builds the application (build:)")
        : ValidationCheck.pass("compose", file, "builds the application"));
    for (BackingService service : facts.services()) {
      boolean runs = services.values().stream()
          .anyMatch(s -> s.get("image").isPresent() && service.isProvidedBy(s.get("image").text()));
      String evidence = facts.backingServices().stream().filter(u -> u.service() == service)
          .map(ServiceFacts.ServiceUse::evidence).findFirst().orElse("the code");
      checks.add(runs ? ValidationCheck.pass("compose", file, "runs " + service.label())
          : ValidationCheck.fail("compose", file, "the code uses " + service.label() + " (" + evidence
              + ") but no service runs it"));
    }
    return checks;
  }

  /** Whether compose runs a health check for the application. */
  static boolean watchesApplication(YamlNode compose, String name) {
    return applicationServices(compose, name).stream().anyMatch(s -> s.at("healthcheck", "test").isPresent());
  }
}
