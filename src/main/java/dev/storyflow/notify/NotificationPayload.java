package dev.storyflow.notify;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * The webhook JSON of an event, written once into the outbox and sent as it is on every attempt
 * (so a signature covers exactly what is sent). Fields: {@code text} (Slack-compatible),
 * {@code id}, {@code event}, {@code storyId}, {@code title}, {@code status}, {@code groups},
 * {@code task} and {@code tasklistLink} for task events, {@code fallback}, {@code incident} and
 * {@code cockpitLink} where they apply, {@code occurredAt}. Absent facts are left out.
 */
final class NotificationPayload {

  static final int MAX_DETAIL = 1_000;

  private final ObjectMapper json;
  private final Links links;

  NotificationPayload(ObjectMapper json, Links links) {
    this.json = json;
    this.links = links;
  }

  String render(String eventId, NotificationEvent event) {
    ObjectNode body = json.createObjectNode();
    body.put("text", new NotificationText(event, links).slack());
    body.put("id", eventId);
    body.put("event", event.type().code());
    putIfPresent(body, "storyId", event.storyId());
    putIfPresent(body, "title", event.title());
    putIfPresent(body, "status", event.status());
    event.groups().forEach(body.putArray("groups")::add);
    if (event.task() != null) {
      ObjectNode task = body.putObject("task");
      task.put("id", event.task().id());
      task.put("taskDefinitionKey", event.task().taskDefinitionKey());
      putIfPresent(task, "name", event.task().name());
      event.task().candidateGroups().forEach(task.putArray("candidateGroups")::add);
      if (event.task().due() != null) {
        task.put("due", event.task().due().toString());
      }
      body.put("tasklistLink", links.tasklist(event));
    }
    if (event.fallback() != null) {
      ObjectNode fallback = body.putObject("fallback");
      putIfPresent(fallback, "step", event.fallback().step());
      putIfPresent(fallback, "reason", capped(event.fallback().reason()));
    }
    if (event.incident() != null) {
      ObjectNode incident = body.putObject("incident");
      putIfPresent(incident, "type", event.incident().type());
      putIfPresent(incident, "activityId", event.incident().activityId());
      putIfPresent(incident, "message", capped(event.incident().message()));
      body.put("cockpitLink", links.cockpit(event));
    }
    body.put("occurredAt", event.occurredAt().toString());
    try {
      return json.writeValueAsString(body);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("Cannot write the notification " + eventId, e);
    }
  }

  private static void putIfPresent(ObjectNode node, String field, String value) {
    if (value != null) {
      node.put(field, value);
    }
  }

  private static String capped(String text) {
    return text == null || text.length() <= MAX_DETAIL ? text : text.substring(0, MAX_DETAIL) + "…";
  }
}
