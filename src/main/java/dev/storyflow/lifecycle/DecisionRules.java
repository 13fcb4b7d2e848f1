package dev.storyflow.lifecycle;

import static dev.storyflow.lifecycle.StoryVariables.APPROVED;
import static dev.storyflow.lifecycle.StoryVariables.COMMENT;
import static dev.storyflow.lifecycle.StoryVariables.NEEDS_BACKEND_SUPPORT;
import static dev.storyflow.lifecycle.StoryVariables.PRIORITY;
import static dev.storyflow.lifecycle.StoryVariables.REWORK_TO;
import static dev.storyflow.lifecycle.StoryVariables.SECURITY_CONCERNS;
import static dev.storyflow.lifecycle.StoryVariables.SPRINT;
import static dev.storyflow.lifecycle.StoryVariables.STORY_POINTS;
import static dev.storyflow.lifecycle.StoryVariables.WITHDRAW;

import dev.storyflow.lifecycle.StoryRuleException.FieldProblem;
import java.util.AbstractMap;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.delegate.VariableScope;
import org.camunda.spin.SpinRuntimeException;
import org.springframework.stereotype.Component;

/** Checks what a user submits when completing a task (design section 3, "Decisions"). */
@Component
public class DecisionRules {

  private final List<ApprovalGuard> guards;
  private final List<SprintCheck> sprintChecks;

  public DecisionRules(List<ApprovalGuard> guards, List<SprintCheck> sprintChecks) {
    this.guards = List.copyOf(guards);
    this.sprintChecks = List.copyOf(sprintChecks);
  }

  /** The variables holding the evidence that the guards check for this task. */
  public List<String> evidenceVariables(StoryTask task) {
    return guards.stream().map(g -> g.evidenceVariable(task)).flatMap(java.util.Optional::stream).distinct().toList();
  }

  static final int MAX_COMMENT = 10_000;
  /** Tabs and line breaks, but no other control characters and no unpaired surrogates (as story text). */
  static final Pattern TEXT = Pattern.compile("[^\\x00-\\x08\\x0B\\x0C\\x0E-\\x1F\\x7F\\p{Cs}]*");
  static final int MAX_SPRINT = 64;
  static final int MAX_STORY_POINTS = 100;
  static final List<String> PRIORITIES = List.of("LOW", "MEDIUM", "HIGH", "CRITICAL");

  /**
   * The variables visible to a task, each read on its own when a rule or a guard asks for it: a
   * decision reads its few fields and, for an approval, the one evidence report of its guard,
   * never the other reports (each a JSON byte array to fetch and parse). A submitted value that
   * cannot be deserialized (JSON that does not parse or is nested too deep, an Object of a class
   * that is not allowed) is read as {@link Unreadable}, which no rule and no guard accepts: the
   * decision is refused with a 400 naming the field instead of failing with a server error.
   */
  public Map<String, Object> readable(VariableScope scope) {
    return new ReadOnDemand(scope);
  }

  /** The variables of a scope, each read when first asked for. */
  private static final class ReadOnDemand extends AbstractMap<String, Object> {

    private final VariableScope scope;
    private final Map<String, Object> read = new HashMap<>();

    ReadOnDemand(VariableScope scope) {
      this.scope = scope;
    }

    @Override
    public Object get(Object key) {
      if (!(key instanceof String name)) {
        return null;
      }
      if (!read.containsKey(name)) {
        read.put(name, readOne(name));
      }
      return read.get(name);
    }

    @Override
    public boolean containsKey(Object key) {
      return key instanceof String name && scope.hasVariable(name);
    }

    @Override
    public Set<Entry<String, Object>> entrySet() {
      Map<String, Object> all = new LinkedHashMap<>();
      scope.getVariableNames().forEach(name -> all.put(name, get(name)));
      return Collections.unmodifiableMap(all).entrySet();
    }

    private Object readOne(String name) {
      try {
        return scope.getVariable(name);
      } catch (ProcessEngineException | SpinRuntimeException e) {
        return new Unreadable(name);
      }
    }
  }

  /** A variable whose value cannot be deserialized. */
  record Unreadable(String name) {
  }

  /**
   * @param task the task being completed
   * @param current the story's status now
   * @param submitted the variables visible to the task, the submitted ones included
   * @throws StoryRuleException naming every field at fault and the allowed values
   */
  public Decision check(StoryTask task, Status current, Map<String, Object> submitted) {
    List<FieldProblem> problems = new ArrayList<>();
    Decision decision = switch (task.decisionKind()) {
      case OPINION -> opinion(submitted, problems);
      case REVIEW -> task.offersIntegrationSupport() && supportAsked(submitted, problems)
          ? support(submitted, problems) : review(current, submitted, problems, false);
      case SECURITY_REVIEW -> review(current, submitted, problems, true);
      case PLANNING -> planning(submitted, problems);
      case REVISION -> revision(submitted, problems);
      case WORK, FALLBACK -> new Decision(true, text(submitted, COMMENT, problems), null, null, Map.of(), null);
    };
    if (decision.approved() && problems.isEmpty()) {
      decision = withOverride(task, submitted, decision, problems);
    }
    if (!problems.isEmpty()) {
      throw new StoryRuleException("Invalid decision on " + task.label(), problems);
    }
    return decision;
  }

