package dev.storyflow.sprint;

import static dev.storyflow.lifecycle.StoryVariables.DEPENDS_ON;
import static dev.storyflow.lifecycle.StoryVariables.SPRINT;

import dev.storyflow.story.StoryRegistry;
import java.util.Arrays;
import java.util.List;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.springframework.stereotype.Component;

/**
 * The conditions of Planned in Sprint (design section 3): a story goes on to In-progress once its
 * sprint has started and every story it depends on is Done; otherwise it waits at
 * {@code Event_SprintStarted} or {@code Event_DependenciesDone}. Both checks lock the rows they
 * read, so a sprint started or a dependency finished at the same moment is never missed: the
 * waiting story's event subscription is committed before the release looks for it, or the release
 * is committed before the check reads.
 */
@Component("sprintReadiness")
public class SprintReadiness {

  private final SprintStore sprints;
  private final StoryRegistry stories;

  SprintReadiness(SprintStore sprints, StoryRegistry stories) {
    this.sprints = sprints;
    this.stories = stories;
  }

  public boolean sprintStarted(DelegateExecution execution) {
    Object sprint = execution.getVariable(SPRINT);
    if (!(sprint instanceof String id) || id.isBlank()) {
      return false;
    }
    return sprints.lockState(id).map(state -> state == SprintState.STARTED).orElse(false);
  }

  public boolean dependenciesDone(DelegateExecution execution) {
    List<String> dependencies = dependencies(execution.getVariable(DEPENDS_ON));
    return stories.lockDone(dependencies).containsAll(dependencies);
  }

  static List<String> dependencies(Object dependsOn) {
    if (!(dependsOn instanceof String list) || list.isBlank()) {
      return List.of();
    }
    return Arrays.stream(list.split(",")).map(String::trim).filter(id -> !id.isEmpty()).distinct().toList();
  }
}
