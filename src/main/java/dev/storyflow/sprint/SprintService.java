package dev.storyflow.sprint;

import static dev.storyflow.lifecycle.StoryProcess.MESSAGE_SPRINT_STARTED;
import static dev.storyflow.lifecycle.StoryVariables.SPRINT;

import dev.storyflow.audit.AuditEntry;
import dev.storyflow.audit.AuditLog;
import dev.storyflow.identity.EngineAccess;
import dev.storyflow.lifecycle.Status;
import dev.storyflow.lifecycle.StoryProcess;
import dev.storyflow.lifecycle.StoryRuleException;
import dev.storyflow.lifecycle.StoryRuleException.FieldProblem;
import dev.storyflow.sprint.SprintView.SprintStory;
import dev.storyflow.story.StoryNotFoundException;
import dev.storyflow.story.StoryQueries;
import dev.storyflow.story.StorySummary;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Objects;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Creates, starts and closes sprints, and moves carried-over stories into the next one. Starting
 * a sprint releases its stories waiting at {@code Event_SprintStarted}, in the same transaction
 * that marks the sprint started (see {@link SprintReadiness} for why no story is missed).
 */
@Service
public class SprintService {

  private final SprintStore store;
  private final StoryQueries stories;
  private final RuntimeService runtime;
  private final EngineAccess engine;
  private final AuditLog audit;
  private final SprintFilters filters;
  private final ChangeLogReader changeLogs;

  SprintService(SprintStore store, StoryQueries stories, RuntimeService runtime, EngineAccess engine,
      AuditLog audit, SprintFilters filters, ChangeLogReader changeLogs) {
    this.store = store;
    this.stories = stories;
    this.runtime = runtime;
    this.engine = engine;
    this.audit = audit;
    this.filters = filters;
    this.changeLogs = changeLogs;
  }

  @Transactional
  public Sprint create(SprintInput input, String user) {
    if (input.startDate() != null && input.endDate() != null && input.endDate().isBefore(input.startDate())) {
      throw new StoryRuleException("Invalid sprint",
          List.of(new FieldProblem("endDate", "must not be before startDate")));
    }
    Sprint sprint = new Sprint(input.sprintId(), input.name().strip(), blankToNull(input.goal()), input.startDate(),
        input.endDate(), SprintState.PLANNED, now(), user, null, null);
    store.insert(sprint);
    filters.open(sprint);
    return sprint;
  }

  public Sprint get(String sprintId) {
    return store.find(sprintId).orElseThrow(() -> new SprintNotFoundException(sprintId));
  }

  public List<Sprint> list() {
    return store.list();
  }

  /** Starts the sprint: its planned stories go on to In-progress once their dependencies are Done. */
  @Transactional
  public Sprint start(String sprintId) {
    Sprint sprint = get(sprintId);
    if (!store.transition(sprintId, SprintState.PLANNED, SprintState.STARTED, now())) {
      throw new SprintConflictException("Sprint " + sprintId + " cannot start: it is " + sprint.state().name().toLowerCase()
          + (sprint.state() == SprintState.STARTED ? " already" : ""));
    }
    store.setDatesIfMissing(sprintId, LocalDate.ofInstant(now(), java.time.ZoneId.systemDefault()), null);
    engine.asSystem(() -> runtime.createMessageCorrelation(MESSAGE_SPRINT_STARTED)
        .processInstanceVariableEquals(SPRINT, sprintId)
        .correlateAllWithResult());
    return get(sprintId);
  }

  /** Closes the sprint: says which stories are done and which carry over. */
  @Transactional
  public SprintClosing close(String sprintId) {
    Sprint sprint = get(sprintId);
    if (!sprint.state().isOpen()
        || !store.transition(sprintId, sprint.state(), SprintState.CLOSED, now())) {
      throw new SprintConflictException("Sprint " + sprintId + " is closed already");
    }
    filters.close(sprint);
    SprintView view = view(get(sprintId));
    List<SprintStory> done = view.stories().stream().filter(s -> Status.DONE.name().equals(s.status())).toList();
    List<SprintStory> carried = view.stories().stream()
        .filter(s -> !Status.DONE.name().equals(s.status()) && !"WITHDRAWN".equals(s.status()))
        .toList();
    return new SprintClosing(sprintId, done, carried, view.pointsCommitted(), view.pointsDone());
  }

