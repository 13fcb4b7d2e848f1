package dev.storyflow.notify;

import java.util.Arrays;
import java.util.Optional;

/**
 * What a notification reports. The code is the {@code event} of the webhook JSON and the value
 * that {@code storyflow.notifications.webhooks[i].events} and {@code mail.events} list.
 */
public enum NotificationType {
  /** A user task was created and waits for its candidate groups. */
  TASK_WAITING("taskWaiting", "task waiting"),
  /** A user task is past its due date; its candidates are reminded. */
  OVERDUE("overdue", "task overdue"),
  /** A user task is past its escalation time; the escalation group is told. */
  ESCALATED("escalated", "task escalated"),
  /** The backend engineer could not do a step: the story waits at {@code Task_BackendEngineerFallback}. */
  FALLBACK_NEEDED("fallbackNeeded", "backend engineer needed"),
  /** A step or job failed for good: an incident in Cockpit, for the admins. */
  INCIDENT("incident", "incident"),
  /** The story reached {@code EndEvent_StoryDone}. */
  STORY_DONE("storyDone", "story done");

  private final String code;
  private final String label;

  NotificationType(String code, String label) {
    this.code = code;
    this.label = label;
  }

  public String code() {
    return code;
  }

  /** A few words for a mail subject, e.g. "task overdue". */
  String label() {
    return label;
  }

  public static Optional<NotificationType> ofCode(String code) {
    return Arrays.stream(values()).filter(t -> t.code.equals(code)).findFirst();
  }

  static String codes() {
    return String.join(", ", Arrays.stream(values()).map(NotificationType::code).toList());
  }
}
