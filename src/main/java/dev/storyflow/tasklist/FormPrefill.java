package dev.storyflow.tasklist;

import static dev.storyflow.lifecycle.StoryVariables.COMPONENTS;
import static dev.storyflow.lifecycle.StoryVariables.FEASIBILITY;
import static dev.storyflow.lifecycle.StoryVariables.STORY_POINTS;

import dev.storyflow.lifecycle.StoryTask;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.bpm.engine.impl.core.variable.CoreVariableInstance;
import org.camunda.bpm.engine.impl.persistence.entity.TaskEntity;
import org.camunda.bpm.engine.impl.persistence.entity.VariableInstanceEntity;
import org.camunda.bpm.engine.variable.Variables;
import org.camunda.bpm.engine.variable.value.TypedValue;
import org.camunda.spin.Spin;
import org.camunda.spin.json.SpinJsonNode;
import org.camunda.spin.plugin.variable.SpinValues;
import org.springframework.stereotype.Component;

/**
 * Values a form shows before the person chooses, where the story's own variable cannot be shown as
 * it is: Plan into sprint offers the feasibility estimate as the story points, Revise story shows
 * the components as the list its checkboxes need. They are {@link FormValues}: shown under the
 * variable's name when the form is read, never stored on the task, so what the form submits (or an
 * API client sends) is written to the story as it is.
 *
 * <p>Tasks created by Storyflow versions before this one carry these values as task-local
 * variables, which would swallow what the form submits: at completion such a variable is taken
 * away before the decision is checked, a value the completion wrote into it moving to the story.
 */
@Component
class FormPrefill implements FormValues, TaskListener {

  /** Per task: the variable a form field shows, and the value to show first (if any). */
  private static final Map<String, Map<String, Function<DelegateTask, Optional<TypedValue>>>> PREFILLS = Map.of(
      StoryTask.PLAN_INTO_SPRINT.id(), Map.of(STORY_POINTS, FormPrefill::estimate),
      StoryTask.REVISE_STORY.id(), Map.of(COMPONENTS, FormPrefill::componentList));

  /** Whether the task has values prefilled for its form. */
  static boolean prefills(String taskKey) {
    return PREFILLS.containsKey(taskKey);
  }

  @Override
  public Map<String, TypedValue> of(DelegateTask task) {
    Map<String, TypedValue> values = new HashMap<>();
    PREFILLS.getOrDefault(task.getTaskDefinitionKey(), Map.of())
        .forEach((name, value) -> value.apply(task).ifPresent(v -> values.put(name, v)));
    return values;
  }

  /** At completion: a prefilled task-local variable of an older version's task is taken away. */
  @Override
  public void notify(DelegateTask task) {
    PREFILLS.getOrDefault(task.getTaskDefinitionKey(), Map.of()).keySet().forEach(name -> takeAway(task, name));
  }

  private static void takeAway(DelegateTask task, String name) {
    CoreVariableInstance prefilled = ((TaskEntity) task).getVariableInstanceLocal(name);
    if (prefilled == null) {
      return;
    }
    Object value = task.getVariableLocal(name);
    // written once when prefilled; a later write is the completion's
    boolean submitted = prefilled instanceof VariableInstanceEntity variable && variable.getSequenceCounter() > 1;
    task.removeVariableLocal(name);
    if (submitted) {
      task.setVariable(name, value);
    }
  }

  /** The estimate on the planning-poker scale, for a story without story points. */
  private static Optional<TypedValue> estimate(DelegateTask task) {
    if (task.getVariable(STORY_POINTS) != null) {
      return Optional.empty();
    }
    try {
      if (task.getVariable(FEASIBILITY) instanceof SpinJsonNode report && report.hasProp("estimate")
          && report.prop("estimate").hasProp("points") && report.prop("estimate").prop("points").isNumber()) {
        int points = report.prop("estimate").prop("points").numberValue().intValue();
        return Optional.of(Variables.integerValue(StoryPointScale.atLeast(points)));
      }
    } catch (RuntimeException unreadable) {
      // no suggestion from a report that cannot be read: the product owner chooses the points
    }
    return Optional.empty();
  }

  /** The story's components ("backend,frontend") as the JSON list a checklist shows. */
  private static Optional<TypedValue> componentList(DelegateTask task) {
    if (!(task.getVariable(COMPONENTS) instanceof String components)) {
      return Optional.empty();
    }
    SpinJsonNode list = Spin.JSON("[]");
    Arrays.stream(components.split(",")).map(String::trim).filter(c -> !c.isEmpty()).forEach(list::append);
    return Optional.of(SpinValues.jsonValue(list.toString()).create());
  }
}
