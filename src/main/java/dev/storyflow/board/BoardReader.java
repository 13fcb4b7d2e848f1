package dev.storyflow.board;

import static dev.storyflow.lifecycle.StoryVariables.SPRINT;
import static dev.storyflow.lifecycle.StoryVariables.STATUS;
import static dev.storyflow.lifecycle.StoryVariables.STORY_POINTS;
import static dev.storyflow.lifecycle.StoryVariables.TITLE;

import dev.storyflow.board.Board.Card;
import dev.storyflow.board.Board.Column;
import dev.storyflow.board.StorySignals.Signals;
import dev.storyflow.identity.EngineAccess;
import dev.storyflow.identity.Role;
import dev.storyflow.lifecycle.Status;
import dev.storyflow.lifecycle.StoryProcess;
import dev.storyflow.sprint.Sprint;
import dev.storyflow.sprint.SprintService;
import dev.storyflow.sprint.SprintState;
import dev.storyflow.sprint.SprintView.SprintStory;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.history.HistoricProcessInstance;
import org.camunda.bpm.engine.history.HistoricProcessInstanceQuery;
import org.camunda.bpm.engine.history.HistoricVariableInstance;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * Reads boards from the engine in a few queries, whatever the number of stories: the stories and
 * their variables from history, then the open work of those still running ({@link StorySignals}).
 */
@Component
class BoardReader {

  /** The most stories a board shows, as in a story list. */
  static final int MAX_STORIES = 500;

  private final HistoryService history;
  private final StorySignals signals;
  private final EngineAccess engine;
  private final SprintService sprints;
  private final ZoneId zone;

  BoardReader(HistoryService history, StorySignals signals, EngineAccess engine, SprintService sprints,
      @Value("${storyflow.time-zone:UTC}") ZoneId zone) {
    this.history = history;
    this.signals = signals;
    this.engine = engine;
    this.sprints = sprints;
    this.zone = zone;
  }

  /**
   * The sprint's stories, and its burndown from its start to today or the day it closed. A closed
   * sprint shows what it held when it closed, as it was then ({@link SprintService#view}), so a
   * story carried over later stays on it in the column it had reached, without live signals.
   */
  Board of(Sprint sprint) {
    boolean closed = sprint.state() == SprintState.CLOSED;
    List<Story> stories = engine.asSystem(() -> closed ? atClose(sprint)
        : read(stories().variableValueEquals(SPRINT, sprint.sprintId())));
    int committed = stories.stream().mapToInt(Story::points).sum();
    int done = stories.stream().filter(Story::isDone).mapToInt(Story::points).sum();
    return new Board(sprint.sprintId(), sprint.name(), sprint.goal(), sprint.state(), sprint.startDate(),
        sprint.endDate(), committed, done, columns(stories, !closed), burndown(sprint, stories));
  }

  /** The stories of a closed sprint with their title, status and points at its close. */
  private List<Story> atClose(Sprint sprint) {
    List<SprintStory> held = sprints.view(sprint).stories();
    if (held.isEmpty()) {
      return List.of();
    }
    Map<String, HistoricProcessInstance> instances = stories()
        .processInstanceBusinessKeyIn(held.stream().map(SprintStory::storyId).toArray(String[]::new))
        .list().stream()
        .collect(Collectors.toMap(HistoricProcessInstance::getBusinessKey, instance -> instance, (a, b) -> a));
    return held.stream().map(story -> {
      HistoricProcessInstance instance = instances.get(story.storyId());
      boolean doneAtClose = story.reachedDone();
      return new Story(instance == null ? null : instance.getId(), story.storyId(), story.title(), story.status(),
          story.storyPoints(), sprint.sprintId(),
          doneAtClose && instance != null && instance.getEndTime() != null ? instance.getEndTime().toInstant() : null);
    }).toList();
  }

  /** The stories in no sprint: Draft, and Backlog not yet planned into a sprint. */
  Board unplanned() {
    List<Story> stories = engine.asSystem(() -> Stream.of(Status.DRAFT, Status.BACKLOG)
        .flatMap(status -> read(stories().unfinished().variableValueEquals(STATUS, status.name())).stream())
        .filter(story -> story.sprint() == null)
        .toList());
    return new Board(null, null, null, null, null, null, null, null, columns(stories, true), null);
  }

