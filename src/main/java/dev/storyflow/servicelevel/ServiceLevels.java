package dev.storyflow.servicelevel;

import dev.storyflow.identity.EngineAccess;
import dev.storyflow.lifecycle.StoryVariables;
import java.lang.ref.WeakReference;
import java.time.Instant;
import java.time.ZoneId;
import java.util.Date;
import java.util.HashMap;
import java.util.Map;
import org.camunda.bpm.dmn.engine.DmnDecisionResultEntries;
import org.camunda.bpm.engine.DecisionService;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.VariableScope;
import org.camunda.bpm.engine.impl.context.Context;
import org.camunda.bpm.engine.impl.interceptor.CommandContext;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.variable.Variables;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * Service levels of the story's user tasks (design section 10), from the latest deployed
 * {@code processes/service-levels.dmn}. Every user task's {@code camunda:dueDate} is
 * {@link #dueAt} (Tasklist shows and sorts by it), and its two timeout listeners fire at
 * {@link #dueAt} (reminder) and {@link #escalateAt} (escalation). Evaluated as the system: the
 * table is Storyflow's own rule, not a user's request.
 */
@Component("serviceLevels")
public class ServiceLevels {

  static final String DECISION_KEY = "service-levels";

  private final DecisionService decisions;
  private final EngineAccess engine;
  private final ZoneId zone;
  private final ThreadLocal<PerCommand> perCommand = new ThreadLocal<>();

  ServiceLevels(DecisionService decisions, EngineAccess engine, @Value("${storyflow.time-zone:UTC}") ZoneId zone) {
    this.decisions = decisions;
    this.engine = engine;
    this.zone = zone;
  }

  /** When a task of the execution's status is due, from now. */
  public Date dueAt(DelegateExecution execution) {
    return Date.from(WorkingTime.add(now(), of(status(execution)).due(), zone));
  }

  /** When a task of the execution's status is escalated, from now. */
  public Date escalateAt(DelegateExecution execution) {
    return Date.from(WorkingTime.add(now(), of(status(execution)).escalateAfter(), zone));
  }

  /**
   * The status's service level. Creating a task asks three times (its due date and its two
   * timers), in one engine command: the table is evaluated once per command and status, so task
   * creation pays for one evaluation (a definition lookup and its history rows), not three.
   *
   * @throws IllegalStateException when the table gives no service level for the status
   */
  public ServiceLevel of(String status) {
    CommandContext command = Context.getCommandContext();
    if (command == null) {
      return evaluate(status);
    }
    PerCommand cached = perCommand.get();
    if (cached == null || cached.command().get() != command) {
      cached = new PerCommand(new WeakReference<>(command), new HashMap<>());
      perCommand.set(cached);
    }
    return cached.levels().computeIfAbsent(status, this::evaluate);
  }

  /** The levels evaluated in the engine command running on this thread (held weakly once it ends). */
  private record PerCommand(WeakReference<CommandContext> command, Map<String, ServiceLevel> levels) {
  }

  private ServiceLevel evaluate(String status) {
    DmnDecisionResultEntries result = engine.asSystem(() -> decisions.evaluateDecisionByKey(DECISION_KEY)
        .variables(Variables.createVariables().putValue("status", status))
        .evaluate()
        .getSingleResult());
    if (result == null || result.getEntry("due") == null || result.getEntry("escalateAfter") == null) {
      throw new IllegalStateException("Decision " + DECISION_KEY + " gives no service level for status " + status);
    }
    return new ServiceLevel(result.getEntry("due"), result.getEntry("escalateAfter"), result.getEntry("escalateTo"));
  }

  private static String status(VariableScope scope) {
    Object status = scope.getVariable(StoryVariables.STATUS);
    return status == null ? "" : status.toString();
  }

  private static Instant now() {
    return ClockUtil.getCurrentTime().toInstant();
  }
}
