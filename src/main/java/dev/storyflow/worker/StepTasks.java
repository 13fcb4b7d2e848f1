package dev.storyflow.worker;

import java.util.Map;
import java.util.function.Predicate;

/**
 * The engine's external task operations, as a worker uses them on the tasks it locked: the
 * engine's Java API on a Storyflow node ({@link EngineStepTasks}), {@code /engine-rest} on a remote
 * worker ({@link RestStepTasks}).
 */
interface StepTasks {

  /**
   * Keeps the task locked for this worker for {@code millis} from now.
   *
   * @throws LockRefusedException when the engine refuses: the task is gone, or not locked by this
   *     worker any more; any other exception is a failed request, worth trying again
   */
  void extendLock(LockedStep step, long millis);

  /** Completes the task, setting the variables on the story ({@code null} clears one). */
  void complete(LockedStep step, Map<String, Object> variables);

  /** Ends the task with a BPMN error, setting the variables on the story. */
  void bpmnError(LockedStep step, String errorCode, String message, Map<String, Object> variables);

  /** Reports a failure: retried {@code retries} more times, {@code retryDelayMillis} apart, then an incident. */
  void fail(LockedStep step, String message, String details, int retries, long retryDelayMillis);

  /**
   * Ends a task, trying again at once when it collided with another change of the story (a human
   * completing a task of it at the same moment), not after a retry delay.
   */
  static void retryingConflicts(Runnable end, Predicate<RuntimeException> isConflict) {
    for (int attempt = 1; ; attempt++) {
      try {
        end.run();
        return;
      } catch (RuntimeException e) {
        if (!isConflict.test(e) || attempt == 3) {
          throw e;
        }
      }
    }
  }
}
