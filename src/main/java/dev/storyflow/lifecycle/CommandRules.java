package dev.storyflow.lifecycle;

import dev.storyflow.identity.Admins;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.camunda.bpm.engine.AuthorizationException;
import org.camunda.bpm.engine.exception.NotFoundException;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.cmd.AbstractAddIdentityLinkCmd;
import org.camunda.bpm.engine.impl.cmd.AbstractCorrelateMessageCmd;
import org.camunda.bpm.engine.impl.cmd.AbstractModificationCmd;
import org.camunda.bpm.engine.impl.cmd.AbstractPatchVariablesCmd;
import org.camunda.bpm.engine.impl.cmd.AbstractRemoveVariableCmd;
import org.camunda.bpm.engine.impl.cmd.AbstractRestartProcessInstanceCmd;
import org.camunda.bpm.engine.impl.cmd.AbstractSetExternalTaskRetriesCmd;
import org.camunda.bpm.engine.impl.cmd.AbstractSetJobsRetriesBatchCmd;
import org.camunda.bpm.engine.impl.cmd.AbstractSetStateCmd;
import org.camunda.bpm.engine.impl.cmd.AbstractSetVariableCmd;
import org.camunda.bpm.engine.impl.cmd.AbstractUpdateProcessInstancesSuspendStateCmd;
import org.camunda.bpm.engine.impl.cmd.AssignTaskCmd;
import org.camunda.bpm.engine.impl.cmd.ClaimTaskCmd;
import org.camunda.bpm.engine.impl.cmd.CompleteTaskCmd;
import org.camunda.bpm.engine.impl.cmd.CorrelateAllMessageCmd;
import org.camunda.bpm.engine.impl.cmd.CreateIncidentCmd;
import org.camunda.bpm.engine.impl.cmd.DelegateTaskCmd;
import org.camunda.bpm.engine.impl.cmd.DeleteIdentityLinkCmd;
import org.camunda.bpm.engine.impl.cmd.ExecuteJobsCmd;
import org.camunda.bpm.engine.impl.cmd.MessageEventReceivedCmd;
import org.camunda.bpm.engine.impl.cmd.ModifyProcessInstanceAsyncCmd;
import org.camunda.bpm.engine.impl.cmd.ModifyProcessInstanceCmd;
import org.camunda.bpm.engine.impl.cmd.ProcessInstanceModificationBatchCmd;
import org.camunda.bpm.engine.impl.cmd.ProcessInstanceModificationCmd;
import org.camunda.bpm.engine.impl.cmd.RecalculateJobDuedateCmd;
import org.camunda.bpm.engine.impl.cmd.ResolveIncidentCmd;
import org.camunda.bpm.engine.impl.cmd.SetAnnotationForIncidentCmd;
import org.camunda.bpm.engine.impl.cmd.SetExternalTaskPriorityCmd;
import org.camunda.bpm.engine.impl.cmd.SetExternalTaskRetriesCmd;
import org.camunda.bpm.engine.impl.cmd.SetJobDefinitionPriorityCmd;
import org.camunda.bpm.engine.impl.cmd.SetJobDuedateCmd;
import org.camunda.bpm.engine.impl.cmd.SetJobPriorityCmd;
import org.camunda.bpm.engine.impl.cmd.SetJobRetriesCmd;
import org.camunda.bpm.engine.impl.cmd.SetTaskOwnerCmd;
import org.camunda.bpm.engine.impl.cmd.SignalCmd;
import org.camunda.bpm.engine.impl.cmd.SignalEventReceivedCmd;
import org.camunda.bpm.engine.impl.cmd.StartProcessInstanceAtActivitiesCmd;
import org.camunda.bpm.engine.impl.cmd.SubmitTaskFormCmd;
import org.camunda.bpm.engine.impl.cmd.UnlockExternalTaskCmd;
import org.camunda.bpm.engine.impl.cmd.batch.variables.SetVariablesToProcessInstancesBatchCmd;
import org.camunda.bpm.engine.impl.context.Context;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.camunda.bpm.engine.impl.interceptor.Command;
import org.camunda.bpm.engine.impl.interceptor.CommandContext;
import org.camunda.bpm.engine.impl.interceptor.CommandInterceptor;
import org.camunda.bpm.engine.impl.migration.AbstractMigrationCmd;
import org.camunda.bpm.engine.impl.persistence.entity.ProcessDefinitionEntity;
import org.camunda.bpm.engine.impl.persistence.entity.TaskEntity;

