package dev.storyflow.sprint;

import static dev.storyflow.lifecycle.StoryProcess.MESSAGE_DEPENDENCIES_DONE;
import static dev.storyflow.lifecycle.StoryVariables.DEPENDS_ON;

import dev.storyflow.story.StoryRegistry;
import java.util.List;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.ExecutionListener;
import dev.storyflow.lifecycle.StoryProcess;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.springframework.stereotype.Component;

/**
 * When a story reaches Done, the stories waiting for it at {@code Event_DependenciesDone} whose
 * dependencies are now all Done go on (message {@code DependenciesDone}). Runs in the transaction
 * that ends the story, after locking its registry row.
 */
@Component("dependencyRelease")
class DependencyRelease implements ExecutionListener {

  private final StoryRegistry stories;

  DependencyRelease(StoryRegistry stories) {
    this.stories = stories;
  }

  @Override
  public void notify(DelegateExecution execution) {
    String storyId = execution.getProcessBusinessKey();
    stories.markDone(storyId);
    RuntimeService runtime = execution.getProcessEngineServices().getRuntimeService();
    // a LIKE narrows the search; the exact membership is checked below
    List<ProcessInstance> waiting = runtime.createProcessInstanceQuery()
        .processDefinitionKey(StoryProcess.KEY)
        .activityIdIn(StoryProcess.EVENT_DEPENDENCIES_DONE)
        .variableValueLike(DEPENDS_ON, "%" + storyId + "%")
        .list();
    for (ProcessInstance candidate : waiting) {
      List<String> dependencies = SprintReadiness.dependencies(
          runtime.getVariable(candidate.getId(), DEPENDS_ON));
      if (dependencies.contains(storyId) && stories.lockDone(dependencies).containsAll(dependencies)) {
        runtime.createMessageCorrelation(MESSAGE_DEPENDENCIES_DONE)
            .processInstanceId(candidate.getId())
            .correlateWithResult();
      }
    }
  }
}
