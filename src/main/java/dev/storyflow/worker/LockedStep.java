package dev.storyflow.worker;

import java.util.Map;
import org.camunda.bpm.engine.externaltask.LockedExternalTask;

/**
 * A backend-engineer step task that a worker has fetched and locked, however it was fetched:
 * through the engine's Java API or over {@code /engine-rest}.
 *
 * @param taskId the external task
 * @param topic its topic, {@code backend-engineer.{step}}
 * @param storyId the story (business key)
 * @param processInstanceId the story's process instance
 * @param retries the retries left, {@code null} before the first failure
 * @param variables the story's variables, fetched with the task
 */
record LockedStep(String taskId, String topic, String storyId, String processInstanceId, Integer retries,
    Map<String, Object> variables) {

  static LockedStep of(LockedExternalTask task) {
    return new LockedStep(task.getId(), task.getTopicName(), task.getBusinessKey(), task.getProcessInstanceId(),
        task.getRetries(), task.getVariables());
  }
}
