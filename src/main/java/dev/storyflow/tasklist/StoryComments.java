package dev.storyflow.tasklist;

import dev.storyflow.lifecycle.StoryProcess;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.camunda.bpm.engine.history.HistoricProcessInstance;
import org.camunda.bpm.engine.impl.interceptor.CommandContext;
import org.camunda.bpm.engine.impl.persistence.entity.CommentEntity;
import org.camunda.bpm.engine.impl.persistence.entity.HistoricTaskInstanceEntity;
import org.camunda.bpm.engine.impl.persistence.entity.TaskEntity;
import org.camunda.bpm.engine.task.Comment;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DataAccessException;
import org.springframework.stereotype.Component;

/**
 * The comments a story's task lists (its History tab in Tasklist): the story's comments so far,
 * those of the decisions on other tasks prefixed with their step and decision ("Architect review ·
 * Needs rework: …"), and those people added to any task of the story. Read from the story when asked, never
 * copied: an open task lists every comment up to now, an ended one those up to its end and its own.
 * Each comment keeps its author, time and the task it was written on.
 */
@Component
class StoryComments {

  private static final Logger LOG = LoggerFactory.getLogger(StoryComments.class);

  private final ReviewsSoFar reviewsSoFar;

  StoryComments(ReviewsSoFar reviewsSoFar) {
    this.reviewsSoFar = reviewsSoFar;
  }

  /**
   * @param own the task's own comments, as the engine lists them after its permission checks
   */
  List<Comment> ofTask(String taskId, List<Comment> own, CommandContext context) {
    StoryTaskRef task = find(taskId, context);
    if (task == null) {
      return own;
    }
    Map<String, Review> decisions;
    try {
      decisions = reviewsSoFar.of(task.storyId(), task.processDefinitionId()).stream()
          .filter(r -> r.taskId() != null)
          .collect(Collectors.toMap(Review::taskId, Function.identity(), (first, second) -> second));
    } catch (DataAccessException unreadable) {
      LOG.warn("The decisions of story {} cannot be read for the comments of task {}: {}", task.storyId(), taskId,
          unreadable.getMessage());
      decisions = Map.of();
    }
    Map<String, Comment> listed = new LinkedHashMap<>();
    own.forEach(comment -> listed.put(comment.getId(), comment));
    for (Comment comment : context.getCommentManager().findCommentsByProcessInstanceId(task.processInstanceId())) {
      if (task.ended() == null || !comment.getTime().after(task.ended()) || taskId.equals(comment.getTaskId())) {
        // on its own task a decision's comment needs no label: the task is the step
        listed.put(comment.getId(), taskId.equals(comment.getTaskId()) ? comment
            : labelled(comment, decisions.get(comment.getTaskId())));
      }
    }
    List<Comment> comments = new ArrayList<>(listed.values());
    comments.sort(Comparator.comparing(Comment::getTime).reversed());
    return comments;
  }

  /** A decision's comment as a form's reader knows it: with its step and decision. */
  private static Comment labelled(Comment comment, Review decision) {
    if (decision == null || comment.getFullMessage() == null || !comment.getFullMessage().equals(decision.comment())) {
      return comment;
    }
    String text = decision.step() + " · " + decision.decision() + ": " + comment.getFullMessage();
    CommentEntity shown = new CommentEntity();
    shown.setId(comment.getId());
    shown.setType(CommentEntity.TYPE_COMMENT);
    shown.setUserId(comment.getUserId());
    shown.setTime(comment.getTime());
    shown.setTaskId(comment.getTaskId());
    shown.setProcessInstanceId(comment.getProcessInstanceId());
    shown.setRootProcessInstanceId(comment.getRootProcessInstanceId());
    shown.setRemovalTime(comment.getRemovalTime());
    shown.setFullMessage(text);
    shown.setMessage(shown.toEventMessage(text));
    return shown;
  }

  private static StoryTaskRef find(String taskId, CommandContext context) {
    if (taskId == null) {
      return null;
    }
    TaskEntity open = context.getTaskManager().findTaskById(taskId);
    if (open != null) {
      return StoryTaskReads.isStory(open)
          ? new StoryTaskRef(open.getExecution().getProcessBusinessKey(), open.getProcessInstanceId(),
              open.getProcessDefinitionId(), null)
          : null;
    }
    HistoricTaskInstanceEntity ended = context.getHistoricTaskInstanceManager().findHistoricTaskInstanceById(taskId);
    if (ended == null || !StoryProcess.KEY.equals(ended.getProcessDefinitionKey()) || ended.getProcessInstanceId() == null) {
      return null;
    }
    HistoricProcessInstance story = context.getHistoricProcessInstanceManager()
        .findHistoricProcessInstance(ended.getProcessInstanceId());
    String storyId = story == null ? null : story.getBusinessKey();
    return storyId == null ? null
        : new StoryTaskRef(storyId, ended.getProcessInstanceId(), ended.getProcessDefinitionId(),
            ended.getEndTime() == null ? new Date() : ended.getEndTime());
  }

  private record StoryTaskRef(String storyId, String processInstanceId, String processDefinitionId, Date ended) {
  }
}
