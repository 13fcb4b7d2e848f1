package dev.storyflow.sprint;

import dev.storyflow.identity.EngineAccess;
import dev.storyflow.lifecycle.Status;
import dev.storyflow.lifecycle.StoryTask;
import dev.storyflow.sprint.ChangeLog.Row;
import dev.storyflow.sprint.ChangeLog.StoryLog;
import dev.storyflow.story.StatusHistory;
import dev.storyflow.sprint.SprintView.SprintStory;
import dev.storyflow.story.StoryView.HistoryEntry;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.history.HistoricProcessInstance;
import org.camunda.bpm.engine.history.HistoricTaskInstance;
import org.camunda.bpm.engine.task.Comment;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * Builds a sprint's change log from engine history: the status history of each story in the
 * sprint and the task comments, from the sprint's creation until it closes.
 */
@Component
class ChangeLogReader {

  private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");

  private final StatusHistory statusHistory;
  private final HistoryService history;
  private final TaskService tasks;
  private final EngineAccess engine;
  private final ZoneId zone;

  ChangeLogReader(StatusHistory statusHistory, HistoryService history, TaskService tasks,
      EngineAccess engine, @Value("${storyflow.time-zone:UTC}") ZoneId zone) {
    this.statusHistory = statusHistory;
    this.history = history;
    this.tasks = tasks;
    this.engine = engine;
    this.zone = zone;
  }

  /** The change log of these stories of the sprint (see {@link SprintService#view}). */
  ChangeLog of(Sprint sprint, List<SprintStory> members) {
    List<StoryLog> logs = members.stream()
        .map(story -> engine.asSystem(() -> storyLog(sprint, story)))
        .toList();
    return new ChangeLog(sprint.sprintId(), zone.getId(), logs);
  }

  private StoryLog storyLog(Sprint sprint, SprintStory summary) {
    HistoricProcessInstance story = history.createHistoricProcessInstanceQuery()
        .processInstanceBusinessKey(summary.storyId()).orderByProcessInstanceStartTime().desc()
        .listPage(0, 1).get(0);
    List<HistoryEntry> entered = statusHistory.of(story);
    List<HistoricTaskInstance> humanTasks = history.createHistoricTaskInstanceQuery()
        .processInstanceId(story.getId()).orderByHistoricActivityInstanceStartTime().asc().list();

    List<Timed> rows = new ArrayList<>();
    for (int i = 0; i < entered.size(); i++) {
      HistoryEntry entry = entered.get(i);
      Instant until = i + 1 < entered.size() ? entered.get(i + 1).enteredAt() : null;
      Status status = Status.ofCode(entry.status()).orElse(null);
      String assignee = claimedBy(humanTasks, status, entry.enteredAt(), until).orElse(owner(status));
      // a decision's comment sorts before the status change it caused
      rows.add(new Timed(entry.enteredAt(), 1, new Row(format(entry.enteredAt()), Row.STATUS_UPDATE,
          label(status, entry.status()), assignee, "", "")));
    }
    for (Comment comment : tasks.getProcessInstanceComments(story.getId())) {
      Instant at = comment.getTime().toInstant();
      Optional<HistoricTaskInstance> task = humanTasks.stream().filter(t -> t.getId().equals(comment.getTaskId()))
          .findFirst();
      // the commented task's own status; the fallback serves every status, so read it from the history
      Status status = task.flatMap(t -> StoryTask.ofId(t.getTaskDefinitionKey())).map(StoryTask::status)
          .orElseGet(() -> statusAt(entered, at));
      String assignee = task.map(HistoricTaskInstance::getAssignee).orElse(null);
      String by = comment.getUserId() != null ? comment.getUserId()
          : task.flatMap(t -> StoryTask.ofId(t.getTaskDefinitionKey())).map(t -> t.role().label()).orElse("Storyflow");
      rows.add(new Timed(at, 0, new Row(format(at), Row.COMMENT, label(status, null),
          assignee != null ? assignee : owner(status), oneLine(comment.getFullMessage()), by)));
    }
    Instant from = sprint.createdAt();
    Instant to = sprint.closedAt();
    List<Row> inSprint = rows.stream()
        .filter(r -> !r.at().isBefore(from) && (to == null || !r.at().isAfter(to)))
        .sorted(Comparator.comparing(Timed::at).thenComparing(Timed::order))
        .map(Timed::row)
        .toList();
    return new StoryLog(summary.storyId(), summary.title(), inSprint);
  }

  private record Timed(Instant at, int order, Row row) {
  }

  /** The user who claimed a task of the status while the story was in it. */
  private static Optional<String> claimedBy(List<HistoricTaskInstance> tasks, Status status, Instant from,
      Instant until) {
    if (status == null) {
      return Optional.empty();
    }
    return tasks.stream()
        .filter(t -> StoryTask.ofId(t.getTaskDefinitionKey()).map(StoryTask::status).orElse(null) == status)
        .filter(t -> !t.getStartTime().toInstant().isBefore(from)
            && (until == null || t.getStartTime().toInstant().isBefore(until)))
        .map(HistoricTaskInstance::getAssignee)
        .filter(a -> a != null)
        .findFirst();
  }

  private static Status statusAt(List<HistoryEntry> entered, Instant at) {
    Status status = null;
    for (HistoryEntry entry : entered) {
      if (!entry.enteredAt().isAfter(at)) {
        status = Status.ofCode(entry.status()).orElse(status);
      }
    }
    return status;
  }

  /** The role owning the status, as teams write it: {@code Backend Engineer}, {@code Unassigned}. */
  static String owner(Status status) {
    if (status == null) {
      return "Unassigned";
    }
    StringBuilder words = new StringBuilder();
    for (String word : status.role().split(" ")) {
      if (!words.isEmpty()) {
        words.append(' ');
      }
      words.append(word.substring(0, 1).toUpperCase(Locale.ROOT)).append(word.substring(1));
    }
    return words.toString();
  }

  private static String label(Status status, String code) {
    return status != null ? status.label() : code;
  }

  /** A comment as a change-log cell: on one line, as in the team's table (the full text is in the story). */
  private static String oneLine(String text) {
    return text == null ? "" : text.replaceAll("\\s*\\R\\s*", " ").strip();
  }

  private String format(Instant at) {
    return TIME.format(at.atZone(zone));
  }
}
