package dev.storyflow.engineer;

import java.util.Collections;
import java.util.HashMap;
import java.util.Map;

/**
 * How a step's external task ends: completed with its variables, or with BPMN error
 * {@code BACKEND_ENGINEER_NEEDED} for a human.
 *
 * @param needsHuman the step asks for the human fallback
 * @param reason why, with its secrets masked; {@code null} when done
 * @param variables the variables to set on the story (a {@code null} value clears one)
 */
public record StepOutcome(boolean needsHuman, String reason, Map<String, Object> variables) {

  public StepOutcome {
    variables = Collections.unmodifiableMap(new HashMap<>(variables));
  }

  static StepOutcome done(Map<String, Object> variables) {
    return new StepOutcome(false, null, variables);
  }

  static StepOutcome needsHuman(String reason, Map<String, Object> variables) {
    return new StepOutcome(true, reason, variables);
  }
}
