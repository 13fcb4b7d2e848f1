package dev.storyflow.lifecycle;

import static dev.storyflow.lifecycle.StoryVariables.AGENT_RUNS;
import static dev.storyflow.lifecycle.StoryVariables.CONCERNS_TO_ADDRESS;
import static dev.storyflow.lifecycle.StoryVariables.DECISION;
import static dev.storyflow.lifecycle.StoryVariables.DECISION_INPUTS;
import static dev.storyflow.lifecycle.StoryVariables.FALLBACK_REASON;
import static dev.storyflow.lifecycle.StoryVariables.FALLBACK_RESOLVED;
import static dev.storyflow.lifecycle.StoryVariables.FALLBACK_STEP;
import static dev.storyflow.lifecycle.StoryVariables.FRONTEND_INVOLVED;
import static dev.storyflow.lifecycle.StoryVariables.OVERRIDES;
import static dev.storyflow.lifecycle.StoryVariables.REWORK_REASON;
import static dev.storyflow.lifecycle.StoryVariables.REWORK_TARGET;
import static dev.storyflow.lifecycle.StoryVariables.STATUS;
import static dev.storyflow.lifecycle.StoryVariables.SUPPORT_REQUEST;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.history.event.HistoricVariableUpdateEventEntity;
import org.camunda.bpm.engine.impl.history.handler.DbHistoryEventHandler;
import org.camunda.bpm.engine.impl.history.handler.HistoryEventHandler;
import org.springframework.stereotype.Component;

/**
 * Full history, without the rows that serve no one. The engine keeps, for every variable, its
 * historic instance ({@code ACT_HI_VARINST}, the latest value) and one detail row per change
 * ({@code ACT_HI_DETAIL}, with a copy of the value's byte array for JSON). Storyflow keeps the
 * detail rows of the story's own fields and of the evidence reports, which people and auditors
 * look back at, but not of its bookkeeping: the status (kept as activity history, which the status
 * history reads), the outcome and rework variables (each decision is in the audit and its comment
 * a task comment), the fallback and support markers, the override log (rebuilt from the audit),
 * the agent runs (kept in {@code SF_AGENT_RUN}), and the task-local presentation variables of
 * Tasklist (reviews so far, sprint options, prefills). Their historic instances stay.
 */
@Component
class StoryHistory extends AbstractProcessEnginePlugin {

  /** Process variables whose changes are not kept as detail rows. */
  static final Set<String> BOOKKEEPING = bookkeeping();

  private static Set<String> bookkeeping() {
    Set<String> names = new HashSet<>(Set.of(STATUS, DECISION, REWORK_TARGET, REWORK_REASON, CONCERNS_TO_ADDRESS,
        SUPPORT_REQUEST, FALLBACK_STEP, FALLBACK_REASON, FALLBACK_RESOLVED, OVERRIDES, AGENT_RUNS, FRONTEND_INVOLVED));
    names.addAll(DECISION_INPUTS);
    return Set.copyOf(names);
  }

  @Override
  public void preInit(ProcessEngineConfigurationImpl configuration) {
    // in place of the engine's default database handler; other plugins' handlers still run
    configuration.setEnableDefaultDbHistoryEventHandler(false);
    List<HistoryEventHandler> handlers = new ArrayList<>();
    handlers.add(new Handler());
    if (configuration.getCustomHistoryEventHandlers() != null) {
      handlers.addAll(configuration.getCustomHistoryEventHandlers());
    }
    configuration.setCustomHistoryEventHandlers(handlers);
  }

  /** The engine's own handler, writing fewer detail rows. */
  static final class Handler extends DbHistoryEventHandler {

    @Override
    protected boolean shouldWriteHistoricDetail(HistoricVariableUpdateEventEntity event) {
      return super.shouldWriteHistoricDetail(event) && keepsDetail(event);
    }

    static boolean keepsDetail(HistoricVariableUpdateEventEntity event) {
      return event.getTaskId() == null && !BOOKKEEPING.contains(event.getVariableName());
    }
  }
}
