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
import org.camunda.bpm.engine.ActivityTypes;
import org.camunda.bpm.engine.impl.bpmn.helper.BpmnProperties;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.history.HistoryLevel;
import org.camunda.bpm.engine.impl.history.HistoryLevelFull;
import org.camunda.bpm.engine.impl.history.event.HistoricVariableUpdateEventEntity;
import org.camunda.bpm.engine.impl.history.event.HistoryEventType;
import org.camunda.bpm.engine.impl.history.event.HistoryEventTypes;
import org.camunda.bpm.engine.impl.jobexecutor.TimerTaskListenerJobHandler;
import org.camunda.bpm.engine.impl.persistence.entity.ExecutionEntity;
import org.camunda.bpm.engine.impl.persistence.entity.JobEntity;
import org.camunda.bpm.engine.impl.persistence.entity.VariableInstanceEntity;
import org.camunda.bpm.engine.impl.pvm.process.ActivityImpl;
import org.springframework.stereotype.Component;

/**
 * Full history, without the rows that serve no one: the engine's history level {@code full}
 * (same id and name, so a database keeps its level) with three exceptions.
 * <ul>
 *   <li>No detail row ({@code ACT_HI_DETAIL}, with a copy of a JSON value's byte array) for each
 *       change of a bookkeeping variable: the status (kept as activity history, which the status
 *       history reads), the outcome and rework variables (each decision is in the audit and its
 *       comment a task comment), the fallback and support markers, the override log (rebuilt from
 *       the audit), the agent runs (kept in {@code SF_AGENT_RUN}). Their historic instance with
 *       the latest value stays, and the story's own fields and the reports keep every change.</li>
 *   <li>None either for the task-local presentation variables of Tasklist (reviews so far, sprint
 *       options, prefills), which are derived from the audit and the story.</li>
 *   <li>No job log of the creation and deletion of the service-level timers that every user task
 *       has (reminder and escalation): most are deleted unfired when the task completes. When one
 *       fires, its success or failure is logged as any job's.</li>
 *   <li>No activity history of the story process's routing: its decision and join gateways and the
 *       link events of the rework routes, which a story passes in the same instant as the task
 *       before them. The status entry gateways ({@link Status#entryElementId()}), from which the
 *       status history is read, and every task, event and sub-process keep theirs.</li>
 * </ul>
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
    // a custom level of the configured name is chosen over the built-in one of that name
    List<HistoryLevel> levels = new ArrayList<>();
    if (configuration.getCustomHistoryLevels() != null) {
      levels.addAll(configuration.getCustomHistoryLevels());
    }
    levels.add(new Level());
    configuration.setCustomHistoryLevels(levels);
  }

  /** The activity types of routing: gateways and link events (a link throw event is a none throw event). */
  private static final Set<String> ROUTING = Set.of(ActivityTypes.GATEWAY_EXCLUSIVE, ActivityTypes.GATEWAY_PARALLEL,
      ActivityTypes.GATEWAY_INCLUSIVE, ActivityTypes.GATEWAY_EVENT_BASED, ActivityTypes.INTERMEDIATE_EVENT_LINK,
      ActivityTypes.INTERMEDIATE_EVENT_NONE_THROW);

  /** {@code full}, but for the exceptions above. */
  static final class Level extends HistoryLevelFull {

    @Override
    public boolean isHistoryEventProduced(HistoryEventType type, Object entity) {
      if (type == HistoryEventTypes.VARIABLE_INSTANCE_UPDATE_DETAIL) {
        return keepsDetail(entity);
      }
      if (type == HistoryEventTypes.ACTIVITY_INSTANCE_START || type == HistoryEventTypes.ACTIVITY_INSTANCE_END) {
        return !(entity instanceof ExecutionEntity execution && isRouting(execution));
      }
      if (type == HistoryEventTypes.JOB_CREATE || type == HistoryEventTypes.JOB_DELETE) {
        return !(entity instanceof JobEntity job && TimerTaskListenerJobHandler.TYPE.equals(job.getJobHandlerType()));
      }
      return true;
    }

    /** A gateway or link event of the story process that is not a status's entry. */
    static boolean isRouting(ExecutionEntity execution) {
      ActivityImpl activity = execution.getActivity();
      if (activity == null || !ROUTING.contains(activity.getProperties().get(BpmnProperties.TYPE))
          || Status.enteredAt(activity.getId()).isPresent()) {
        return false;
      }
      return execution.getProcessDefinition() != null && StoryProcess.KEY.equals(execution.getProcessDefinition().getKey());
    }

    private static boolean keepsDetail(Object entity) {
      if (entity instanceof HistoricVariableUpdateEventEntity event) {
        return event.getTaskId() == null && !BOOKKEEPING.contains(event.getVariableName());
      }
      if (entity instanceof VariableInstanceEntity variable) {
        return variable.getTaskId() == null && !BOOKKEEPING.contains(variable.getName());
      }
      return true;
    }
  }
}
