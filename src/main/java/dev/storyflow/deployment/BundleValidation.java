package dev.storyflow.deployment;

import java.util.List;

/** The checks of a deployment bundle; it is valid when every check passed. */
public record BundleValidation(List<ValidationCheck> checks) {

  public BundleValidation {
    checks = List.copyOf(checks);
  }

  public boolean passed() {
    return checks.stream().allMatch(ValidationCheck::passed);
  }

  /** The failed checks, each as {@code file: message}. */
  public List<String> problems() {
    return checks.stream().filter(c -> !c.passed()).map(c -> c.file() + ": " + c.message()).toList();
  }
}
