package dev.storyflow.story;

import static dev.storyflow.lifecycle.StoryVariables.STORY_ID;

import dev.storyflow.lifecycle.StoryProcess;
import dev.storyflow.lifecycle.StoryRuleException;
import dev.storyflow.lifecycle.StoryRuleException.FieldProblem;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.ExecutionListener;
import org.camunda.bpm.engine.impl.context.Context;
import org.springframework.stereotype.Component;

/**
 * Checks every new story, however it was started (Storyflow's API, {@code /engine-rest},
 * Tasklist): the story rules, business key = story id, no running story with the same id. A
 * story that fails is not started at all: the start transaction rolls back.
 */
@Component("storyIntake")
class StoryIntakeListener implements ExecutionListener {

  private static final String CONTEXT = "Invalid story";

  private final StoryVariablesMapper mapper;

  StoryIntakeListener(StoryVariablesMapper mapper) {
    this.mapper = mapper;
  }

  @Override
  public void notify(DelegateExecution execution) {
    Map<String, Object> variables = new HashMap<>(execution.getVariables());
    String businessKey = execution.getProcessBusinessKey();
    if (variables.get(STORY_ID) == null && businessKey != null) {
      variables.put(STORY_ID, businessKey);
    }
    StoryInput story = mapper.fromVariables(variables, CONTEXT);
    mapper.validate(story, CONTEXT);
    if (businessKey == null) {
      execution.setProcessBusinessKey(story.storyId());
    } else if (!businessKey.equals(story.storyId())) {
      throw new StoryRuleException(CONTEXT, List.of(new FieldProblem(STORY_ID,
          "must equal the business key " + businessKey)));
    }
    if (isRunning(execution, story.storyId())) {
      throw new DuplicateStoryException(story.storyId());
    }
    Map<String, Object> normalized = mapper.toVariables(story);
    execution.setVariables(normalized);
    StoryVariablesMapper.FIELDS.stream()
        .filter(name -> !normalized.containsKey(name) && execution.hasVariable(name))
        .forEach(execution::removeVariable);
  }

  private static boolean isRunning(DelegateExecution execution, String storyId) {
    return Context.getCommandContext().runWithoutAuthorization(() ->
        execution.getProcessEngineServices().getRuntimeService().createProcessInstanceQuery()
            .processDefinitionKey(StoryProcess.KEY)
            .processInstanceBusinessKey(storyId)
            .count() > 0);
  }
}
