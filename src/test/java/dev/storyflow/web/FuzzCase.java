package dev.storyflow.web;

import java.nio.charset.StandardCharsets;

/**
 * One hostile (or, as a control, valid) request of {@link FuzzIT}.
 *
 * @param inputClass the class of input it belongs to, as listed in issue 12
 * @param door where it is sent
 * @param body the request body's bytes; {@code null} for none
 * @param expect what the answer must be
 * @param target for completions and deletions, which kind of task it goes to
 * @param taskId a task id to use instead of an open task of {@code target} (a missing task)
 * @param user who sends it; {@code null} for the door's usual user
 * @param query for the doors that read, the query string as sent (percent-encoded)
 */
record FuzzCase(String inputClass, Door door, byte[] body, Expect expect, Target target, String taskId, String user,
    String query) {

  /** Where a case is sent. */
  enum Door {
    STORIES("POST", "/api/stories"),
    FEASIBILITY("POST", "/api/feasibility"),
    FEASIBILITY_BATCH("POST", "/api/feasibility/batch"),
    ENGINE_START("POST", "/engine-rest/process-definition/key/story-lifecycle/start"),
    ENGINE_COMPLETE("POST", "/engine-rest/task/{id}/complete"),
    ENGINE_DELETE_TASK("DELETE", "/engine-rest/task/{id}"),
    STORY_QUERY("GET", "/api/stories"),
    ENGINE_TASK_QUERY("GET", "/engine-rest/task"),
    ENGINE_PROCESS_INSTANCE_QUERY("GET", "/engine-rest/process-instance"),
    ENGINE_HISTORY_QUERY("GET", "/engine-rest/history/process-instance"),
    WEBAPP_NEXT_STORY_ID("GET", "/camunda/api/storyflow/next-story-id"),
    WEBAPP_TASK_QUERY("GET", "/camunda/api/engine/engine/default/task");

    final String method;
    final String path;

    Door(String method, String path) {
      this.method = method;
      this.path = path;
    }

    boolean starts() {
      return this == STORIES || this == ENGINE_START;
    }

    boolean needsTask() {
      return this == ENGINE_COMPLETE || this == ENGINE_DELETE_TASK;
    }

    /** A read with query parameters, which changes nothing. */
    boolean reads() {
      return method.equals("GET");
    }

    /** A door of Camunda's webapps, reached with a webapp session rather than HTTP Basic. */
    boolean webapp() {
      return path.startsWith("/camunda/");
    }
  }

  /** The answer a case must get; never a 5xx. */
  enum Expect {
    SUCCESS, BAD_REQUEST, CLIENT_ERROR, NOT_FOUND, NO_SERVER_ERROR;

    boolean accepts(int status) {
      return switch (this) {
        case SUCCESS -> status >= 200 && status < 300;
        case BAD_REQUEST -> status == 400;
        case CLIENT_ERROR -> status >= 400 && status < 500;
        case NOT_FOUND -> status == 404;
        case NO_SERVER_ERROR -> status >= 200 && status < 500;
      };
    }
  }

  /** The kinds of open task completions are sent to, with the demo user who completes them. */
  enum Target {
    ARCHITECT_REVIEW("Task_ArchitectReview", "architect"),
    CODE_REVIEW("Task_CodeReview", "reviewer"),
    SECURITY_REVIEW("Task_SecurityReview", "security"),
    REVISE_STORY("Task_ReviseStory", "po");

    final String taskKey;
    final String user;

    Target(String taskKey, String user) {
      this.taskKey = taskKey;
      this.user = user;
    }
  }

  static FuzzCase of(String inputClass, Door door, String body, Expect expect) {
    return new FuzzCase(inputClass, door, bytes(body), expect, null, null, null, null);
  }

  /** A read of {@code door} with the query string {@code query}, percent-encoded as sent. */
  static FuzzCase read(String inputClass, Door door, String query, Expect expect) {
    return new FuzzCase(inputClass, door, null, expect, null, null, null, query);
  }

  static FuzzCase toTask(String inputClass, Door door, Target target, String body, Expect expect) {
    return new FuzzCase(inputClass, door, bytes(body), expect, target, null, null, null);
  }

  FuzzCase by(String otherUser) {
    return new FuzzCase(inputClass, door, body, expect, target, taskId, otherUser, query);
  }

  FuzzCase onTask(String otherTaskId) {
    return new FuzzCase(inputClass, door, body, expect, target, otherTaskId, user, query);
  }

  /** Who sends it: the given user, else the task's candidate, else the product owner (who may start stories). */
  String sender() {
    return user != null ? user : target != null ? target.user : door == Door.FEASIBILITY ? "qa" : "po";
  }

  private static byte[] bytes(String body) {
    return body == null ? null : body.getBytes(StandardCharsets.UTF_8);
  }

  String bodyText() {
    return body == null ? "" : new String(body, StandardCharsets.UTF_8);
  }

  @Override
  public String toString() {
    String text = bodyText();
    return inputClass + " → " + door + (query == null ? "" : " ?" + query) + (target == null ? "" : " " + target)
        + (taskId == null ? "" : " " + taskId)
        + (user == null ? "" : " as " + user)
        + ": " + (text.length() > 160 ? text.substring(0, 160) + "…(" + text.length() + ")" : text);
  }
}
