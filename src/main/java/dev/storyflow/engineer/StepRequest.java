package dev.storyflow.engineer;

import dev.storyflow.lifecycle.Step;
import java.util.Map;

/**
 * What the backend engineer gets for one step.
 *
 * @param step the step
 * @param storyId the story (business key)
 * @param processInstanceId the story's process instance
 * @param variables a snapshot of the story's variables (story data, earlier reports)
 * @param humanCompleted a human backend engineer has just done the step in the fallback task,
 *     so only the step's checks run
 * @param agentResult what an external agent reported for this step before the step's checks run
 *     ({@code status}, {@code summary}, {@code changedFiles}, {@code notes}); empty when no agent
 *     ran. Checks may read it, never trust it.
 * @param taskId the external task that runs the step, or {@code null} outside a worker; its
 *     retries keep the id, so the runs of one task are the attempts at one step
 */
public record StepRequest(Step step, String storyId, String processInstanceId,
    Map<String, Object> variables, boolean humanCompleted, Map<String, Object> agentResult, String taskId) {

  public StepRequest {
    agentResult = agentResult == null ? Map.of() : agentResult;
  }

  public StepRequest(Step step, String storyId, String processInstanceId,
      Map<String, Object> variables, boolean humanCompleted) {
    this(step, storyId, processInstanceId, variables, humanCompleted, Map.of(), null);
  }

  /** The same request, carrying what the external agent reported. */
  public StepRequest withAgentResult(Map<String, Object> result) {
    return new StepRequest(step, storyId, processInstanceId, variables, humanCompleted, result, taskId);
  }
}
