package dev.storyflow.sprint;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.storyflow.lifecycle.StoryTask;
import dev.storyflow.tasklist.FormValues;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.bpm.engine.variable.value.TypedValue;
import org.camunda.spin.plugin.variable.SpinValues;
import org.springframework.stereotype.Component;

/**
 * Offers the open sprints on {@code Task_PlanIntoSprint}: the JSON form value {@code sprintOptions}
 * ({@code [{label, value}]}), the values of the form's sprint list, read when the form is, so a
 * sprint created meanwhile shows up ({@link FormValues}).
 *
 * <p>The bean keeps its name and stays a task listener that does nothing: versions of
 * {@code story-lifecycle} deployed before the options were read with the form call it on
 * {@code Task_PlanIntoSprint}, and their running stories must still reach that task.
 */
@Component("sprintOptions")
class SprintOptions implements FormValues, TaskListener {

  static final String VARIABLE = "sprintOptions";

  private final SprintStore sprints;
  private final ObjectMapper json;

  SprintOptions(SprintStore sprints, ObjectMapper json) {
    this.sprints = sprints;
    this.json = json;
  }

  @Override
  public Map<String, TypedValue> of(DelegateTask task) {
    if (!StoryTask.PLAN_INTO_SPRINT.id().equals(task.getTaskDefinitionKey())) {
      return Map.of();
    }
    List<Map<String, String>> options = sprints.list().stream()
        .filter(s -> s.state().isOpen())
        .map(s -> Map.of("label", s.name() + " (" + s.sprintId() + (s.state() == SprintState.STARTED ? ", started" : "")
            + ")", "value", s.sprintId()))
        .toList();
    try {
      return Map.of(VARIABLE, SpinValues.jsonValue(json.writeValueAsString(options)).create());
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("Cannot write the sprint options", e);
    }
  }

  @Override
  public void notify(DelegateTask task) {
    // see the class comment: the options are a form value now
  }
}
