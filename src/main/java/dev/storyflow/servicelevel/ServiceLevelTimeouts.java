package dev.storyflow.servicelevel;

import dev.storyflow.lifecycle.StoryVariables;
import dev.storyflow.notify.NotificationType;
import dev.storyflow.notify.Notifications;
import java.util.List;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The two timeout listeners that every user task of {@code story-lifecycle} had in the versions
 * before the service-level sweep ({@link ServiceLevelSweep}): at the due date its candidates were
 * reminded ({@code overdue}), after {@code escalateAfter} the {@code escalateTo} group was told
 * ({@code escalated}). Kept so that the tasks of stories still running on such a version are
 * reminded and escalated by their own timers.
 */
@Configuration
class ServiceLevelTimeouts {

  @Bean("serviceLevelReminder")
  TaskListener reminder(Notifications notifications) {
    return task -> notifications.forTask(task, NotificationType.OVERDUE, List.of());
  }

  @Bean("serviceLevelEscalation")
  TaskListener escalation(Notifications notifications, ServiceLevels levels) {
    return task -> notifications.forTask(task, NotificationType.ESCALATED, List.of(escalateTo(task, levels)));
  }

  private static String escalateTo(DelegateTask task, ServiceLevels levels) {
    Object status = task.getVariable(StoryVariables.STATUS);
    return levels.of(status == null ? "" : status.toString()).escalateTo();
  }
}
