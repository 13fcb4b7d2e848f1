package dev.storyflow.notify;

import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;

/**
 * The one readable sentence of a notification: the {@code text} of the webhook JSON (which Slack
 * shows as the message) and the body of a mail. Story text in it is data: in the Slack form,
 * {@code &}, {@code <} and {@code >} are escaped, so a title cannot mention {@code <!channel>} or
 * hide a link.
 */
final class NotificationText {

  private static final int MAX_DETAIL = 300;
  private static final DateTimeFormatter DUE = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm 'UTC'")
      .withZone(ZoneOffset.UTC);

  private final NotificationEvent event;
  private final Links links;

  NotificationText(NotificationEvent event, Links links) {
    this.event = event;
    this.links = links;
  }

  /** The sentence as plain text (for mail). */
  String plain() {
    return switch (event.type()) {
      case TASK_WAITING -> task() + " is waiting for " + groups() + link(": ");
      case OVERDUE -> task() + " is overdue" + due() + ", waiting for " + candidates() + link(": ");
      case ESCALATED -> task() + " is escalated to " + groups() + ": still open" + due() + ", waiting for "
          + candidates() + link(": ");
      case FALLBACK_NEEDED -> story() + " needs a human backend engineer for step " + fallbackStep() + ": "
          + detail(event.fallback() == null ? null : event.fallback().reason()) + link(" ");
      case INCIDENT -> story() + " has an incident at " + incidentActivity() + ": "
          + detail(event.incident() == null ? null : event.incident().message()) + " " + links.cockpit(event);
      case STORY_DONE -> story() + " is done.";
    };
  }

  /** The sentence for Slack-compatible receivers: {@code &}, {@code <}, {@code >} escaped. */
  String slack() {
    return slackEscaped(plain());
  }

  static String slackEscaped(String text) {
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
  }

  /** The task in Tasklist after a separator, or nothing when the event is about no task. */
  private String link(String separator) {
    String tasklist = links.tasklist(event);
    return tasklist == null ? "" : separator + tasklist;
  }

  private String story() {
    return event.storyId() + (event.title() == null ? "" : " \"" + oneLine(event.title()) + "\"");
  }

  private String task() {
    String name = event.task() == null ? "A task" : event.task().name() != null ? event.task().name()
        : event.task().taskDefinitionKey();
    return name + " of " + story();
  }

  private String due() {
    return event.task() == null || event.task().due() == null ? "" : " (due " + DUE.format(event.task().due()) + ")";
  }

  private String groups() {
    return event.groups().isEmpty() ? "nobody in particular" : String.join(" or ", event.groups());
  }

  private String candidates() {
    return event.task() == null || event.task().candidateGroups().isEmpty() ? groups()
        : String.join(" or ", event.task().candidateGroups());
  }

  private String fallbackStep() {
    return event.fallback() == null || event.fallback().step() == null ? "(unknown)" : event.fallback().step();
  }

  private String incidentActivity() {
    return event.incident() == null || event.incident().activityId() == null ? "(unknown)"
        : event.incident().activityId();
  }

  private static String detail(String text) {
    if (text == null || text.isBlank()) {
      return "no reason given.";
    }
    String line = oneLine(text);
    if (line.length() > MAX_DETAIL) {
      return line.substring(0, MAX_DETAIL) + "…";
    }
    return line.endsWith(".") ? line : line + ".";
  }

  private static String oneLine(String text) {
    return text.replaceAll("\\s+", " ").strip();
  }
}
