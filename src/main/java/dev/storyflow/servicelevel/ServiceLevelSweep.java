package dev.storyflow.servicelevel;

import dev.storyflow.DaemonThreads;
import dev.storyflow.lifecycle.StoryProcess;
import dev.storyflow.lifecycle.StoryVariables;
import dev.storyflow.notify.NotificationType;
import dev.storyflow.notify.Notifications;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.persistence.entity.TaskEntity;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.task.Task;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.SmartLifecycle;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Reminds and escalates the open user tasks of stories that passed their service level, every
 * {@code storyflow.service-levels.sweep-interval} (default one minute; {@code 0} turns it off), on
 * the engine's clock:
 * <ul>
 *   <li>a task past its due date: its candidate groups get an {@code overdue} notification;</li>
 *   <li>a task open longer than its status's {@code escalateAfter} (working time from its
 *       creation): the {@code escalateTo} group gets an {@code escalated} one.</li>
 * </ul>
 * Each goes out once per task: the notice is recorded in {@code SF_SERVICE_LEVEL_NOTICE} in the
 * transaction that writes the notification, so of several nodes sweeping at once exactly one sends
 * it. One query a minute for all stories replaces the two timer jobs every task used to create and
 * delete; a task is reminded up to one interval after its due date.
 */
@Component
public class ServiceLevelSweep implements SmartLifecycle {

  private static final Logger LOG = LoggerFactory.getLogger(ServiceLevelSweep.class);
  static final String OVERDUE = "overdue";
  static final String ESCALATED = "escalated";

  private final ProcessEngineConfigurationImpl engine;
  private final ServiceLevels levels;
  private final Notifications notifications;
  private final JdbcTemplate jdbc;
  private final Duration interval;
  private ScheduledExecutorService timer;

  ServiceLevelSweep(ProcessEngineConfigurationImpl engine, ServiceLevels levels, Notifications notifications,
      JdbcTemplate jdbc, @Value("${storyflow.service-levels.sweep-interval:1m}") Duration interval) {
    this.engine = engine;
    this.levels = levels;
    this.notifications = notifications;
    this.jdbc = jdbc;
    this.interval = interval;
  }

  /**
   * One sweep over the open story tasks past their due date.
   *
   * @return how many notices this sweep sent
   */
  public int run() {
    Instant now = ClockUtil.getCurrentTime().toInstant();
    List<Task> overdue = engine.getTaskService().createTaskQuery().processDefinitionKey(StoryProcess.KEY)
        .dueBefore(java.util.Date.from(now)).list();
    int sent = 0;
    for (Task task : overdue) {
      try {
        sent += engine.getCommandExecutorTxRequired().execute(context -> {
          TaskEntity open = context.getTaskManager().findTaskById(task.getId());
          return open == null || hasOwnTimers(open) ? 0 : notices(open, now);
        });
      } catch (DataIntegrityViolationException sentByAnotherNode) {
        LOG.debug("A service-level notice of task {} was sent by another node", task.getId());
      }
    }
    jdbc.update("DELETE FROM SF_SERVICE_LEVEL_NOTICE WHERE NOT EXISTS "
        + "(SELECT 1 FROM ACT_RU_TASK T WHERE T.ID_ = SF_SERVICE_LEVEL_NOTICE.TASK_ID)");
    return sent;
  }

  private int notices(TaskEntity task, Instant now) {
    int sent = 0;
    if (record(task, OVERDUE, now)) {
      notifications.forTask(task, NotificationType.OVERDUE, List.of());
      sent++;
    }
    ServiceLevel level = levels.of(Objects.toString(task.getVariable(StoryVariables.STATUS), ""));
    if (!levels.escalateAt(task.getCreateTime().toInstant(), level).isAfter(now) && record(task, ESCALATED, now)) {
      notifications.forTask(task, NotificationType.ESCALATED, List.of(level.escalateTo()));
      sent++;
    }
    return sent;
  }

  /**
   * A task of a {@code story-lifecycle} version from before the sweep: its own timeout listeners
   * remind and escalate it.
   */
  private static boolean hasOwnTimers(TaskEntity task) {
    return task.getTaskDefinition() != null
        && task.getTaskDefinition().getTimeoutTaskListener("TaskListener_" + task.getTaskDefinitionKey()
            .substring(task.getTaskDefinitionKey().indexOf('_') + 1) + "Due") != null;
  }

  /** Records the notice; false when it was sent before. */
  private boolean record(TaskEntity task, String kind, Instant now) {
    Integer before = jdbc.queryForObject("SELECT COUNT(*) FROM SF_SERVICE_LEVEL_NOTICE WHERE TASK_ID = ? AND KIND = ?",
        Integer.class, task.getId(), kind);
    if (before != null && before > 0) {
      return false;
    }
    jdbc.update("INSERT INTO SF_SERVICE_LEVEL_NOTICE (TASK_ID, KIND, STORY_ID, SENT_AT) VALUES (?, ?, ?, ?)",
        task.getId(), kind, task.getExecution() == null ? null : task.getExecution().getProcessBusinessKey(),
        Timestamp.from(now));
    return true;
  }

  @Override
  public void start() {
    if (interval.isZero() || interval.isNegative()) {
      LOG.info("The service-level sweep is off (storyflow.service-levels.sweep-interval={})", interval);
      return;
    }
    timer = Executors.newSingleThreadScheduledExecutor(DaemonThreads.named("storyflow-service-levels"));
    timer.scheduleWithFixedDelay(this::sweepQuietly, interval.toMillis(), interval.toMillis(), TimeUnit.MILLISECONDS);
  }

  private void sweepQuietly() {
    try {
      run();
    } catch (RuntimeException e) {
      LOG.warn("The service-level sweep failed ({}); it runs again in {}", e.getMessage(), interval);
    }
  }

  @Override
  public void stop() {
    if (timer != null) {
      timer.shutdownNow();
      timer = null;
    }
  }

  @Override
  public boolean isRunning() {
    return timer != null;
  }
}
