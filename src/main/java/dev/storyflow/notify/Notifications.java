package dev.storyflow.notify;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.UUID;
import java.util.function.Supplier;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.impl.context.Context;
import org.camunda.bpm.engine.impl.interceptor.CommandContext;
import org.camunda.bpm.engine.impl.persistence.entity.TaskEntity;
import org.camunda.bpm.model.bpmn.instance.BoundaryEvent;
import org.camunda.bpm.model.bpmn.instance.FlowElement;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Publishes story notifications into the outbox, in the caller's transaction: called from an
 * engine listener, the notification exists exactly when the story change does, and is sent after
 * the commit by {@link NotificationSender}, never by the caller. Task creation, the human
 * fallback, incidents and the story's end are published by {@link NotificationHooks}; timers call
 * {@link #forTask(DelegateTask, NotificationType, Collection)} (a task's timeout listener),
 * {@link #forTaskId(String, NotificationType, Collection)} or
 * {@link #forTimer(DelegateExecution, NotificationType, Collection)} (a boundary timer's listener)
 * with {@link NotificationType#OVERDUE} or {@link NotificationType#ESCALATED}.
 */
@Component("notifications")
public class Notifications {

  private static final Logger LOG = LoggerFactory.getLogger(Notifications.class);

  private final Outbox outbox;
  private final Routing routing;
  private final OutboxSignal signal;
  private final NotificationPayload payload;
  private final StoryEvents events = new StoryEvents();

  Notifications(Outbox outbox, Routing routing, OutboxSignal signal, NotificationProperties properties,
      ObjectMapper json) {
    this.outbox = outbox;
    this.routing = routing;
    this.signal = signal;
    this.payload = new NotificationPayload(json, new Links(properties.baseUrl()));
  }

  /**
   * Writes the event to the outbox for every channel that wants it (none: nothing is written) and
   * wakes the sender once the surrounding transaction commits.
   */
  public void publish(NotificationEvent event) {
    List<String> channels = routing.channels(event);
    if (channels.isEmpty()) {
      return;
    }
    String eventId = UUID.randomUUID().toString();
    outbox.insert(eventId, event.type(), event.storyId(), payload.render(eventId, event), channels, Instant.now());
    if (TransactionSynchronizationManager.isSynchronizationActive()) {
      TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
        @Override
        public void afterCommit() {
          signal.wakeUp();
        }
      });
    } else {
      signal.wakeUp();
    }
  }

  /**
   * An event about a user task, e.g. from its timeout listener.
   *
   * @param groups the groups addressed; the task's candidate groups when {@code null} or empty
   */
  public void forTask(DelegateTask task, NotificationType type, Collection<String> groups) {
    if (routing.anyChannel()) {
      publish(events.forTask(task, type, groups));
    }
  }

  /** An event about a user task known by its id; call it inside an engine command (a listener, a delegate). */
  public void forTaskId(String taskId, NotificationType type, Collection<String> groups) {
    TaskEntity task = commandContext().getTaskManager().findTaskById(taskId);
    if (task == null) {
      throw new IllegalArgumentException("No open task " + taskId);
    }
    forTask(task, type, groups);
  }

  /**
   * From a timer's listener: for a boundary timer, one event per open task of the user task it is
   * attached to; for any other element, the open tasks of the element itself. A timer with no open
   * task left publishes nothing.
   */
  public void forTimer(DelegateExecution execution, NotificationType type, Collection<String> groups) {
    if (!routing.anyChannel()) {
      return;
    }
    FlowElement element = execution.getBpmnModelElementInstance();
    String activityId = element instanceof BoundaryEvent boundary ? boundary.getAttachedTo().getId()
        : execution.getCurrentActivityId();
    commandContext().getTaskManager().findTasksByProcessInstanceId(execution.getProcessInstanceId()).stream()
        .filter(task -> activityId.equals(task.getTaskDefinitionKey()))
        .forEach(task -> forTask(task, type, groups));
  }

  /**
   * For the hooks: an event whose facts cannot be gathered (an unexpected variable, say) is logged
   * and skipped, and never fails the story's command; writing the outbox row is part of the
   * command like any other write.
   */
  void publishFromHook(String what, Supplier<NotificationEvent> facts) {
    if (!routing.anyChannel()) {
      return;
    }
    NotificationEvent event;
    try {
      event = facts.get();
    } catch (RuntimeException e) {
      LOG.error("Could not gather the notification for {}; the story goes on without it", what, e);
      return;
    }
    publish(event);
  }

  private static CommandContext commandContext() {
    CommandContext context = Context.getCommandContext();
    if (context == null) {
      throw new IllegalStateException("Call this inside an engine command (a listener or a delegate)");
    }
    return context;
  }
}
