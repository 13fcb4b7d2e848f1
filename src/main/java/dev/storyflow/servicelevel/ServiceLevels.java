package dev.storyflow.servicelevel;

import dev.storyflow.identity.EngineAccess;
import dev.storyflow.lifecycle.StoryVariables;
import java.time.Instant;
import java.time.ZoneId;
import java.util.Date;
import org.camunda.bpm.dmn.engine.DmnDecisionResultEntries;
import org.camunda.bpm.engine.DecisionService;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.VariableScope;
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
   * @throws IllegalStateException when the table gives no service level for the status
   */
  public ServiceLevel of(String status) {
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
