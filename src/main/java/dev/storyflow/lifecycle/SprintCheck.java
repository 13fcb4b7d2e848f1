package dev.storyflow.lifecycle;

import java.util.Optional;

/**
 * Says whether a story may be planned into a sprint ({@code Task_PlanIntoSprint}). The sprint
 * feature contributes the bean; without one, no sprint is accepted (fail closed).
 */
public interface SprintCheck {

  /** Why the story may not be planned into this sprint, or empty when it may. */
  Optional<String> refusal(String sprintId);
}
