package dev.storyflow.notify;

import dev.storyflow.identity.Role;
import dev.storyflow.lifecycle.StoryProcess;
import java.util.List;
import org.camunda.bpm.engine.impl.context.Context;
import org.camunda.bpm.engine.impl.incident.IncidentContext;
import org.camunda.bpm.engine.impl.incident.IncidentHandler;
import org.camunda.bpm.engine.impl.persistence.entity.ExecutionEntity;
import org.camunda.bpm.engine.runtime.Incident;

/**
 * Publishes {@code incident} for a story when the engine raises one of its type: a sub-handler of
 * the engine's composite incident handler, which has already created the incident. It creates,
 * resolves and deletes nothing itself.
 */
final class IncidentNotifier implements IncidentHandler {

  private final String type;
  private final Notifications notifications;
  private final StoryEvents events;

  IncidentNotifier(String type, Notifications notifications, StoryEvents events) {
    this.type = type;
    this.notifications = notifications;
    this.events = events;
  }

  @Override
  public String getIncidentHandlerType() {
    return type;
  }

  @Override
  public Incident handleIncident(IncidentContext context, String message) {
    if (context.getExecutionId() == null) {
      return null;
    }
    ExecutionEntity execution = Context.getCommandContext().getExecutionManager()
        .findExecutionById(context.getExecutionId());
    if (execution == null || !StoryProcess.KEY.equals(execution.getProcessDefinition().getKey())) {
      return null;
    }
    notifications.publishFromHook("an incident of story " + execution.getProcessBusinessKey(),
        () -> events.forStory(execution, NotificationType.INCIDENT, List.of(Role.ADMIN.groupId()),
            new NotificationEvent.Incident(type, context.getActivityId(), message)));
    return null;
  }

  @Override
  public void resolveIncident(IncidentContext context) {
    // nothing to tell
  }

  @Override
  public void deleteIncident(IncidentContext context) {
    // nothing to tell
  }
}