  /** The role that owns a status, by the name the status gives it; {@code null} when unassigned. */
  static Role owner(Status status) {
    return Arrays.stream(Role.values()).filter(role -> role.label().equalsIgnoreCase(status.role()))
        .findFirst().orElse(null);
  }

  private HistoricProcessInstanceQuery stories() {
    return history.createHistoricProcessInstanceQuery().processDefinitionKey(StoryProcess.KEY);
  }

  private List<Story> read(HistoricProcessInstanceQuery query) {
    List<HistoricProcessInstance> instances = query.orderByProcessInstanceStartTime().desc()
        .listPage(0, MAX_STORIES);
    if (instances.isEmpty()) {
      return List.of();
    }
    Map<String, Map<String, Object>> variables = history.createHistoricVariableInstanceQuery()
        .processInstanceIdIn(instances.stream().map(HistoricProcessInstance::getId).toArray(String[]::new))
        .variableNameIn(TITLE, STATUS, STORY_POINTS, SPRINT)
        .disableCustomObjectDeserialization()
        .list().stream()
        .filter(v -> v.getValue() != null)
        .collect(Collectors.groupingBy(HistoricVariableInstance::getProcessInstanceId,
            Collectors.toMap(HistoricVariableInstance::getName, HistoricVariableInstance::getValue, (a, b) -> b)));
    return instances.stream().map(instance -> {
      Map<String, Object> v = variables.getOrDefault(instance.getId(), Map.of());
      return new Story(instance.getId(), instance.getBusinessKey(), (String) v.get(TITLE), (String) v.get(STATUS),
          v.get(STORY_POINTS) instanceof Integer points ? points : null, (String) v.get(SPRINT),
          instance.getEndTime() == null ? null : instance.getEndTime().toInstant());
    }).toList();
  }

  /** The stories by status; with {@code live} signals, what the running ones wait for now. */
  private List<Column> columns(List<Story> stories, boolean live) {
    List<String> running = stories.stream().filter(s -> s.endedAt() == null && s.processInstanceId() != null)
        .map(Story::processInstanceId).toList();
    Map<String, Signals> open = live ? engine.asSystem(() -> signals.of(running)) : Map.of();
    Map<String, List<Story>> byStatus = stories.stream()
        .collect(Collectors.groupingBy(story -> Objects.toString(story.status(), "")));
    return Arrays.stream(Status.values()).map(status -> {
      Role role = owner(status);
      String owner = role == null ? null : role.groupId();
      List<Card> cards = byStatus.getOrDefault(status.name(), List.of()).stream()
          .sorted(Comparator.comparing(Story::storyId))
          .map(story -> card(story, owner, open.getOrDefault(story.processInstanceId(), Signals.NONE)))
          .toList();
      return new Column(status.name(), status.label(), owner, role == null ? null : role.label(), cards);
    }).toList();
  }

  private static Card card(Story story, String owner, Signals signals) {
    return new Card(story.storyId(), story.title(), story.storyPoints(), owner, signals.assignee(), signals.due(),
        signals.overdue(), signals.waitingForHuman(), signals.incident(), signals.agentRunning(),
        story.processInstanceId());
  }

  private List<Burndown.Day> burndown(Sprint sprint, List<Story> stories) {
    LocalDate start = sprint.startDate() != null ? sprint.startDate() : day(sprint.startedAt());
    if (start == null) {
      return List.of();
    }
    // "today" by the engine's clock, as for everything else the engine dates
    Instant until = sprint.closedAt() != null ? sprint.closedAt() : ClockUtil.getCurrentTime().toInstant();
    LocalDate through = day(until);
    return new Burndown(start, sprint.endDate(), through).days(stories.stream()
        .map(story -> new Burndown.Story(story.points(), story.isDone() ? day(story.endedAt()) : null))
        .toList());
  }

  private LocalDate day(Instant instant) {
    return instant == null ? null : LocalDate.ofInstant(instant, zone);
  }

  /** A story as a board reads it from history. */
  private record Story(String processInstanceId, String storyId, String title, String status, Integer storyPoints,
      String sprint, Instant endedAt) {

    int points() {
      return storyPoints == null ? 0 : storyPoints;
    }

    boolean isDone() {
      return Status.DONE.name().equals(status);
    }
  }
}
