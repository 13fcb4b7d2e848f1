package dev.storyflow.engineer;

import java.util.Map;

/**
 * A step the backend engineer finished.
 *
 * @param report the step's report, stored as JSON in the step's report variable; empty when the
 *     step has no report to give
 */
public record StepResult(Map<String, Object> report) {

  public static StepResult withoutReport() {
    return new StepResult(Map.of());
  }

  public boolean hasReport() {
    return !report.isEmpty();
  }
}
