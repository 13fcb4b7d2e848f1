package dev.storyflow.board;

import dev.storyflow.lifecycle.StoryTask;
import java.time.Instant;
import java.util.Collection;
import java.util.Comparator;
import java.util.Date;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Collectors;
import org.camunda.bpm.engine.ExternalTaskService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.externaltask.ExternalTask;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.springframework.stereotype.Component;

/**
 * What a card shows about a running story's open work, read for a whole board in three queries:
 * its open tasks (who claimed one, when they are due, whether the story waits for a human
 * backend engineer), its incidents, and its locked external tasks (an agent step at work).
 * Callers read as the system ({@code EngineAccess}).
 */
@Component
class StorySignals {

  /**
   * @param assignee the user who claimed the first claimed open task
   * @param due the earliest due date of the open tasks
   * @param overdue one of them is past its due date by the engine's clock
   */
  record Signals(String assignee, Instant due, boolean overdue, boolean waitingForHuman, boolean incident,
      boolean agentRunning) {

    static final Signals NONE = new Signals(null, null, false, false, false, false);
  }

  private final TaskService tasks;
  private final ExternalTaskService externalTasks;
  private final RuntimeService runtime;

  StorySignals(TaskService tasks, ExternalTaskService externalTasks, RuntimeService runtime) {
    this.tasks = tasks;
    this.externalTasks = externalTasks;
    this.runtime = runtime;
  }

  /** The signals of each running story, by process instance id. */
  Map<String, Signals> of(Collection<String> processInstanceIds) {
    if (processInstanceIds.isEmpty()) {
      return Map.of();
    }
    String[] ids = processInstanceIds.toArray(String[]::new);
    Map<String, List<Task>> openTasks = tasks.createTaskQuery().processInstanceIdIn(ids)
        .orderByTaskCreateTime().asc().list().stream()
        .collect(Collectors.groupingBy(Task::getProcessInstanceId));
    // locked() compares the lock's expiry with the engine's clock
    Set<String> agentAtWork = externalTasks.createExternalTaskQuery().processInstanceIdIn(ids).locked().list()
        .stream().map(ExternalTask::getProcessInstanceId).collect(Collectors.toSet());
    // of these stories only, whatever the number of incidents elsewhere
    Set<String> incidents = runtime.createProcessInstanceQuery().processInstanceIds(new HashSet<>(processInstanceIds))
        .withIncident().list().stream().map(ProcessInstance::getId).collect(Collectors.toSet());
    Date now = ClockUtil.getCurrentTime();

    Map<String, Signals> signals = new HashMap<>();
    for (String id : processInstanceIds) {
      List<Task> open = openTasks.getOrDefault(id, List.of());
      String assignee = open.stream().map(Task::getAssignee).filter(Objects::nonNull).findFirst().orElse(null);
      Date due = open.stream().map(Task::getDueDate).filter(Objects::nonNull).min(Comparator.naturalOrder())
          .orElse(null);
      boolean waiting = open.stream()
          .anyMatch(t -> StoryTask.BACKEND_ENGINEER_FALLBACK.id().equals(t.getTaskDefinitionKey()));
      signals.put(id, new Signals(assignee, due == null ? null : due.toInstant(), due != null && due.before(now),
          waiting, incidents.contains(id), agentAtWork.contains(id)));
    }
    return signals;
  }
}
