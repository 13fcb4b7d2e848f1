package dev.storyflow.worker;

import java.util.Map;
import org.camunda.bpm.engine.BadUserRequestException;
import org.camunda.bpm.engine.ExternalTaskService;
import org.camunda.bpm.engine.OptimisticLockingException;

/** The external task operations through the engine's Java API, in the engine's own JVM. */
final class EngineStepTasks implements StepTasks {

  private final ExternalTaskService tasks;
  private final String workerId;

  EngineStepTasks(ExternalTaskService tasks, String workerId) {
    this.tasks = tasks;
    this.workerId = workerId;
  }

  @Override
  public void extendLock(LockedStep step, long millis) {
    try {
      tasks.extendLock(step.taskId(), workerId, millis);
    } catch (BadUserRequestException e) {
      // the task is gone (NotFoundException), or its lock expired or is another worker's
      throw new LockRefusedException(e.getMessage(), e);
    }
  }

  @Override
  public void complete(LockedStep step, Map<String, Object> variables) {
    retryingConflicts(() -> tasks.complete(step.taskId(), workerId, variables));
  }

  @Override
  public void bpmnError(LockedStep step, String errorCode, String message, Map<String, Object> variables) {
    retryingConflicts(() -> tasks.handleBpmnError(step.taskId(), workerId, errorCode, message, variables));
  }

  @Override
  public void fail(LockedStep step, String message, String details, int retries, long retryDelayMillis) {
    retryingConflicts(() -> tasks.handleFailure(step.taskId(), workerId, message, details, retries, retryDelayMillis));
  }

  private static void retryingConflicts(Runnable end) {
    StepTasks.retryingConflicts(end, OptimisticLockingException.class::isInstance);
  }
}
