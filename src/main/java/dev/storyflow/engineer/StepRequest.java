package dev.storyflow.engineer;

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
 */
public record StepRequest(Step step, String storyId, String processInstanceId,
    Map<String, Object> variables, boolean humanCompleted) {
}
