package dev.storyflow.lifecycle;

import static dev.storyflow.lifecycle.StoryVariables.FALLBACK_REASON;
import static dev.storyflow.lifecycle.StoryVariables.FALLBACK_RESOLVED;
import static dev.storyflow.lifecycle.StoryVariables.FALLBACK_STEP;

import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;
import org.camunda.bpm.engine.impl.cmd.CompleteExternalTaskCmd;
import org.camunda.bpm.engine.impl.cmd.HandleExternalTaskBpmnErrorCmd;
import org.camunda.bpm.engine.impl.cmd.HandleExternalTaskFailureCmd;
import org.camunda.bpm.engine.impl.interceptor.Command;
import org.camunda.bpm.engine.impl.interceptor.CommandContext;
import org.camunda.bpm.engine.impl.persistence.entity.ExternalTaskEntity;
import org.camunda.bpm.engine.variable.value.TypedValue;

/**
 * The end of a backend-engineer step's external task (complete, BPMN error, failure), checked inside
 * the command's own context before it runs, so that a refused end writes nothing and leaves the task
 * locked. A worker ends a step with what the step's bean writes and nothing more:
 * <ul>
 *   <li>complete or BPMN error: the step's own report ({@link Step#reportVariable()}) and the
 *       fallback bookkeeping ({@code fallbackStep} = this step or cleared, {@code fallbackResolved}
 *       = false or cleared, {@code fallbackReason}); no local variables;</li>
 *   <li>BPMN error: only {@code BACKEND_ENGINEER_NEEDED}, the one error the process catches;</li>
 *   <li>failure: no variables at all.</li>
 * </ul>
 * The step comes from the task's topic; a topic that names no step is refused (fail closed). A
 * status, a decision ({@code approved}, {@code reworkTo}) or another step's report is refused with
 * 403, like every other way around the story's process.
 */
final class StepTaskEnd<T> implements Command<T> {

  /** The commands that end an external task; extending its lock (also a worker's command) is not one. */
  private static final List<Class<?>> ENDS = List.of(CompleteExternalTaskCmd.class,
      HandleExternalTaskBpmnErrorCmd.class, HandleExternalTaskFailureCmd.class);

  private final Command<T> end;
  private final String caller;

  /**
   * @param end a command that {@link #ends(Command)} an external task
   * @param caller the authenticated user, {@code null} for Storyflow's own code
   */
  StepTaskEnd(Command<T> end, String caller) {
    this.end = end;
    this.caller = caller;
  }

  static boolean ends(Command<?> command) {
    return ENDS.stream().anyMatch(type -> type.isInstance(command));
  }

  @Override
  public T execute(CommandContext context) {
    String taskId = (String) CommandRules.read(end, "externalTaskId");
    ExternalTaskEntity task = taskId == null ? null : context.getExternalTaskManager().findExternalTaskById(taskId);
    if (task != null) {
      check(task.getTopicName());
    }
    // a task that is not there: the command itself answers 404
    return end.execute(context);
  }

  private void check(String topic) {
    Step step = Step.ofTopic(topic).orElseThrow(() -> refused("end the external task of topic " + topic
        + ", which is no backend-engineer step"));
    if (end instanceof HandleExternalTaskFailureCmd) {
      Set<String> sent = names(variables("variables"), variables("localVariables"));
      if (!sent.isEmpty()) {
        throw refused("set " + sent + " when reporting a failure of step " + step.code()
            + ": a failure carries only its message and retries");
      }
    } else if (end instanceof CompleteExternalTaskCmd || end instanceof HandleExternalTaskBpmnErrorCmd) {
      if (end instanceof HandleExternalTaskBpmnErrorCmd) {
        Object code = CommandRules.read(end, "errorCode");
        if (!StoryProcess.ERROR_BACKEND_ENGINEER_NEEDED.equals(code)) {
          throw refused("end step " + step.code() + " with BPMN error " + code + ": a step asks for a human with "
              + StoryProcess.ERROR_BACKEND_ENGINEER_NEEDED + " only");
        }
      }
      if (end instanceof CompleteExternalTaskCmd && !names(variables("localVariables")).isEmpty()) {
        throw refused("set local variables " + names(variables("localVariables")) + " on step " + step.code()
            + ": a step writes its report on the story");
      }
      checkOutput(step, variables("variables"));
    } else {
      throw refused("end an external task with " + end.getClass().getSimpleName());
    }
  }

  private void checkOutput(Step step, Map<?, ?> variables) {
    Set<String> allowed = Set.of(step.reportVariable(), FALLBACK_STEP, FALLBACK_RESOLVED, FALLBACK_REASON);
    Set<String> refused = names(variables);
    refused.removeAll(allowed);
    if (!refused.isEmpty()) {
      throw refused("set " + refused + " when ending step " + step.code() + ": the step sets only "
          + new TreeSet<>(allowed));
    }
    Object fallbackStep = value(variables, FALLBACK_STEP);
    if (fallbackStep != null && !step.code().equals(fallbackStep)) {
      throw refused("set fallbackStep " + fallbackStep + " when ending step " + step.code()
          + ": a step asks for a human for itself only");
    }
    if (Boolean.TRUE.equals(value(variables, FALLBACK_RESOLVED))) {
      throw refused("set fallbackResolved to true: only the human who completes the fallback task resolves it");
    }
  }

  private Map<?, ?> variables(String field) {
    Object variables = CommandRules.read(end, field);
    if (variables == null) {
      return Map.of();
    }
    if (variables instanceof Map<?, ?> map) {
      return map;
    }
    throw refused("end a step with " + field + " of type " + variables.getClass().getSimpleName());
  }

  private static Set<String> names(Map<?, ?>... maps) {
    Set<String> names = new TreeSet<>();
    for (Map<?, ?> map : maps) {
      map.keySet().forEach(name -> names.add(Objects.toString(name)));
    }
    return names;
  }

  private static Object value(Map<?, ?> variables, String name) {
    Object value = variables.get(name);
    return value instanceof TypedValue typed ? typed.getValue() : value;
  }

  private StoryForbiddenException refused(String what) {
    return new StoryForbiddenException((caller == null ? "Storyflow's own code" : caller) + " may not " + what);
  }
}
