package dev.storyflow.sprint;

import static dev.storyflow.lifecycle.StoryProcess.MESSAGE_SPRINT_STARTED;
import static dev.storyflow.lifecycle.StoryVariables.SPRINT;

import dev.storyflow.audit.AuditEntry;
import dev.storyflow.audit.AuditLog;
import dev.storyflow.identity.EngineAccess;
import dev.storyflow.lifecycle.StoryProcess;
import dev.storyflow.lifecycle.StoryRuleException;
import dev.storyflow.lifecycle.StoryRuleException.FieldProblem;
import dev.storyflow.sprint.SprintView.SprintStory;
import dev.storyflow.story.StoryNotFoundException;
import dev.storyflow.story.StoryQueries;
import dev.storyflow.story.StorySummary;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Objects;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.springframework.beans.factory.annotation.Value;
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
  private final ZoneId zone;

  SprintService(SprintStore store, StoryQueries stories, RuntimeService runtime, EngineAccess engine,
      AuditLog audit, SprintFilters filters, ChangeLogReader changeLogs,
      @Value("${storyflow.time-zone:UTC}") ZoneId zone) {
    this.store = store;
    this.stories = stories;
    this.runtime = runtime;
    this.engine = engine;
    this.audit = audit;
    this.filters = filters;
    this.changeLogs = changeLogs;
    this.zone = zone;
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
    store.setDatesIfMissing(sprintId, today(), null);
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
    store.setDatesIfMissing(sprintId, null, today());
    filters.close(sprint);
    List<SprintStory> members = currentStories(sprintId);
    store.recordClosing(sprintId, members);
    SprintView view = view(get(sprintId), members);
    List<SprintStory> done = view.stories().stream().filter(SprintStory::reachedDone).toList();
    List<SprintStory> carried = view.stories().stream().filter(SprintStory::unfinished).toList();
    return new SprintClosing(sprintId, done, carried, view.pointsCommitted(), view.pointsDone());
  }

  /**
   * The sprint with its stories: an open sprint's are the stories that name it now; a closed
   * sprint's are those it held when it closed, as they were then (a sprint closed before they were
   * recorded falls back to the stories that name it now).
   */
  public SprintView view(Sprint sprint) {
    return view(sprint, stories(sprint));
  }

  private List<SprintStory> stories(Sprint sprint) {
    if (sprint.state() == SprintState.CLOSED) {
      List<SprintStory> atClose = store.closingStories(sprint.sprintId());
      if (!atClose.isEmpty()) {
        return atClose;
      }
    }
    return currentStories(sprint.sprintId());
  }

  private List<SprintStory> currentStories(String sprintId) {
    return stories.list(null, sprintId, null).stream()
        .sorted(java.util.Comparator.comparing(StorySummary::storyId))
        .map(s -> SprintStory.of(s.storyId(), s.title(), s.status(), s.storyPoints()))
        .toList();
  }

  private SprintView view(Sprint sprint, List<SprintStory> members) {
    int committed = members.stream().map(SprintStory::storyPoints).filter(Objects::nonNull).mapToInt(i -> i).sum();
    int done = members.stream().filter(SprintStory::reachedDone)
        .map(SprintStory::storyPoints).filter(Objects::nonNull).mapToInt(i -> i).sum();
    return new SprintView(sprint.sprintId(), sprint.name(), sprint.goal(), sprint.startDate(), sprint.endDate(),
        sprint.state(), sprint.startedAt(), sprint.closedAt(), members, committed, done);
  }

  /** The sprint's change log, from engine history, of the stories {@link #view} gives. */
  public ChangeLog changeLog(String sprintId) {
    Sprint sprint = get(sprintId);
    return changeLogs.of(sprint, stories(sprint));
  }

  /** The change log as the Markdown section the team keeps. */
  public String changeLogMarkdown(String sprintId) {
    return SprintMarkdown.changeLog(changeLog(sprintId));
  }

  /** The whole sprint file: dates, goal, change log, and a summary in the notes. */
  public String sprintFile(String sprintId) {
    Sprint sprint = get(sprintId);
    SprintView view = view(sprint);
    return SprintMarkdown.sprintFile(view, changeLogs.of(sprint, view.stories()));
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
    if (current == null && !waitsForItsSprint(story.getId())) {
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
        "CARRIED_OVER", null, current == null
            ? "Planned into sprint " + sprintId + ": it waited in Planned in Sprint without a sprint"
            : "Carried over from sprint " + current + " to sprint " + sprintId, null, null));
    return view(get(sprintId));
  }

  /**
   * A story imported at Planned in Sprint (admin, {@code ?atStatus=true}) has no sprint and waits at
   * {@code Event_SprintStarted}: the product owner gives it one here.
   */
  private boolean waitsForItsSprint(String processInstanceId) {
    return engine.asSystem(() -> runtime.createEventSubscriptionQuery().processInstanceId(processInstanceId)
        .eventType("message").eventName(MESSAGE_SPRINT_STARTED).count()) > 0;
  }

  /** Today in {@code storyflow.time-zone}, the zone the sprint file's dates and times are written in. */
  private LocalDate today() {
    return LocalDate.ofInstant(now(), zone);
  }

  /** The engine's clock, so that sprint times and engine history agree (also in tests that set it). */
  private static Instant now() {
    return ClockUtil.getCurrentTime().toInstant();
  }

  private static String blankToNull(String text) {
    return text == null || text.isBlank() ? null : text.strip();
  }
}
