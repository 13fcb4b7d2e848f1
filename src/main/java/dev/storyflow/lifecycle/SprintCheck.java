package dev.storyflow.lifecycle;

import java.util.List;
import java.util.Optional;

/**
 * Says whether a story may name a sprint (at intake, on revision, at {@code Task_PlanIntoSprint}).
 * The sprint feature contributes the bean; without one, no sprint is accepted (fail closed).
 */
public interface SprintCheck {

  /** Why the story may not be planned into this sprint, or empty when it may. */
  Optional<String> refusal(String sprintId);

  /** The first refusal of the checks, or a refusal when there is no check at all (fail closed). */
  static Optional<String> refusalOf(List<SprintCheck> checks, String sprintId) {
    if (checks.isEmpty()) {
      return Optional.of("cannot be checked: no sprints are known, so no sprint is accepted");
    }
    return checks.stream().map(c -> c.refusal(sprintId)).flatMap(Optional::stream).findFirst();
  }
}