  private Decision withOverride(StoryTask task, Map<String, Object> submitted, Decision decision,
      List<FieldProblem> problems) {
    List<String> reasons = guards.stream()
        .map(g -> g.overrideNeeded(task, submitted))
        .flatMap(java.util.Optional::stream)
        .toList();
    if (reasons.isEmpty()) {
      return decision;
    }
    String reason = String.join("; ", reasons);
    if (decision.comment() == null) {
      problems.add(new FieldProblem(COMMENT, "is required to approve against the evidence (" + reason
          + "); it is recorded as an override"));
      return decision;
    }
    return new Decision(true, decision.comment(), null, null, decision.values(), reason);
  }

  private Decision opinion(Map<String, Object> in, List<FieldProblem> problems) {
    Boolean approved = approved(in, problems, null);
    String comment = text(in, COMMENT, problems);
    if (Boolean.FALSE.equals(approved) && comment == null) {
      problems.add(new FieldProblem(COMMENT, "is required when approved is false"));
    }
    if (present(in, REWORK_TO)) {
      problems.add(new FieldProblem(REWORK_TO, "is not allowed here: there is no earlier status"));
    }
    return new Decision(Boolean.TRUE.equals(approved), comment, null, null, Map.of(), null);
  }

  private Decision review(Status current, Map<String, Object> in, List<FieldProblem> problems,
      boolean concernsAllowed) {
    String concerns = concernsAllowed ? text(in, SECURITY_CONCERNS, problems) : null;
    Boolean approved = approved(in, problems, concerns != null ? Boolean.FALSE : null);
    String comment = text(in, COMMENT, problems);
    if (concerns != null) {
      if (Boolean.TRUE.equals(approved)) {
        problems.add(new FieldProblem(APPROVED, "must be false when securityConcerns are raised"));
      }
      if (present(in, REWORK_TO)) {
        problems.add(new FieldProblem(REWORK_TO,
            "is not allowed with securityConcerns: either ask the backend engineer to fix the concerns or send the story back"));
      }
      return new Decision(false, comment, null, concerns, Map.of(), null);
    }
    if (!Boolean.FALSE.equals(approved)) {
      return new Decision(true, comment, null, null, Map.of(), null);
    }
    if (comment == null) {
      problems.add(new FieldProblem(COMMENT, "is required when approved is false"));
    }
    Status target = reworkTarget(current, in, problems, Status.IN_PROGRESS);
    return new Decision(false, comment, target, null, Map.of(), null);
  }

  /** The revised story goes back to the Draft reviews, or is withdrawn with a comment that says why. */
  private static Decision revision(Map<String, Object> in, List<FieldProblem> problems) {
    String comment = text(in, COMMENT, problems);
    Object withdraw = in.get(WITHDRAW);
    if (withdraw != null && !(withdraw instanceof Boolean)) {
      problems.add(new FieldProblem(WITHDRAW, "must be a Boolean (true or false)"));
    }
    if (!Boolean.TRUE.equals(withdraw)) {
      return new Decision(true, comment, null, null, Map.of(), null);
    }
    if (comment == null) {
      problems.add(new FieldProblem(COMMENT, "is required to withdraw the story: say why"));
    }
    return Decision.withdrawn(comment);
  }

  private static boolean supportAsked(Map<String, Object> in, List<FieldProblem> problems) {
    Object value = in.get(NEEDS_BACKEND_SUPPORT);
    if (value == null || Boolean.FALSE.equals(value)) {
      return false;
    }
    if (!(value instanceof Boolean)) {
      problems.add(new FieldProblem(NEEDS_BACKEND_SUPPORT, "must be a Boolean (true or false)"));
      return false;
    }
    return true;
  }

  /** QA asks for integration support: a comment says what the problem is; no verdict, no rework. */
  private Decision support(Map<String, Object> in, List<FieldProblem> problems) {
    String comment = text(in, COMMENT, problems);
    if (comment == null) {
      problems.add(new FieldProblem(COMMENT, "is required with needsBackendSupport: describe the problem"
          + " (and paste the test output) for the backend engineer"));
    }
    if (Boolean.TRUE.equals(in.get(APPROVED))) {
      problems.add(new FieldProblem(APPROVED, "must not be true with needsBackendSupport: ask for support or approve"));
    }
    if (present(in, REWORK_TO)) {
      problems.add(new FieldProblem(REWORK_TO, "is not allowed with needsBackendSupport: the story keeps its status"));
    }
    return Decision.supportRequested(comment);
  }

