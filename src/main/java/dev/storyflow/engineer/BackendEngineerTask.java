package dev.storyflow.engineer;

import static dev.storyflow.lifecycle.StoryVariables.FALLBACK_REASON;
import static dev.storyflow.lifecycle.StoryVariables.FALLBACK_RESOLVED;
import static dev.storyflow.lifecycle.StoryVariables.FALLBACK_STEP;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.storyflow.lifecycle.Step;
import java.io.UncheckedIOException;
import java.util.HashMap;
import java.util.Map;
import org.camunda.spin.plugin.variable.SpinValues;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs one backend-engineer step for the worker that locked its external task: hands the story
 * to the {@link BackendEngineer} and says how the task ends, with the step's report, or with BPMN
 * error {@code BACKEND_ENGINEER_NEEDED} for the human fallback, whose message (the reason, which
 * may quote what an agent or a build printed) becomes {@code fallbackReason} with its secrets
 * masked. It touches no engine and holds no transaction, so the run may take as long as it needs.
 * Any other exception is a failure of the step, retried by the worker.
 */
public abstract class BackendEngineerTask {

  private static final Logger LOG = LoggerFactory.getLogger(BackendEngineerTask.class);

  private final BackendEngineer backendEngineer;
  private final ObjectMapper json;
  private final SecretMask secrets;

  BackendEngineerTask(BackendEngineer backendEngineer, ObjectMapper json, SecretMask secrets) {
    this.backendEngineer = backendEngineer;
    this.json = json;
    this.secrets = secrets;
  }

  public abstract Step step();

  /**
   * @param storyId the business key
   * @param processInstanceId the story's process instance
   * @param taskId the external task being worked on
   * @param variables the story's variables, as fetched with the task
   */
  public StepOutcome handle(String storyId, String processInstanceId, String taskId, Map<String, Object> variables) {
    Step step = step();
    boolean humanCompleted = step.code().equals(variables.get(FALLBACK_STEP))
        && Boolean.TRUE.equals(variables.get(FALLBACK_RESOLVED));
    StepRequest request = new StepRequest(step, storyId, processInstanceId, variables, humanCompleted, Map.of(), taskId);
    Map<String, Object> out = new HashMap<>();
    StepResult result;
    try {
      result = backendEngineer.perform(request);
    } catch (BackendEngineerNeededException e) {
      String reason = secrets.mask(e.getMessage());
      LOG.info("Story {} needs a human backend engineer for step {}: {}", storyId, step.code(), reason);
      out.put(FALLBACK_STEP, step.code());
      out.put(FALLBACK_RESOLVED, Boolean.FALSE);
      if (!e.report().isEmpty()) {
        out.put(step.reportVariable(), report(e.report()));
      }
      return StepOutcome.needsHuman(reason, out);
    }
    if (humanCompleted) {
      out.put(FALLBACK_STEP, null);
      out.put(FALLBACK_RESOLVED, null);
      out.put(FALLBACK_REASON, null);
    }
    if (result.hasReport()) {
      out.put(step.reportVariable(), report(result.report()));
    }
    return StepOutcome.done(out);
  }

  private Object report(Map<String, Object> report) {
    try {
      return SpinValues.jsonValue(json.writeValueAsString(report)).create();
    } catch (JsonProcessingException e) {
      throw new UncheckedIOException(e);
    }
  }
}
