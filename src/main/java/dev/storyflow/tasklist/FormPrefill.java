package dev.storyflow.tasklist;

import static dev.storyflow.lifecycle.StoryVariables.COMPONENTS;
import static dev.storyflow.lifecycle.StoryVariables.FEASIBILITY;
import static dev.storyflow.lifecycle.StoryVariables.STORY_POINTS;

import dev.storyflow.lifecycle.StoryTask;
import java.util.Arrays;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.bpm.engine.impl.core.variable.CoreVariableInstance;
import org.camunda.bpm.engine.impl.persistence.entity.TaskEntity;
import org.camunda.bpm.engine.impl.persistence.entity.VariableInstanceEntity;
import org.camunda.spin.Spin;
import org.camunda.spin.json.SpinJsonNode;
import org.camunda.spin.plugin.variable.SpinValues;
import org.springframework.stereotype.Component;

/**
 * Values a form shows before the person chooses, where the story's own variable cannot be shown as
 * it is: Plan into sprint offers the feasibility estimate as the story points, Revise story shows
 * the components as the list its checkboxes need. A form field shows the variable of its name, so
 * the value is put on the task as a task-local variable of that name when the task is created.
 *
 * <p>A task-local variable would swallow what the form submits (Tasklist writes the submitted
 * value into it) and hide what an API client submits (written to the story), so it is taken away
 * first thing at completion, before the decision is checked: a value the completion wrote into it
 * moves to the story; an untouched one is dropped, and the story then has what the completion sent.
 */
@Component
class FormPrefill implements TaskListener {

  /** Per task: the variable a form field shows, and the value to show first (if any). */
  private static final Map<String, Map<String, Function<DelegateTask, Optional<Object>>>> PREFILLS = Map.of(
      StoryTask.PLAN_INTO_SPRINT.id(), Map.of(STORY_POINTS, FormPrefill::estimate),
      StoryTask.REVISE_STORY.id(), Map.of(COMPONENTS, FormPrefill::componentList));

  /** Whether the task has values prefilled for its form. */
  static boolean prefills(String taskKey) {
    return PREFILLS.containsKey(taskKey);
  }

  @Override
  public void notify(DelegateTask task) {
    Map<String, Function<DelegateTask, Optional<Object>>> prefills = PREFILLS.getOrDefault(task.getTaskDefinitionKey(),
        Map.of());
    if (EVENTNAME_CREATE.equals(task.getEventName())) {
      prefills.forEach((name, value) -> value.apply(task).ifPresent(v -> task.setVariableLocal(name, v)));
    } else if (EVENTNAME_COMPLETE.equals(task.getEventName())) {
      prefills.keySet().forEach(name -> takeAway(task, name));
    }
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
  private static Optional<Object> estimate(DelegateTask task) {
    if (task.getVariable(STORY_POINTS) != null) {
      return Optional.empty();
    }
    try {
      if (task.getVariable(FEASIBILITY) instanceof SpinJsonNode report && report.hasProp("estimate")
          && report.prop("estimate").hasProp("points") && report.prop("estimate").prop("points").isNumber()) {
        int points = report.prop("estimate").prop("points").numberValue().intValue();
        return Optional.of(StoryPointScale.atLeast(points));
      }
    } catch (RuntimeException unreadable) {
      // no suggestion from a report that cannot be read: the product owner chooses the points
    }
    return Optional.empty();
  }

  /** The story's components ("backend,frontend") as the JSON list a checklist shows. */
  private static Optional<Object> componentList(DelegateTask task) {
    if (!(task.getVariable(COMPONENTS) instanceof String components)) {
      return Optional.empty();
    }
    SpinJsonNode list = Spin.JSON("[]");
    Arrays.stream(components.split(",")).map(String::trim).filter(c -> !c.isEmpty()).forEach(list::append);
    return Optional.of(SpinValues.jsonValue(list).create());
  }
}
