package dev.storyflow.sprint;

import dev.storyflow.lifecycle.SprintCheck;
import java.util.Optional;
import org.springframework.stereotype.Component;

/** A story is planned only into a sprint that exists and is not closed. */
@Component
class OpenSprintCheck implements SprintCheck {

  private final SprintStore sprints;

  OpenSprintCheck(SprintStore sprints) {
    this.sprints = sprints;
  }

  @Override
  public Optional<String> refusal(String sprintId) {
    Optional<Sprint> sprint = sprints.find(sprintId);
    if (sprint.isEmpty()) {
      return Optional.of("must be an existing sprint: there is no sprint " + sprintId
          + " (create it with POST /api/sprints)");
    }
    if (!sprint.get().state().isOpen()) {
      return Optional.of("must be a sprint that is not closed: " + sprintId + " was closed");
    }
    return Optional.empty();
  }
}
