package dev.storyflow.deployment;

import dev.storyflow.deployment.EnvironmentCoverage.Declared;
import dev.storyflow.deployment.EnvironmentCoverage.FileDeclarations;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import org.springframework.stereotype.Component;
import org.yaml.snakeyaml.error.Mark;
import org.yaml.snakeyaml.error.MarkedYAMLException;
import org.yaml.snakeyaml.error.YAMLException;

/**
 * Checks a deployment bundle in a workspace against the service's facts: the files are there,
 * every YAML file parses, the manifests have their required fields, the Dockerfile has a
 * {@code FROM}, a non-root {@code USER} and a health check or probe, every environment variable
 * the code reads is declared, and no secret value is written in. Works on any directory, and can
 * run again whenever someone (an agent, a human) changed the bundle.
 */
@Component
public class BundleValidator {

  private final List<BundleSecretCheck> secretChecks;
  private final KubernetesRules kubernetes;
  private final ComposeRules compose = new ComposeRules();
  private final WorkflowRules workflows = new WorkflowRules();
  private final EnvironmentCoverage coverage = new EnvironmentCoverage();

  public BundleValidator(List<BundleSecretCheck> secretChecks, DeploymentProperties properties) {
    this.secretChecks = List.copyOf(secretChecks);
    this.kubernetes = new KubernetesRules(properties);
  }

  public BundleValidation validate(Path workspace, BundleLayout layout, ServiceFacts facts) {
    List<ValidationCheck> checks = new ArrayList<>();
    Map<BundleFile, String> texts = new EnumMap<>(BundleFile.class);
    for (Map.Entry<BundleFile, String> entry : new TreeMap<>(layout.paths()).entrySet()) {
      Optional<String> text = read(workspace.resolve(entry.getValue()));
      if (text.isPresent()) {
        texts.put(entry.getKey(), text.get());
      } else if (layout.required().contains(entry.getKey())) {
        checks.add(ValidationCheck.fail("present", entry.getValue(), "is missing: the bundle needs a "
            + entry.getKey().code() + " file"));
      }
    }
    Map<BundleFile, List<YamlNode>> yaml = new EnumMap<>(BundleFile.class);
    texts.forEach((file, text) -> {
      if (file.isYaml()) {
        parse(layout.path(file), text, checks).ifPresent(documents -> yaml.put(file, documents));
      }
    });

    Optional<YamlNode> composeFile = first(yaml.get(BundleFile.COMPOSE));
    Optional<YamlNode> deployment = Optional.ofNullable(yaml.get(BundleFile.KUBERNETES_DEPLOYMENT))
        .flatMap(KubernetesRules::deployment);
    composeFile.ifPresent(c -> checks.addAll(compose.check(layout.path(BundleFile.COMPOSE), c, facts)));
    if (yaml.containsKey(BundleFile.KUBERNETES_DEPLOYMENT)) {
      checks.addAll(kubernetes.checkDeployment(layout.path(BundleFile.KUBERNETES_DEPLOYMENT),
          yaml.get(BundleFile.KUBERNETES_DEPLOYMENT)));
    }
    if (yaml.containsKey(BundleFile.KUBERNETES_SERVICE)) {
      checks.addAll(kubernetes.checkService(layout.path(BundleFile.KUBERNETES_SERVICE),
          yaml.get(BundleFile.KUBERNETES_SERVICE), deployment));
    }
    first(yaml.get(BundleFile.CI_WORKFLOW))
        .ifPresent(w -> checks.addAll(workflows.check(layout.path(BundleFile.CI_WORKFLOW), w)));

    DockerfileRules dockerfile = new DockerfileRules(texts.getOrDefault(BundleFile.DOCKERFILE, ""));
    if (texts.containsKey(BundleFile.DOCKERFILE)) {
      checks.addAll(dockerfile.check(layout.path(BundleFile.DOCKERFILE), watchedBy(layout, deployment, composeFile, facts)));
    }
    checks.addAll(environment(layout, texts, composeFile, deployment, dockerfile.environment(), facts));
    texts.forEach((file, text) -> checks.addAll(secrets(layout.path(file), text)));
    return new BundleValidation(checks);
  }