  private Decision planning(Map<String, Object> in, List<FieldProblem> problems) {
    Boolean approved = approved(in, problems, Boolean.TRUE);
    String comment = text(in, COMMENT, problems);
    if (Boolean.FALSE.equals(approved)) {
      if (comment == null) {
        problems.add(new FieldProblem(COMMENT, "is required when approved is false"));
      }
      Status target = reworkTarget(Status.BACKLOG, in, problems, Status.DRAFT);
      return new Decision(false, comment, target, null, Map.of(), null);
    }
    Map<String, Object> values = new LinkedHashMap<>();
    String priority = text(in, PRIORITY, problems);
    if (priority == null || !PRIORITIES.contains(priority)) {
      problems.add(new FieldProblem(PRIORITY, "must be one of " + String.join(", ", PRIORITIES)));
    } else {
      values.put(PRIORITY, priority);
    }
    Integer points = storyPoints(in.get(STORY_POINTS));
    if (points == null) {
      problems.add(new FieldProblem(STORY_POINTS, "must be a whole number from 1 to " + MAX_STORY_POINTS));
    } else {
      values.put(STORY_POINTS, points);
    }
    String sprint = text(in, SPRINT, problems);
    if (sprint == null || sprint.length() > MAX_SPRINT) {
      problems.add(new FieldProblem(SPRINT, "is required, at most " + MAX_SPRINT + " characters"));
    } else {
      sprintRefusal(sprint).ifPresentOrElse(
          why -> problems.add(new FieldProblem(SPRINT, why)),
          () -> values.put(SPRINT, sprint));
    }
    return new Decision(true, comment, null, null, values, null);
  }

  private java.util.Optional<String> sprintRefusal(String sprint) {
    return SprintCheck.refusalOf(sprintChecks, sprint);
  }

  private static Status reworkTarget(Status current, Map<String, Object> in, List<FieldProblem> problems,
      Status fallback) {
    List<Status> allowed = Arrays.stream(Status.values()).filter(s -> s.isBefore(current)).toList();
    String allowedText = allowed.stream().map(Status::name).collect(Collectors.joining(", "));
    Object raw = in.get(REWORK_TO);
    if (raw == null || (raw instanceof String s && s.isBlank())) {
      if (allowed.contains(fallback)) {
        return fallback;
      }
      problems.add(new FieldProblem(REWORK_TO, "is required: one of " + allowedText));
      return null;
    }
    Status target = raw instanceof String s ? Status.ofCode(s.trim()).orElse(null) : null;
    if (target == null || !allowed.contains(target)) {
      problems.add(new FieldProblem(REWORK_TO,
          "must be a status earlier than " + current.name() + ": one of " + allowedText));
      return null;
    }
    return target;
  }

  private static Boolean approved(Map<String, Object> in, List<FieldProblem> problems, Boolean absent) {
    Object value = in.get(APPROVED);
    if (value == null) {
      if (absent == null) {
        problems.add(new FieldProblem(APPROVED, "is required: true or false"));
      }
      return absent;
    }
    if (value instanceof Boolean b) {
      return b;
    }
    problems.add(new FieldProblem(APPROVED, "must be a Boolean, true or false"));
    return null;
  }

  private static String text(Map<String, Object> in, String name, List<FieldProblem> problems) {
    Object value = in.get(name);
    if (value == null) {
      return null;
    }
    if (!(value instanceof String s)) {
      problems.add(new FieldProblem(name, "must be a String"));
      return null;
    }
    if (s.length() > MAX_COMMENT) {
      problems.add(new FieldProblem(name, "must be at most " + MAX_COMMENT + " characters"));
      return null;
    }
    if (!TEXT.matcher(s).matches()) {
      problems.add(new FieldProblem(name, "must be text without control characters other than tabs and line breaks"));
      return null;
    }
    return s.isBlank() ? null : s.trim();
  }

  private static boolean present(Map<String, Object> in, String name) {
    Object value = in.get(name);
    return value != null && !(value instanceof String s && s.isBlank());
  }

  private static Integer storyPoints(Object value) {
    long points;
    if (value instanceof Integer || value instanceof Long || value instanceof Short) {
      points = ((Number) value).longValue();
    } else if (value instanceof Double d && d == Math.rint(d)) {
      points = d.longValue();
    } else if (value instanceof String s && s.trim().matches("\\d{1,3}")) {
      points = Long.parseLong(s.trim());
    } else {
      return null;
    }
    return points >= 1 && points <= MAX_STORY_POINTS ? (int) points : null;
  }
}
