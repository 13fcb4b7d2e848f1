package dev.storyflow.notify;

/** Links into Camunda's webapps under {@code storyflow.notifications.base-url}. */
final class Links {

  private final String baseUrl;

  Links(String baseUrl) {
    this.baseUrl = baseUrl;
  }

  /** The task in Tasklist, or {@code null} when the event is about no task. */
  String tasklist(NotificationEvent event) {
    return event.task() == null ? null
        : baseUrl + "/camunda/app/tasklist/" + engine(event) + "/#/?task=" + event.task().id();
  }

  /** The story's process instance in Cockpit. */
  String cockpit(NotificationEvent event) {
    return baseUrl + "/camunda/app/cockpit/" + engine(event) + "/#/process-instance/" + event.processInstanceId()
        + "/runtime";
  }

  private static String engine(NotificationEvent event) {
    return event.engineName() == null ? "default" : event.engineName();
  }
}
