package dev.storyflow.story;

import static dev.storyflow.lifecycle.StoryVariables.CREATED_BY;
import static dev.storyflow.lifecycle.StoryVariables.FRONTEND_INVOLVED;
import static dev.storyflow.lifecycle.StoryVariables.STORY_ID;

import dev.storyflow.lifecycle.StoryRuleException;
import dev.storyflow.lifecycle.StoryRuleException.FieldProblem;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.ExecutionListener;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.springframework.stereotype.Component;

/**
 * Checks every new story, however it was started (Storyflow's API, {@code /engine-rest},
 * Tasklist): only the story's own fields, the story rules, business key = story id. The id was
 * registered just before by {@link StoryStartRules}. A story that fails is not started at all:
 * the start transaction rolls back.
 */
@Component("storyIntake")
class StoryIntakeListener implements ExecutionListener {

  private static final String CONTEXT = "Invalid story";
  /**
   * Not sent by the client but set here: frontendInvolved from the components (Storyflow's API
   * sends it too), createdBy from the start event's initiator, i.e. the authenticated user.
   */
  private static final List<String> DERIVED = List.of(FRONTEND_INVOLVED, CREATED_BY);

  private final StoryVariablesMapper mapper;

  StoryIntakeListener(StoryVariablesMapper mapper) {
    this.mapper = mapper;
  }

  @Override
  public void notify(DelegateExecution execution) {
    List<FieldProblem> unknown = execution.getVariableNames().stream().sorted()
        .filter(name -> !StoryVariablesMapper.FIELDS.contains(name) && !DERIVED.contains(name))
        .map(name -> new FieldProblem(name, "is not a story field; a story starts with " + String.join(", ",
            StoryVariablesMapper.FIELDS)))
        .toList();
    if (!unknown.isEmpty()) {
      throw new StoryRuleException(CONTEXT, unknown);
    }
    Map<String, Object> variables = mapper.read(execution, CONTEXT);
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
    Map<String, Object> normalized = mapper.toVariables(story);
    Authentication user = execution.getProcessEngineServices().getIdentityService().getCurrentAuthentication();
    normalized.put(CREATED_BY, user == null ? null : user.getUserId());
    // only what normalising changed: writing a variable again costs an update and a history row
    normalized.forEach((name, value) -> {
      if (!execution.hasVariable(name) || !Objects.equals(variables.get(name), value)) {
        execution.setVariable(name, value);
      }
    });
    StoryVariablesMapper.FIELDS.stream()
        .filter(name -> !normalized.containsKey(name) && execution.hasVariable(name))
        .forEach(execution::removeVariable);
  }
}
