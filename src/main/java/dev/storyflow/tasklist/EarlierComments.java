package dev.storyflow.tasklist;

import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.impl.context.Context;
import org.camunda.bpm.engine.impl.persistence.entity.CommentEntity;
import org.camunda.bpm.engine.impl.persistence.entity.ExecutionEntity;
import org.camunda.bpm.engine.task.Comment;
import org.camunda.bpm.engine.task.Event;
import org.springframework.stereotype.Component;

/**
 * Puts the story's comments so far on a new task, so that its History tab in Tasklist lists them:
 * the comments of the decisions (each prefixed with its step and decision) and those people added
 * to earlier tasks. A copy keeps its author and time. It belongs to the new task only, not to the
 * process instance, so the story's own list of comments (and the sprint change log read from it)
 * has each comment once.
 */
@Component
class EarlierComments {

  void copyTo(DelegateTask task, List<Review> decisions) {
    Map<String, Review> byTask = decisions.stream().filter(r -> r.taskId() != null)
        .collect(Collectors.toMap(Review::taskId, Function.identity(), (first, second) -> second));
    List<Comment> comments = task.getProcessEngineServices().getTaskService()
        .getProcessInstanceComments(task.getProcessInstanceId());
    String root = ((ExecutionEntity) task.getExecution()).getRootProcessInstanceId();
    comments.stream().sorted(Comparator.comparing(Comment::getTime)).forEach(comment -> {
      Review decision = comment.getTaskId() == null ? null : byTask.get(comment.getTaskId());
      String text = decision == null || !comment.getFullMessage().equals(decision.comment())
          ? comment.getFullMessage()
          : decision.step() + " · " + decision.decision() + ": " + comment.getFullMessage();
      CommentEntity copy = new CommentEntity();
      copy.setType(CommentEntity.TYPE_COMMENT);
      copy.setAction(Event.ACTION_ADD_COMMENT);
      copy.setUserId(comment.getUserId());
      copy.setTime(comment.getTime());
      copy.setTaskId(task.getId());
      copy.setRootProcessInstanceId(root);
      copy.setTenantId(task.getTenantId());
      copy.setMessage(copy.toEventMessage(text));
      copy.setFullMessage(text);
      Context.getCommandContext().getCommentManager().insert(copy);
    });
  }
}
