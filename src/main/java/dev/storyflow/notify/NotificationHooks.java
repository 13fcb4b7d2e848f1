package dev.storyflow.notify;

import dev.storyflow.identity.Role;
import dev.storyflow.lifecycle.StoryProcess;
import dev.storyflow.lifecycle.StoryTask;
import java.util.ArrayList;
import java.util.List;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.ExecutionListener;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.bpm.engine.impl.bpmn.behavior.UserTaskActivityBehavior;
import org.camunda.bpm.engine.impl.bpmn.parser.AbstractBpmnParseListener;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.persistence.entity.ProcessDefinitionEntity;
import org.camunda.bpm.engine.impl.pvm.process.ActivityImpl;
import org.camunda.bpm.engine.impl.pvm.process.ScopeImpl;
import org.camunda.bpm.engine.impl.util.xml.Element;
import org.camunda.bpm.engine.runtime.Incident;
import org.springframework.context.annotation.Lazy;
import org.springframework.stereotype.Component;

/**
 * The story events that need no line in the BPMN, hooked into the engine when it parses
 * {@code story-lifecycle} (so they hold for every version deployed, and as built-in listeners they
 * run even when an admin skips custom listeners):
 * <ul>
 *   <li>every user task's creation: {@code taskWaiting} to its candidate groups, or
 *       {@code fallbackNeeded} for {@code Task_BackendEngineerFallback};</li>
 *   <li>the end of {@code EndEvent_StoryDone}: {@code storyDone} to the product owners;</li>
 *   <li>every incident (a failed job or step): {@code incident} to {@code camunda-admin}, through
 *       an incident handler beside the engine's own (composite incident handlers).</li>
 * </ul>
 */
@Component
class NotificationHooks extends AbstractProcessEnginePlugin {

  private final Notifications notifications;
  private final StoryEvents events = new StoryEvents();

  NotificationHooks(@Lazy Notifications notifications) {
    this.notifications = notifications;
  }

  @Override
  public void preInit(ProcessEngineConfigurationImpl configuration) {
    if (configuration.getCustomPostBPMNParseListeners() == null) {
      configuration.setCustomPostBPMNParseListeners(new ArrayList<>());
    }
    configuration.getCustomPostBPMNParseListeners().add(new StoryParseListener());
    // the engine's own handlers still create the incidents; ours are added beside them
    configuration.setCompositeIncidentHandlersEnabled(true);
    if (configuration.getCustomIncidentHandlers() == null) {
      configuration.setCustomIncidentHandlers(new ArrayList<>());
    }
    for (String type : List.of(Incident.FAILED_JOB_HANDLER_TYPE, Incident.EXTERNAL_TASK_HANDLER_TYPE)) {
      configuration.getCustomIncidentHandlers().add(new IncidentNotifier(type, notifications, events));
    }
  }

  private void taskCreated(DelegateTask task) {
    NotificationType type = StoryTask.BACKEND_ENGINEER_FALLBACK.id().equals(task.getTaskDefinitionKey())
        ? NotificationType.FALLBACK_NEEDED : NotificationType.TASK_WAITING;
    notifications.publishFromHook("task " + task.getId(), () -> events.forTask(task, type, null));
  }

  private void storyDone(DelegateExecution execution) {
    notifications.publishFromHook("the end of story " + execution.getProcessBusinessKey(),
        () -> events.forStory(execution, NotificationType.STORY_DONE,
            List.of(Role.PRODUCT_OWNER.groupId()), null));
  }

  private final class StoryParseListener extends AbstractBpmnParseListener {

    @Override
    public void parseUserTask(Element element, ScopeImpl scope, ActivityImpl activity) {
      if (isStory(activity) && activity.getActivityBehavior() instanceof UserTaskActivityBehavior userTask) {
        TaskListener created = NotificationHooks.this::taskCreated;
        userTask.getTaskDefinition().addBuiltInTaskListener(TaskListener.EVENTNAME_CREATE, created);
      }
    }

    @Override
    public void parseEndEvent(Element element, ScopeImpl scope, ActivityImpl activity) {
      if (isStory(activity) && StoryProcess.END_EVENT.equals(activity.getId())) {
        // on leaving the end event: its start listener has set the status to DONE by then
        ExecutionListener done = NotificationHooks.this::storyDone;
        activity.addBuiltInListener(ExecutionListener.EVENTNAME_END, done);
      }
    }

    private static boolean isStory(ActivityImpl activity) {
      return activity.getProcessDefinition() instanceof ProcessDefinitionEntity definition
          && StoryProcess.KEY.equals(definition.getKey());
    }
  }
}
