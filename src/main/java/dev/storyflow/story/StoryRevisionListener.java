package dev.storyflow.story;

import static dev.storyflow.lifecycle.StoryVariables.STORY_ID;

import dev.storyflow.lifecycle.StoryRuleException;
import dev.storyflow.lifecycle.StoryRuleException.FieldProblem;
import java.util.List;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.stereotype.Component;

/** Checks the story the product owner revised in {@code Task_ReviseStory}, as at intake. */
@Component("storyRevision")
class StoryRevisionListener implements TaskListener {

  private static final String CONTEXT = "Invalid revision";

  private final StoryVariablesMapper mapper;

  StoryRevisionListener(StoryVariablesMapper mapper) {
    this.mapper = mapper;
  }

  @Override
  public void notify(DelegateTask task) {
    StoryInput story = mapper.fromVariables(mapper.read(task, CONTEXT), CONTEXT);
    mapper.validate(story, CONTEXT);
    String businessKey = task.getExecution().getProcessBusinessKey();
    if (!businessKey.equals(story.storyId())) {
      throw new StoryRuleException(CONTEXT, List.of(new FieldProblem(STORY_ID, "cannot change")));
    }
    java.util.Map<String, Object> normalized = mapper.toVariables(story);
    task.setVariables(normalized);
    StoryVariablesMapper.FIELDS.stream()
        .filter(name -> !normalized.containsKey(name) && task.hasVariable(name))
        .forEach(task::removeVariable);
  }
}
