package dev.storyflow.servicelevel;

import dev.storyflow.decision.LatestDecisions;
import dev.storyflow.lifecycle.StoryVariables;
import java.time.Instant;
import java.time.ZoneId;
import java.util.Date;
import java.util.Map;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.VariableScope;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * Service levels of the story's user tasks (design section 10), from the latest deployed
 * {@code processes/service-levels.dmn}. Every user task's {@code camunda:dueDate} is
 * {@link #dueAt} (Tasklist shows and sorts by it), and its two timeout listeners fire at
 * {@link #dueAt} (reminder) and {@link #escalateAt} (escalation). The table is Storyflow's own
 * configuration, not a user's request: no user's authorizations apply to it, and its evaluations
 * leave no decision history ({@link LatestDecisions}).
 */
@Component("serviceLevels")
public class ServiceLevels {

  static final String DECISION_KEY = "service-levels";

  private final LatestDecisions decisions;
  private final ZoneId zone;

  ServiceLevels(LatestDecisions decisions, @Value("${storyflow.time-zone:UTC}") ZoneId zone) {
    this.decisions = decisions;
    this.zone = zone;
  }

  /** When a task of the execution's status is due, from now. */
  public Date dueAt(DelegateExecution execution) {
    return Date.from(WorkingTime.add(now(), of(status(execution)).due(), zone));
  }

  /**
   * When a task of the execution's status is escalated, from now: the timer of the escalation
   * listener in versions of {@code story-lifecycle} before the service-level sweep.
   */
  public Date escalateAt(DelegateExecution execution) {
    return Date.from(WorkingTime.add(now(), of(status(execution)).escalateAfter(), zone));
  }

  /** When a task created at the given time is escalated under the given service level. */
  public Instant escalateAt(Instant created, ServiceLevel level) {
    return WorkingTime.add(created, level.escalateAfter(), zone);
  }

  /**
   * The status's service level. Every task creation asks for its due date in an engine command: the
   * latest version of the table is looked up once per command, and as its answer depends on the
   * status alone, it is evaluated once per status and version on each node ({@link LatestDecisions}).
   *
   * @throws IllegalStateException when the table gives no service level for the status
   */
  public ServiceLevel of(String status) {
    Map<String, Object> level = decisions.evaluate(DECISION_KEY, Map.of("status", status))
        .filter(entries -> entries.get("due") != null && entries.get("escalateAfter") != null)
        .orElseThrow(() -> new IllegalStateException("Decision " + DECISION_KEY + " gives no service level for status "
            + status));
    return new ServiceLevel((String) level.get("due"), (String) level.get("escalateAfter"),
        (String) level.get("escalateTo"));
  }

  private static String status(VariableScope scope) {
    Object status = scope.getVariable(StoryVariables.STATUS);
    return status == null ? "" : status.toString();
  }

  private static Instant now() {
    return ClockUtil.getCurrentTime().toInstant();
  }
}
