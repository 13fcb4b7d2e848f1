package dev.storyflow.workspace;

import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.history.HistoricTaskInstance;
import org.camunda.bpm.engine.task.Comment;
import org.springframework.stereotype.Component;

/** The comments people left on the story's tasks (Camunda task comments), oldest first. */
@Component
class ReviewerComments {

  private final TaskService tasks;
  private final HistoryService history;

  ReviewerComments(TaskService tasks, HistoryService history) {
    this.tasks = tasks;
    this.history = history;
  }

  /** Each comment with the task it was left on, who left it and when. */
  List<Map<String, Object>> of(String processInstanceId) {
    Map<String, HistoricTaskInstance> byId = history.createHistoricTaskInstanceQuery()
        .processInstanceId(processInstanceId).list().stream()
        .collect(Collectors.toMap(HistoricTaskInstance::getId, Function.identity()));
    return tasks.getProcessInstanceComments(processInstanceId).stream()
        .sorted(Comparator.comparing(Comment::getTime))
        .map(comment -> {
          HistoricTaskInstance task = byId.get(comment.getTaskId());
          Map<String, Object> entry = new LinkedHashMap<>();
          entry.put("task", task == null ? null : task.getName());
          entry.put("taskDefinitionKey", task == null ? null : task.getTaskDefinitionKey());
          entry.put("by", comment.getUserId());
          entry.put("at", comment.getTime().toInstant().toString());
          entry.put("comment", comment.getFullMessage());
          return entry;
        })
        .toList();
  }
}
