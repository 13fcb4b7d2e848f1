package dev.storyflow.worker;

import java.util.HashMap;
import java.util.Map;
import org.camunda.bpm.client.exception.RestException;
import org.camunda.bpm.client.task.ExternalTaskService;
import org.camunda.bpm.client.variable.ClientValues;
import org.camunda.spin.plugin.variable.value.JsonValue;

/**
 * The external task operations over {@code /engine-rest}, with Camunda's external task client. A
 * collision (409) is tried again at once; a JSON report goes as the client's JSON value, so the
 * story keeps it as the same JSON variable an embedded worker sets.
 */
final class RestStepTasks implements StepTasks {

  private final ExternalTaskService tasks;

  RestStepTasks(ExternalTaskService tasks) {
    this.tasks = tasks;
  }

  @Override
  public void extendLock(LockedStep step, long millis) {
    try {
      tasks.extendLock(step.taskId(), millis);
    } catch (RestException e) {
      // 404: the task is gone; 400: its lock expired or belongs to another worker
      if (Integer.valueOf(404).equals(e.getHttpStatusCode()) || Integer.valueOf(400).equals(e.getHttpStatusCode())) {
        throw new LockRefusedException(e.getMessage(), e);
      }
      throw e;
    }
  }

  @Override
  public void complete(LockedStep step, Map<String, Object> variables) {
    retryingConflicts(() -> tasks.complete(step.taskId(), forClient(variables), null));
  }

  @Override
  public void bpmnError(LockedStep step, String errorCode, String message, Map<String, Object> variables) {
    retryingConflicts(() -> tasks.handleBpmnError(step.taskId(), errorCode, message, forClient(variables)));
  }

  @Override
  public void fail(LockedStep step, String message, String details, int retries, long retryDelayMillis) {
    retryingConflicts(() -> tasks.handleFailure(step.taskId(), message, details, retries, retryDelayMillis, null,
        null));
  }

  private static void retryingConflicts(Runnable end) {
    StepTasks.retryingConflicts(end, e -> e instanceof RestException rest && Integer.valueOf(409)
        .equals(rest.getHttpStatusCode()));
  }

  private static Map<String, Object> forClient(Map<String, Object> variables) {
    Map<String, Object> converted = new HashMap<>();
    variables.forEach((name, value) -> converted.put(name,
        value instanceof JsonValue json ? ClientValues.jsonValue(json.getValueSerialized()) : value));
    return converted;
  }
}
