package dev.storyflow.engineer;

import static dev.storyflow.lifecycle.StoryVariables.FALLBACK_REASON;
import static dev.storyflow.lifecycle.StoryVariables.FALLBACK_RESOLVED;
import static dev.storyflow.lifecycle.StoryVariables.FALLBACK_STEP;

import dev.storyflow.lifecycle.StoryProcess;
import java.util.Map;
import org.camunda.bpm.engine.delegate.BpmnError;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.spin.plugin.variable.SpinValues;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * Runs one backend-engineer step from its service task: hands the story to the
 * {@link BackendEngineer}, writes the report, or sends the story to the human fallback task
 * with BPMN error {@code BACKEND_ENGINEER_NEEDED}, whose message (the reason, which may quote what
 * an agent or a build printed) becomes {@code fallbackReason} with its secrets masked.
 */
abstract class BackendEngineerTask implements JavaDelegate {

  private static final Logger LOG = LoggerFactory.getLogger(BackendEngineerTask.class);

  private final BackendEngineer backendEngineer;
  private final ObjectMapper json;
  private final SecretMask secrets;

  BackendEngineerTask(BackendEngineer backendEngineer, ObjectMapper json, SecretMask secrets) {
    this.backendEngineer = backendEngineer;
    this.json = json;
    this.secrets = secrets;
  }

  abstract Step step();

  @Override
  public void execute(DelegateExecution execution) throws JsonProcessingException {
    Step step = step();
    boolean humanCompleted = step.code().equals(execution.getVariable(FALLBACK_STEP))
        && Boolean.TRUE.equals(execution.getVariable(FALLBACK_RESOLVED));
    StepRequest request = new StepRequest(step, execution.getProcessBusinessKey(),
        execution.getProcessInstanceId(), execution.getVariables(), humanCompleted);
    StepResult result;
    try {
      result = backendEngineer.perform(request);
    } catch (BackendEngineerNeededException e) {
      String reason = secrets.mask(e.getMessage());
      LOG.info("Story {} needs a human backend engineer for step {}: {}", request.storyId(), step.code(), reason);
      execution.setVariable(FALLBACK_STEP, step.code());
      execution.setVariable(FALLBACK_RESOLVED, Boolean.FALSE);
      if (!e.report().isEmpty()) {
        writeReport(execution, step, e.report());
      }
      throw new BpmnError(StoryProcess.ERROR_BACKEND_ENGINEER_NEEDED, reason);
    }
    if (humanCompleted) {
      execution.removeVariable(FALLBACK_STEP);
      execution.removeVariable(FALLBACK_RESOLVED);
      execution.removeVariable(FALLBACK_REASON);
    }
    if (result.hasReport()) {
      writeReport(execution, step, result.report());
    }
  }

  private void writeReport(DelegateExecution execution, Step step, Map<String, Object> report)
      throws JsonProcessingException {
    execution.setVariable(step.reportVariable(), SpinValues.jsonValue(json.writeValueAsString(report)).create());
  }
}
