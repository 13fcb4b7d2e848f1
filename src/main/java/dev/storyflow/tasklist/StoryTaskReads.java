package dev.storyflow.tasklist;

import dev.storyflow.lifecycle.CommandFields;
import dev.storyflow.lifecycle.StoryProcess;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.impl.cmd.GetTaskCommentsCmd;
import org.camunda.bpm.engine.impl.cmd.GetTaskFormVariablesCmd;
import org.camunda.bpm.engine.impl.interceptor.Command;
import org.camunda.bpm.engine.impl.interceptor.CommandContext;
import org.camunda.bpm.engine.impl.interceptor.CommandInterceptor;
import org.camunda.bpm.engine.impl.persistence.entity.TaskEntity;
import org.camunda.bpm.engine.task.Comment;
import org.camunda.bpm.engine.variable.VariableMap;
import org.camunda.bpm.engine.variable.value.TypedValue;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What Tasklist reads of a story's task, computed inside the engine when it is read, for every door
 * (Tasklist, {@code /engine-rest}, Java), so that nothing has to be copied onto each new task:
 * <ul>
 *   <li>a task's form variables add the {@link FormValues} (reviews so far, suggested story
 *       points, sprint options), after the engine has checked that the caller may read them;</li>
 *   <li>a task's comments are the story's comments ({@link StoryComments}), which its History tab
 *       lists.</li>
 * </ul>
 * The original command runs first with all its permission checks; only its result is added to.
 */
class StoryTaskReads extends CommandInterceptor {

  private static final Logger LOG = LoggerFactory.getLogger(StoryTaskReads.class);

  private final List<FormValues> formValues;
  private final StoryComments comments;

  StoryTaskReads(List<FormValues> formValues, StoryComments comments) {
    this.formValues = formValues;
    this.comments = comments;
  }

  @Override
  @SuppressWarnings("unchecked")
  public <T> T execute(Command<T> command) {
    if (command instanceof GetTaskFormVariablesCmd formVariables) {
      return (T) next.execute(context -> withFormValues(formVariables, context));
    }
    if (command instanceof GetTaskCommentsCmd taskComments) {
      return (T) next.execute(context -> withStoryComments(taskComments, context));
    }
    return next.execute(command);
  }

  private VariableMap withFormValues(GetTaskFormVariablesCmd command, CommandContext context) {
    VariableMap variables = command.execute(context);
    TaskEntity task = context.getTaskManager().findTaskById(command.resourceId);
    if (task == null || !isStory(task)) {
      return variables;
    }
    Collection<String> names = command.formVariableNames;
    for (FormValues source : formValues) {
      for (Map.Entry<String, TypedValue> value : source.of(task).entrySet()) {
        if (names == null || names.contains(value.getKey())) {
          variables.putValueTyped(value.getKey(), value.getValue());
        }
      }
    }
    return variables;
  }

  private List<Comment> withStoryComments(GetTaskCommentsCmd command, CommandContext context) {
    List<Comment> own = command.execute(context);
    String taskId;
    try {
      taskId = (String) CommandFields.read(command, "taskId");
    } catch (RuntimeException unreadable) {
      LOG.warn("The task of a comment query cannot be read ({}); it lists the task's own comments only",
          unreadable.getMessage());
      return own;
    }
    return comments.ofTask(taskId, own, context);
  }

  static boolean isStory(TaskEntity task) {
    return task.getExecution() != null && StoryProcess.KEY.equals(task.getExecution().getProcessDefinition().getKey());
  }
}