/**
 * The story rules at the engine's own door: every command, whether it comes from Tasklist,
 * {@code /engine-rest}, {@code /api} or Java, passes here before it runs (design section 4).
 * <ul>
 *   <li>Only {@code camunda-admin} starts a story at another step, modifies, restarts or migrates
 *       it, sets or removes variables outside a completion, or correlates messages and signals;
 *       suspends it, or changes its jobs, external tasks or incidents by hand.</li>
 *   <li>A completion carries only the task's own decision fields ({@link CompletionFields}); this
 *       holds for every caller but an admin, the engine's own Java callers included.</li>
 *   <li>A backend-engineer step's external task ends with that step's own output only
 *       ({@link StepTaskEnd}): the service account of a remote worker does a worker's work and
 *       nothing more; this too holds for every caller but an admin.</li>
 *   <li>A user claims, is assigned or is delegated a task for itself only.</li>
 * </ul>
 * Commands run by the engine inside another command (listeners, delegates) were checked as part
 * of that command. Callers without an authentication are Storyflow's own code (job executor,
 * backend-engineer steps) and keep the engine's Java API, except for completions and the ends of
 * external tasks. A command whose fields cannot be read is refused (fail closed).
 */
class CommandRules extends CommandInterceptor {

  private static final List<Class<?>> ADMIN_ONLY = List.of(
      StartProcessInstanceAtActivitiesCmd.class, AbstractModificationCmd.class, ModifyProcessInstanceCmd.class,
      ModifyProcessInstanceAsyncCmd.class, ProcessInstanceModificationCmd.class,
      ProcessInstanceModificationBatchCmd.class, AbstractRestartProcessInstanceCmd.class,
      AbstractMigrationCmd.class, AbstractSetVariableCmd.class, AbstractRemoveVariableCmd.class,
      AbstractPatchVariablesCmd.class, SetVariablesToProcessInstancesBatchCmd.class,
      AbstractCorrelateMessageCmd.class, CorrelateAllMessageCmd.class, MessageEventReceivedCmd.class,
      SignalCmd.class, SignalEventReceivedCmd.class, DeleteIdentityLinkCmd.class, SetTaskOwnerCmd.class);

  /**
   * What {@code UPDATE_INSTANCE}, which the backend-engineer service account needs for its external
   * tasks, would allow besides: suspending, job and external task retries, priorities, unlocking,
   * incidents. Cockpit's tools for an admin.
   */
  private static final List<Class<?>> ADMIN_TOOLS = List.of(AbstractSetStateCmd.class, AbstractUpdateProcessInstancesSuspendStateCmd.class, SetJobRetriesCmd.class,
      AbstractSetJobsRetriesBatchCmd.class, SetJobDuedateCmd.class, RecalculateJobDuedateCmd.class,
      SetJobPriorityCmd.class, SetJobDefinitionPriorityCmd.class, ExecuteJobsCmd.class,
      AbstractSetExternalTaskRetriesCmd.class, SetExternalTaskRetriesCmd.class, SetExternalTaskPriorityCmd.class,
      UnlockExternalTaskCmd.class,
      CreateIncidentCmd.class, ResolveIncidentCmd.class, SetAnnotationForIncidentCmd.class);

  private final ProcessEngineConfigurationImpl configuration;

  CommandRules(ProcessEngineConfigurationImpl configuration) {
    this.configuration = configuration;
  }

  @Override
  public <T> T execute(Command<T> command) {
    if (Context.getCommandContext() != null) {
      return next.execute(command);
    }
    Authentication caller = configuration.getIdentityService().getCurrentAuthentication();
    if (Admins.isAdmin(caller)) {
      return next.execute(command);
    }
    if (caller != null) {
      checkDoor(command, caller.getUserId());
    }
    if (command instanceof CompleteTaskCmd || command instanceof SubmitTaskFormCmd) {
      return next.execute(new CheckedCompletion<>(command));
    }
    if (StepTaskEnd.ends(command)) {
      return next.execute(new StepTaskEnd<>(command, caller == null ? null : caller.getUserId()));
    }
    return next.execute(command);
  }

