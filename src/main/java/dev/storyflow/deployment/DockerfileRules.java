package dev.storyflow.deployment;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * Checks a Dockerfile: it has a {@code FROM}; its final stage runs as a non-root {@code USER};
 * it has a {@code HEALTHCHECK}, unless probes or a compose health check watch the container.
 */
final class DockerfileRules {

  /** One instruction, its continuation lines joined. */
  record Instruction(String keyword, String arguments) {
  }

  private final List<Instruction> instructions;

  DockerfileRules(String text) {
    this.instructions = parse(text);
  }

  static List<Instruction> parse(String text) {
    List<Instruction> result = new ArrayList<>();
    StringBuilder current = new StringBuilder();
    for (String line : text.split("\\R")) {
      String trimmed = line.strip();
      if (current.isEmpty() && (trimmed.isEmpty() || trimmed.startsWith("#"))) {
        continue;
      }
      if (trimmed.startsWith("#")) {
        continue; // a comment inside a continued instruction
      }
      boolean continued = trimmed.endsWith("\\");
      current.append(continued ? trimmed.substring(0, trimmed.length() - 1) : trimmed).append(' ');
      if (!continued) {
        add(result, current.toString().strip());
        current.setLength(0);
      }
    }
    if (!current.isEmpty()) {
      add(result, current.toString().strip());
    }
    return result;
  }

  private static void add(List<Instruction> result, String instruction) {
    if (instruction.isEmpty()) {
      return;
    }
    String[] parts = instruction.split("\\s+", 2);
    result.add(new Instruction(parts[0].toUpperCase(Locale.ROOT), parts.length > 1 ? parts[1] : ""));
  }

  /**
   * @param watchedElsewhere where probes or a health check watch the container, if anywhere
   */
  List<ValidationCheck> check(String file, Optional<String> watchedElsewhere) {
    List<ValidationCheck> checks = new ArrayList<>();
    int lastFrom = -1;
    for (int i = 0; i < instructions.size(); i++) {
      if (instructions.get(i).keyword().equals("FROM")) {
        lastFrom = i;
      }
    }
    if (lastFrom < 0) {
      checks.add(ValidationCheck.fail("dockerfile", file, "has no FROM instruction"));
      return checks;
    }
    long stages = instructions.stream().filter(i -> i.keyword().equals("FROM")).count();
    checks.add(ValidationCheck.pass("dockerfile", file, "FROM " + base(instructions.get(lastFrom))
        + (stages > 1 ? " (" + stages + " stages)" : " (single stage)")));
    List<Instruction> finalStage = instructions.subList(lastFrom, instructions.size());
    checks.add(user(file, finalStage, base(instructions.get(lastFrom))));
    checks.add(health(file, finalStage, watchedElsewhere));
    return checks;
  }

  private static ValidationCheck user(String file, List<Instruction> stage, String base) {
    Optional<String> user = stage.stream().filter(i -> i.keyword().equals("USER")).reduce((a, b) -> b)
        .map(i -> i.arguments().split(":")[0].trim());
    if (user.isEmpty()) {
      if (base.contains(":nonroot")) {
        return ValidationCheck.pass("dockerfile", file, "runs as the non-root user of " + base);
      }
      return ValidationCheck.fail("dockerfile", file, "the final stage has no USER, so the container runs as root: "
          + "add a numeric non-root USER, e.g. USER 10001:10001");
    }
    if (user.get().equals("root") || user.get().equals("0")) {
      return ValidationCheck.fail("dockerfile", file, "the final stage runs as root (USER " + user.get()
          + "): use a numeric non-root USER, e.g. USER 10001:10001");
    }
    String numeric = user.get().matches("\\d+") ? "" : " (a numeric user lets Kubernetes verify runAsNonRoot)";
    return ValidationCheck.pass("dockerfile", file, "runs as USER " + user.get() + numeric);
  }

  private static ValidationCheck health(String file, List<Instruction> stage, Optional<String> watchedElsewhere) {
    Optional<Instruction> check = stage.stream().filter(i -> i.keyword().equals("HEALTHCHECK")).reduce((a, b) -> b);
    if (check.isPresent() && !check.get().arguments().trim().equalsIgnoreCase("NONE")) {
      return ValidationCheck.pass("dockerfile", file, "has a HEALTHCHECK");
    }
    if (watchedElsewhere.isPresent()) {
      return ValidationCheck.pass("dockerfile", file, "no HEALTHCHECK; " + watchedElsewhere.get() + " watch the container");
    }
    return ValidationCheck.fail("dockerfile", file,
        "has no HEALTHCHECK and no probe watches the container: add a HEALTHCHECK or Kubernetes readiness and liveness probes");
  }

  /** The variables the image sets with {@code ENV}: the image declares them. */
  Set<String> environment() {
    Set<String> names = new LinkedHashSet<>();
    instructions.stream().filter(i -> i.keyword().equals("ENV")).forEach(i -> {
      String arguments = i.arguments().trim();
      if (!arguments.contains("=")) {
        names.add(arguments.split("\\s+")[0]);
        return;
      }
      for (String pair : arguments.split("\\s+")) {
        int eq = pair.indexOf('=');
        if (eq > 0) {
          names.add(pair.substring(0, eq));
        }
      }
    });
    return names;
  }

  private static String base(Instruction from) {
    for (String token : from.arguments().split("\\s+")) {
      if (!token.startsWith("--")) {
        return token;
      }
    }
    return from.arguments();
  }
}
