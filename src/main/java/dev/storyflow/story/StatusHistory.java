package dev.storyflow.story;

import dev.storyflow.identity.Role;
import dev.storyflow.lifecycle.Status;
import dev.storyflow.lifecycle.StoryProcess;
import dev.storyflow.story.StoryView.HistoryEntry;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.history.HistoricActivityInstance;
import org.camunda.bpm.engine.history.HistoricProcessInstance;
import org.camunda.bpm.engine.history.UserOperationLogEntry;
import org.camunda.bpm.engine.task.Comment;
import org.springframework.stereotype.Component;

/**
 * Reads a story's status history from engine history: one entry per status entered (rework
 * included), with the user whose decision moved it there and that decision's comment.
 */
@Component
public class StatusHistory {

  private static final String USER_TASK = "userTask";
  private static final String SERVICE_TASK = "serviceTask";

  private final HistoryService historyService;
  private final TaskService taskService;

  StatusHistory(HistoryService historyService, TaskService taskService) {
    this.historyService = historyService;
    this.taskService = taskService;
  }

  public List<HistoryEntry> of(HistoricProcessInstance story) {
    List<HistoricActivityInstance> activities = historyService.createHistoricActivityInstanceQuery()
        .processInstanceId(story.getId())
        .orderByHistoricActivityInstanceStartTime().asc()
        .orderPartiallyByOccurrence().asc()
        .list();
    List<HistoricActivityInstance> finishedTasks = activities.stream()
        .filter(a -> a.getEndTime() != null && !a.isCanceled())
        .filter(a -> USER_TASK.equals(a.getActivityType()) || SERVICE_TASK.equals(a.getActivityType()))
        .sorted(Comparator.comparing(HistoricActivityInstance::getEndTime))
        .toList();
    Map<String, String> completedBy = completedBy(story.getId());
    Map<String, String> comments = taskService.getProcessInstanceComments(story.getId()).stream()
        .filter(c -> c.getTaskId() != null)
        .sorted(Comparator.comparing(Comment::getTime))
        .collect(Collectors.toMap(Comment::getTaskId, Comment::getFullMessage, (a, b) -> a + "\n" + b));

    List<HistoryEntry> entries = new ArrayList<>();
    for (HistoricActivityInstance activity : activities) {
      Optional<String> status = Status.enteredAt(activity.getActivityId()).map(Status::name)
          .or(() -> StoryProcess.END_EVENT_WITHDRAWN.equals(activity.getActivityId())
              ? Optional.of(StoryProcess.STATUS_WITHDRAWN) : Optional.empty());
      if (status.isEmpty()) {
        continue;
      }
      Date entered = activity.getStartTime();
      Optional<HistoricActivityInstance> cause = finishedTasks.stream()
          .filter(t -> !t.getEndTime().after(entered))
          .reduce((first, second) -> second);
      String by = story.getStartUserId();
      String comment = null;
      if (cause.isPresent()) {
        HistoricActivityInstance task = cause.get();
        if (USER_TASK.equals(task.getActivityType())) {
          by = Optional.ofNullable(completedBy.get(task.getTaskId())).orElse(task.getAssignee());
          comment = comments.get(task.getTaskId());
        } else {
          by = Role.BACKEND_ENGINEER.groupId();
        }
      }
      entries.add(new HistoryEntry(status.get(), entered.toInstant(), by, comment));
    }
    return entries;
  }

  private Map<String, String> completedBy(String processInstanceId) {
    Map<String, String> users = new HashMap<>();
    historyService.createUserOperationLogQuery()
        .processInstanceId(processInstanceId)
        .operationType(UserOperationLogEntry.OPERATION_TYPE_COMPLETE)
        .list()
        .forEach(e -> {
          if (e.getTaskId() != null && e.getUserId() != null) {
            users.put(e.getTaskId(), e.getUserId());
          }
        });
    return users;
  }
}
