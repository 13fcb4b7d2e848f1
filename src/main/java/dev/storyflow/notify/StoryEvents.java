package dev.storyflow.notify;

import dev.storyflow.lifecycle.StoryVariables;
import java.util.Collection;
import java.util.List;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.VariableScope;
import org.camunda.bpm.engine.impl.context.Context;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.task.IdentityLink;
import org.camunda.bpm.engine.task.IdentityLinkType;

/** Gathers the facts of an event from the engine's objects, inside the story's command. */
final class StoryEvents {

  NotificationEvent forTask(DelegateTask task, NotificationType type, Collection<String> groups) {
    NotificationEvent.Task facts = new NotificationEvent.Task(task.getId(), task.getTaskDefinitionKey(),
        stepName(task), candidateGroups(task), task.getDueDate() == null ? null : task.getDueDate().toInstant());
    NotificationEvent.Fallback fallback = type == NotificationType.FALLBACK_NEEDED
        ? new NotificationEvent.Fallback(text(task, StoryVariables.FALLBACK_STEP),
            text(task, StoryVariables.FALLBACK_REASON))
        : null;
    List<String> addressed = groups == null || groups.isEmpty() ? facts.candidateGroups() : List.copyOf(groups);
    return new NotificationEvent(type, task.getExecution().getProcessBusinessKey(), task.getProcessInstanceId(),
        text(task, StoryVariables.TITLE), text(task, StoryVariables.STATUS), facts, addressed, fallback, null,
        ClockUtil.getCurrentTime().toInstant(), engineName());
  }

  NotificationEvent forStory(DelegateExecution execution, NotificationType type, Collection<String> groups,
      NotificationEvent.Incident incident) {
    return new NotificationEvent(type, execution.getProcessBusinessKey(), execution.getProcessInstanceId(),
        text(execution, StoryVariables.TITLE), text(execution, StoryVariables.STATUS), null,
        groups == null ? List.of() : List.copyOf(groups), null, incident, ClockUtil.getCurrentTime().toInstant(),
        engineName());
  }

  private static List<String> candidateGroups(DelegateTask task) {
    return task.getCandidates().stream()
        .filter(link -> IdentityLinkType.CANDIDATE.equals(link.getType()) && link.getGroupId() != null)
        .map(IdentityLink::getGroupId)
        .distinct()
        .toList();
  }

  /** A String variable, or {@code null} when it is missing or of another type. */
  private static String text(VariableScope scope, String name) {
    return scope.getVariable(name) instanceof String value ? value : null;
  }

  private static String engineName() {
    return Context.getProcessEngineConfiguration() == null ? null
        : Context.getProcessEngineConfiguration().getProcessEngineName();
  }

  /** The step's own name ("Architect review"): in Tasklist a task's name starts with its story's id. */
  private static String stepName(DelegateTask task) {
    return task.getBpmnModelElementInstance() != null && task.getBpmnModelElementInstance().getName() != null
        ? task.getBpmnModelElementInstance().getName() : task.getName();
  }
}
