package dev.storyflow.notify;

import java.time.Instant;
import java.util.List;

/**
 * The facts of one notification, gathered in the story's transaction: which story, its status, the
 * task it is about (if any), the groups it is addressed to (mail goes to their members), and what
 * only some events carry ({@code fallback}, {@code incident}).
 *
 * @param groups the groups addressed; for a task, usually its candidate groups
 * @param task the user task the event is about; {@code null} for story-level events
 * @param fallback for {@link NotificationType#FALLBACK_NEEDED}, else {@code null}
 * @param incident for {@link NotificationType#INCIDENT}, else {@code null}
 * @param engineName the process engine's name, for the links into Tasklist and Cockpit
 */
public record NotificationEvent(NotificationType type, String storyId, String processInstanceId, String title,
    String status, Task task, List<String> groups, Fallback fallback, Incident incident, Instant occurredAt,
    String engineName) {

  public NotificationEvent {
    groups = groups == null ? List.of() : List.copyOf(groups);
  }

  /** A user task as the webhook JSON shows it (the fields of {@code openTasks} in the REST API, and the due date). */
  public record Task(String id, String taskDefinitionKey, String name, List<String> candidateGroups, Instant due) {

    public Task {
      candidateGroups = candidateGroups == null ? List.of() : List.copyOf(candidateGroups);
    }
  }

  /** The step the backend engineer could not do, and why. */
  public record Fallback(String step, String reason) {
  }

  /** A failure that needs an admin: the incident type ({@code failedJob}, {@code failedExternalTask}), where, what. */
  public record Incident(String type, String activityId, String message) {
  }
}
