package dev.storyflow.lifecycle;

import static dev.storyflow.lifecycle.StoryVariables.DECISION_INPUTS;

import java.lang.reflect.Field;
import java.util.Map;
import org.camunda.bpm.engine.impl.cmd.SubmitTaskFormCmd;
import org.camunda.bpm.engine.impl.persistence.entity.TaskEntity;
import org.camunda.bpm.engine.variable.VariableMap;
import org.camunda.bpm.engine.variable.Variables;
import org.camunda.bpm.engine.variable.value.PrimitiveValue;
import org.camunda.bpm.engine.variable.value.TypedValue;

/**
 * Turns the decision inputs of a completion ({@link StoryVariables#DECISION_INPUTS}) into
 * transient variables before the completion runs: the decision rules and the audit read them as
 * before, but they are never written to the runtime tables nor to history (a written input cost a
 * runtime row, a historic variable row, a detail row, and as many again when the decision listener
 * removed it). What was decided stays in the audit, the task comment and the outcome variables.
 *
 * <p>Only plain values (text, booleans, numbers, null) become transient; anything else is left as
 * submitted, for the rules to refuse. An input is left alone, too, when a persisted variable of
 * that name is visible to the task (the engine does not let a transient value hide it), and when
 * the command's variables cannot be replaced: this is a saving, never a rule, so it gives way.
 */
final class DecisionInputs {

  private DecisionInputs() {
  }

  static void makeTransient(Object completion, Map<?, ?> submitted, TaskEntity task) {
    if (submitted.keySet().stream().noneMatch(DECISION_INPUTS::contains)) {
      return;
    }
    VariableMap replaced = Variables.createVariables();
    boolean changed = false;
    for (Map.Entry<?, ?> entry : submitted.entrySet()) {
      String name = String.valueOf(entry.getKey());
      Object value = valueOf(submitted, entry);
      Object kept = DECISION_INPUTS.contains(name) && !persisted(task, name) ? transientOf(value) : value;
      changed |= kept != value;
      replaced.put(name, kept);
    }
    if (changed) {
      replace(completion, replaced);
    }
  }

  /** The typed value of a {@link VariableMap} entry, the raw value of any other map. */
  private static Object valueOf(Map<?, ?> submitted, Map.Entry<?, ?> entry) {
    if (submitted instanceof VariableMap variables) {
      return variables.getValueTyped(String.valueOf(entry.getKey()));
    }
    return entry.getValue();
  }

  private static boolean persisted(TaskEntity task, String name) {
    return task.getExecution() != null && task.getExecution().hasVariable(name);
  }

  private static Object transientOf(Object value) {
    if (value instanceof TypedValue typed) {
      if (typed.isTransient()) {
        return typed;
      }
      boolean plain = typed instanceof PrimitiveValue<?> || typed.getType() == null
          || typed.getType().getName().equals("null");
      return plain ? Variables.untypedValue(typed.getValue(), true) : typed;
    }
    return Variables.untypedValue(value, true);
  }

  private static void replace(Object completion, VariableMap replaced) {
    String name = completion instanceof SubmitTaskFormCmd ? "properties" : "variables";
    for (Class<?> type = completion.getClass(); type != null; type = type.getSuperclass()) {
      try {
        Field field = type.getDeclaredField(name);
        field.setAccessible(true);
        field.set(completion, replaced);
        return;
      } catch (NoSuchFieldException e) {
        // look in the superclass
      } catch (ReflectiveOperationException | RuntimeException e) {
        return;
      }
    }
  }
}
