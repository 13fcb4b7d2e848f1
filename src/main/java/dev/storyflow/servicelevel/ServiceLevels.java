package dev.storyflow.servicelevel;

import dev.storyflow.lifecycle.StoryVariables;
import java.lang.ref.WeakReference;
import java.time.Instant;
import java.time.ZoneId;
import java.util.Date;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.camunda.bpm.dmn.engine.DmnDecision;
import org.camunda.bpm.dmn.engine.DmnDecisionResultEntries;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.VariableScope;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.interceptor.CommandContext;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.repository.DecisionDefinition;
import org.camunda.bpm.engine.variable.Variables;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * Service levels of the story's user tasks (design section 10), from the latest deployed
 * {@code processes/service-levels.dmn}. Every user task's {@code camunda:dueDate} is
 * {@link #dueAt} (Tasklist shows and sorts by it), and its two timeout listeners fire at
 * {@link #dueAt} (reminder) and {@link #escalateAt} (escalation). The table is Storyflow's own
 * configuration, not a user's request: no user's authorizations apply to it.
 */
@Component("serviceLevels")
public class ServiceLevels {

  static final String DECISION_KEY = "service-levels";

  private final ProcessEngineConfigurationImpl configuration;
  private final ZoneId zone;
  private final Map<String, ServiceLevel> evaluated = new ConcurrentHashMap<>();
  private final ThreadLocal<LookedUp> perCommand = new ThreadLocal<>();

  ServiceLevels(ProcessEngineConfigurationImpl configuration, @Value("${storyflow.time-zone:UTC}") ZoneId zone) {
    this.configuration = configuration;
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
   * The status's service level. Every task creation asks for its due date in an engine command: the latest version of the table is looked up once per command,
   * and its answer is kept per version and status, so the table is evaluated once per status on
   * each node until a new version is deployed.
   *
   * @throws IllegalStateException when the table gives no service level for the status
   */
  public ServiceLevel of(String status) {
    return configuration.getCommandExecutorTxRequired().execute(context -> {
      DmnDecision table = latestTable(context);
      String version = ((DecisionDefinition) table).getId();
      return evaluated.computeIfAbsent(version + " " + status, key -> evaluate(table, status));
    });
  }

  private DmnDecision latestTable(CommandContext context) {
    LookedUp lookedUp = perCommand.get();
    if (lookedUp == null || lookedUp.command().get() != context) {
      lookedUp = new LookedUp(new WeakReference<>(context), (DmnDecision) context.getProcessEngineConfiguration()
          .getDeploymentCache().findDeployedLatestDecisionDefinitionByKey(DECISION_KEY));
      perCommand.set(lookedUp);
    }
    return lookedUp.table();
  }

  /** The table version looked up in the engine command running on this thread (held weakly once it ends). */
  private record LookedUp(WeakReference<CommandContext> command, DmnDecision table) {
  }

  private ServiceLevel evaluate(DmnDecision table, String status) {
    DmnDecisionResultEntries result = configuration.getDmnEngine()
        .evaluateDecision(table, Variables.createVariables().putValue("status", status))
        .getSingleResult();
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
