package dev.storyflow.sprint;

import dev.storyflow.lifecycle.SprintCheck;
import java.util.Optional;
import org.springframework.stereotype.Component;

/**
 * A story is planned only into a sprint that exists and is not closed. The check locks the
 * sprint's row ({@link SprintStore#lockState}) until the planning commits, and closing the sprint
 * takes the same lock: a planning that races a close either lands before it (and is in the closing
 * report) or sees the sprint closed.
 */
@Component
class OpenSprintCheck implements SprintCheck {

  private final SprintStore sprints;

  OpenSprintCheck(SprintStore sprints) {
    this.sprints = sprints;
  }

  @Override
  public Optional<String> refusal(String sprintId) {
    Optional<SprintState> state = sprints.lockState(sprintId);
    if (state.isEmpty()) {
      return Optional.of("must be an existing sprint: there is no sprint " + sprintId
          + " (create it with POST /api/sprints)");
    }
    if (!state.get().isOpen()) {
      return Optional.of("must be a sprint that is not closed: " + sprintId + " was closed");
    }
    return Optional.empty();
  }
}