  public SprintView view(Sprint sprint) {
    List<SprintStory> members = stories.list(null, sprint.sprintId(), null).stream()
        .sorted(java.util.Comparator.comparing(StorySummary::storyId))
        .map(s -> new SprintStory(s.storyId(), s.title(), s.status(),
            Status.ofCode(s.status()).map(Status::label).orElse(s.status()), s.storyPoints()))
        .toList();
    int committed = members.stream().map(SprintStory::storyPoints).filter(Objects::nonNull).mapToInt(i -> i).sum();
    int done = members.stream().filter(s -> Status.DONE.name().equals(s.status()))
        .map(SprintStory::storyPoints).filter(Objects::nonNull).mapToInt(i -> i).sum();
    return new SprintView(sprint.sprintId(), sprint.name(), sprint.goal(), sprint.startDate(), sprint.endDate(),
        sprint.state(), sprint.startedAt(), sprint.closedAt(), members, committed, done);
  }

  /** The sprint's change log, from engine history. */
  public ChangeLog changeLog(String sprintId) {
    return changeLogs.of(get(sprintId));
  }

  /** The change log as the Markdown section the team keeps. */
  public String changeLogMarkdown(String sprintId) {
    return SprintMarkdown.changeLog(changeLog(sprintId));
  }

  /** The whole sprint file: dates, goal, change log, and a summary in the notes. */
  public String sprintFile(String sprintId) {
    Sprint sprint = get(sprintId);
    return SprintMarkdown.sprintFile(view(sprint), changeLogs.of(sprint));
  }

  /**
   * Plans a carried-over story into this sprint: the story is running, its sprint is closed, and
   * this one is not. A story waiting for its sprint to start goes on at once if this one has.
   */
  @Transactional
  public SprintView carryOver(String sprintId, String storyId, String user) {
    Sprint target = get(sprintId);
    SprintState state = store.lockState(sprintId).orElseThrow(() -> new SprintNotFoundException(sprintId));
    if (!state.isOpen()) {
      throw new SprintConflictException("Sprint " + sprintId + " is closed: plan the story into an open sprint");
    }
    ProcessInstance story = engine.asSystem(() -> runtime.createProcessInstanceQuery()
        .processDefinitionKey(StoryProcess.KEY).processInstanceBusinessKey(storyId).active().singleResult());
    if (story == null) {
      throw new StoryNotFoundException(storyId);
    }
    String current = engine.asSystem(() -> (String) runtime.getVariable(story.getId(), SPRINT));
    if (sprintId.equals(current)) {
      return view(target);
    }
    if (current != null && store.find(current).map(s -> s.state().isOpen()).orElse(false)) {
      throw new SprintConflictException("Story " + storyId + " is planned into sprint " + current
          + ", which is not closed: only a carried-over story moves to another sprint");
    }
    if (current == null) {
      throw new SprintConflictException("Story " + storyId
          + " is in no sprint: plan it in Tasklist (Plan into sprint)");
    }
    engine.asSystem(() -> {
      runtime.setVariable(story.getId(), SPRINT, sprintId);
      if (state == SprintState.STARTED) {
        runtime.createMessageCorrelation(MESSAGE_SPRINT_STARTED)
            .processInstanceId(story.getId())
            .correlateAllWithResult();
      }
      return null;
    });
    String status = engine.asSystem(() -> (String) runtime.getVariable(story.getId(),
        dev.storyflow.lifecycle.StoryVariables.STATUS));
    audit.append(new AuditEntry(0, storyId, story.getId(), now(), user, "SPRINT", status, null, null,
        "CARRIED_OVER", null, "Carried over from sprint " + current + " to sprint " + sprintId, null, null));
    return view(get(sprintId));
  }

  /** The engine's clock, so that sprint times and engine history agree (also in tests that set it). */
  private static Instant now() {
    return ClockUtil.getCurrentTime().toInstant();
  }

  private static String blankToNull(String text) {
    return text == null || text.isBlank() ? null : text.strip();
  }
}