  private static Optional<String> watchedBy(BundleLayout layout, Optional<YamlNode> deployment,
      Optional<YamlNode> composeFile, ServiceFacts facts) {
    boolean probes = deployment.map(d -> d.at("spec", "template", "spec", "containers").items().stream()
        .anyMatch(c -> c.get("readinessProbe").isPresent() && c.get("livenessProbe").isPresent())).orElse(false);
    if (probes) {
      return Optional.of("the probes of " + layout.path(BundleFile.KUBERNETES_DEPLOYMENT));
    }
    boolean composeCheck = composeFile.map(c -> ComposeRules.watchesApplication(c, facts.build().name())).orElse(false);
    return composeCheck ? Optional.of("the health check in " + layout.path(BundleFile.COMPOSE)) : Optional.empty();
  }

  private List<ValidationCheck> environment(BundleLayout layout, Map<BundleFile, String> texts,
      Optional<YamlNode> composeFile, Optional<YamlNode> deployment, Set<String> image, ServiceFacts facts) {
    List<FileDeclarations> files = new ArrayList<>();
    Optional<Set<String>> envExample = Optional.ofNullable(texts.get(BundleFile.ENV_EXAMPLE))
        .map(EnvironmentCoverage::envExampleNames);
    envExample.ifPresent(names -> files.add(new FileDeclarations(layout.path(BundleFile.ENV_EXAMPLE),
        List.of(new Declared(names, false)))));
    composeFile.ifPresent(c -> files.add(new FileDeclarations(layout.path(BundleFile.COMPOSE),
        ComposeRules.applicationServices(c, facts.build().name()).stream().map(EnvironmentCoverage::composeService)
            .toList())));
    deployment.ifPresent(d -> files.add(new FileDeclarations(layout.path(BundleFile.KUBERNETES_DEPLOYMENT),
        d.at("spec", "template", "spec", "containers").items().stream().limit(1).map(EnvironmentCoverage::container)
            .toList())));
    return coverage.check(facts, image, envExample, files);
  }

  private List<ValidationCheck> secrets(String file, String text) {
    List<ValidationCheck> found = new ArrayList<>();
    for (BundleSecretCheck check : secretChecks) {
      check.scan(file, text).forEach(f -> found.add(ValidationCheck.fail("secrets", file, "line " + f.line() + ": "
          + f.message())));
    }
    if (found.isEmpty()) {
      found.add(ValidationCheck.pass("secrets", file, "no secret value written in"));
    }
    return found;
  }

  private static Optional<List<YamlNode>> parse(String file, String text, List<ValidationCheck> checks) {
    try {
      List<YamlNode> documents = new ArrayList<>();
      YamlText.reader().loadAll(text).forEach(d -> {
        if (d != null) {
          documents.add(new YamlNode(d));
        }
      });
      checks.add(documents.isEmpty() ? ValidationCheck.fail("yaml", file, "is empty")
          : ValidationCheck.pass("yaml", file, "parses (" + documents.size() + " document(s))"));
      return documents.isEmpty() ? Optional.empty() : Optional.of(documents);
    } catch (MarkedYAMLException e) {
      Mark mark = e.getProblemMark();
      String where = mark == null ? "" : "line " + (mark.getLine() + 1) + ", column " + (mark.getColumn() + 1) + ": ";
      checks.add(ValidationCheck.fail("yaml", file, "does not parse: " + where + e.getProblem()));
    } catch (YAMLException e) {
      checks.add(ValidationCheck.fail("yaml", file, "does not parse: " + e.getMessage()));
    }
    return Optional.empty();
  }

  private static Optional<YamlNode> first(List<YamlNode> documents) {
    return documents == null || documents.isEmpty() ? Optional.empty() : Optional.of(documents.get(0));
  }

  private static Optional<String> read(Path file) {
    try {
      return Files.isRegularFile(file) ? Optional.of(Files.readString(file, StandardCharsets.UTF_8)) : Optional.empty();
    } catch (IOException e) {
      return Optional.empty();
    }
  }
}
