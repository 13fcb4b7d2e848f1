package dev.storyflow.sprint;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.spin.plugin.variable.SpinValues;
import org.springframework.stereotype.Component;

/**
 * Offers the open sprints on {@code Task_PlanIntoSprint}: a task-local JSON variable
 * {@code sprintOptions} ({@code [{label, value}]}), the values of the form's sprint list. Written
 * when the task is created and again when it is claimed, so a sprint created meanwhile shows up.
 */
@Component("sprintOptions")
class SprintOptions implements TaskListener {

  static final String VARIABLE = "sprintOptions";

  private final SprintStore sprints;
  private final ObjectMapper json;

  SprintOptions(SprintStore sprints, ObjectMapper json) {
    this.sprints = sprints;
    this.json = json;
  }

  @Override
  public void notify(DelegateTask task) {
    List<Map<String, String>> options = sprints.list().stream()
        .filter(s -> s.state().isOpen())
        .map(s -> Map.of("label", s.name() + " (" + s.sprintId() + (s.state() == SprintState.STARTED ? ", started" : "")
            + ")", "value", s.sprintId()))
        .toList();
    try {
      task.setVariableLocal(VARIABLE, SpinValues.jsonValue(json.writeValueAsString(options)).create());
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("Cannot write the sprint options", e);
    }
  }
}