  private static void checkDoor(Command<?> command, String userId) {
    for (Class<?> type : concat(ADMIN_ONLY, ADMIN_TOOLS)) {
      if (type.isInstance(command)) {
        throw new StoryForbiddenException(userId + " may not " + describe(command)
            + ": only camunda-admin may step around the story's process; a story moves by completing its tasks");
      }
    }
    if (command instanceof ClaimTaskCmd || command instanceof DelegateTaskCmd) {
      forSelfOnly(userId, (String) read(command, "userId"), "claim or delegate a task for");
    } else if (command instanceof AssignTaskCmd) {
      forSelfOnly(userId, (String) read(command, "userId"), "assign a task to");
    } else if (command instanceof AbstractAddIdentityLinkCmd) {
      throw new StoryForbiddenException(userId + " may not change who may work on a task: only camunda-admin may");
    }
  }

  private static void forSelfOnly(String userId, String target, String what) {
    if (target != null && !target.equals(userId)) {
      throw new StoryForbiddenException(userId + " may not " + what + " another user (" + target
          + "): a user claims tasks for itself only");
    }
  }

  private static List<Class<?>> concat(List<Class<?>> first, List<Class<?>> second) {
    return java.util.stream.Stream.concat(first.stream(), second.stream()).toList();
  }

  private static String describe(Command<?> command) {
    if (ADMIN_TOOLS.stream().anyMatch(type -> type.isInstance(command))) {
      return "suspend a story or change its jobs, external tasks or incidents by hand";
    }
    if (command instanceof StartProcessInstanceAtActivitiesCmd) {
      return "start a process at a chosen step (start instructions, skipCustomListeners, skipIoMappings)";
    }
    if (command instanceof AbstractSetVariableCmd || command instanceof AbstractRemoveVariableCmd
        || command instanceof AbstractPatchVariablesCmd || command instanceof SetVariablesToProcessInstancesBatchCmd) {
      return "set or remove variables outside a task completion";
    }
    if (command instanceof AbstractCorrelateMessageCmd || command instanceof CorrelateAllMessageCmd
        || command instanceof MessageEventReceivedCmd || command instanceof SignalCmd
        || command instanceof SignalEventReceivedCmd) {
      return "trigger messages or signals";
    }
    if (command instanceof DeleteIdentityLinkCmd || command instanceof SetTaskOwnerCmd) {
      return "change who may work on a task";
    }
    return "modify, restart or migrate a process instance";
  }

  /** Reads a field of one of the engine's commands; a field that cannot be read refuses the command. */
  static Object read(Object command, String name) {
    try {
      return CommandFields.read(command, name);
    } catch (IllegalStateException unreadable) {
      throw new StoryForbiddenException("Storyflow cannot check " + command.getClass().getSimpleName()
          + " (field " + name + "), so it is refused");
    }
  }

  /**
   * A task completion whose submitted variables are checked, inside the command's own context,
   * against the fields the task accepts before the completion runs.
   */
  private static final class CheckedCompletion<T> implements Command<T> {

    private final Command<T> completion;

    CheckedCompletion(Command<T> completion) {
      this.completion = completion;
    }

    @Override
    public T execute(CommandContext context) {
      String taskId = (String) read(completion, "taskId");
      Object variables = read(completion, completion instanceof SubmitTaskFormCmd ? "properties" : "variables");
      TaskEntity task = taskId == null ? null : context.getTaskManager().findTaskById(taskId);
      if (task == null) {
        // completed a moment ago by someone else, or never there: a 404, not a server error
        throw new NotFoundException("Cannot find task with id " + taskId);
      }
      if (task.getProcessDefinitionId() != null && variables instanceof Map<?, ?> submitted
          && !submitted.isEmpty() && isStoryProcess(context, task)) {
        StoryTask.ofId(task.getTaskDefinitionKey()).ifPresent(storyTask ->
            CompletionFields.check(storyTask, submitted.keySet().stream().map(Objects::toString).toList()));
        DecisionInputs.makeTransient(completion, submitted, task);
      }
      try {
        return completion.execute(context);
      } catch (AuthorizationException refused) {
        // another completion of the task committed meanwhile and took the task's authorizations with it
        boolean stillThere = context.getProcessEngineConfiguration().getCommandExecutorTxRequiresNew()
            .execute(fresh -> fresh.getTaskManager().findTaskById(taskId) != null);
        if (!stillThere) {
          throw new NotFoundException("Cannot find task with id " + taskId + ": it was completed meanwhile");
        }
        throw refused;
      }
    }

    private static boolean isStoryProcess(CommandContext context, TaskEntity task) {
      ProcessDefinitionEntity definition = context.getProcessEngineConfiguration().getDeploymentCache()
          .findDeployedProcessDefinitionById(task.getProcessDefinitionId());
      return StoryProcess.KEY.equals(definition.getKey());
    }
  }
}
