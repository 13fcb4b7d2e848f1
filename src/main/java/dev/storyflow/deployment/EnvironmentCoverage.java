package dev.storyflow.deployment;

import dev.storyflow.deployment.ServiceFacts.EnvironmentVariable;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Checks that every environment variable the code reads is declared in each place that sets the
 * environment: {@code .env.example}, the compose services that run the application and the
 * Kubernetes Deployment. A variable the image sets ({@code ENV}) is declared everywhere; a file
 * that loads a whole env file ({@code env_file}, {@code envFrom}) declares what
 * {@code .env.example} declares.
 */
final class EnvironmentCoverage {

  private static final Pattern ENV_LINE = Pattern.compile("(?m)^\\s*#?\\s*(?:export\\s+)?([A-Za-z_][A-Za-z0-9_]*)\\s*=");

  /** The names {@code .env.example} declares, commented-out (optional) ones included. */
  static Set<String> envExampleNames(String text) {
    Set<String> names = new LinkedHashSet<>();
    Matcher m = ENV_LINE.matcher(text);
    while (m.find()) {
      names.add(m.group(1));
    }
    return names;
  }

  /** The names a compose service or a Kubernetes container sets, and whether it loads a whole file. */
  record Declared(Set<String> names, boolean wholeFile) {
  }

  static Declared composeService(YamlNode service) {
    Set<String> names = new LinkedHashSet<>();
    YamlNode environment = service.get("environment");
    names.addAll(environment.entries().keySet());
    environment.items().forEach(i -> names.add(String.valueOf(i.text()).split("=", 2)[0].trim()));
    return new Declared(names, service.get("env_file").isPresent());
  }

  static Declared container(YamlNode container) {
    Set<String> names = new LinkedHashSet<>();
    container.get("env").items().forEach(e -> names.add(e.get("name").text()));
    return new Declared(names, container.get("envFrom").isPresent());
  }

  /**
   * @param declaredBy each file's declarations; {@code envExample} is the names of {@code .env.example}
   */
  List<ValidationCheck> check(ServiceFacts facts, Set<String> image, Optional<Set<String>> envExample,
      List<FileDeclarations> declaredBy) {
    List<ValidationCheck> checks = new ArrayList<>();
    for (FileDeclarations file : declaredBy) {
      List<String> missing = new ArrayList<>();
      for (EnvironmentVariable variable : facts.environment()) {
        String name = variable.name();
        boolean declared = image.contains(name) || file.declared().stream().allMatch(d -> d.names().contains(name)
            || (d.wholeFile() && envExample.map(e -> e.contains(name)).orElse(false)));
        if (!declared) {
          missing.add(name + " (read by " + String.join(", ", variable.readBy()) + ")");
        }
      }
      checks.add(missing.isEmpty()
          ? ValidationCheck.pass("environment", file.file(), "declares the " + facts.environment().size()
              + " variable(s) the code reads")
          : ValidationCheck.fail("environment", file.file(), "does not declare " + String.join(", ", missing)));
    }
    return checks;
  }

  /** The declarations of one file: one per compose service or container that must have them. */
  record FileDeclarations(String file, List<Declared> declared) {
  }
}
