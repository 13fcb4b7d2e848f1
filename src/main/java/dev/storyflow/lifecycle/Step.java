package dev.storyflow.lifecycle;

import java.util.Arrays;
import java.util.Optional;

/**
 * The backend engineer's steps: one per service task. The code is the step name used in
 * configuration ({@code storyflow.agent.steps.{code}.*}) and in {@code fallbackStep}.
 */
public enum Step {
  FEASIBILITY("feasibility", StoryProcess.TASK_FEASIBILITY_REVIEW, StoryVariables.FEASIBILITY),
  PLAN("plan", StoryProcess.TASK_PLAN_IMPLEMENTATION, StoryVariables.IMPLEMENTATION_PLAN),
  IMPLEMENT("implement", StoryProcess.TASK_IMPLEMENT, StoryVariables.IMPLEMENTATION),
  SECURITY_SCAN("securityScan", StoryProcess.TASK_SECURITY_SCAN, StoryVariables.SECURITY_SCAN),
  SECURITY_FIX("securityFix", StoryProcess.TASK_ADDRESS_SECURITY_CONCERNS, StoryVariables.SECURITY_SCAN),
  DEPLOYMENT("deployment", StoryProcess.TASK_PREPARE_DEPLOYMENT, StoryVariables.DEPLOYMENT),
  INTEGRATION_SUPPORT("integrationSupport", StoryProcess.TASK_INTEGRATION_SUPPORT, StoryVariables.INTEGRATION_SUPPORT);

  private final String code;
  private final String taskId;
  private final String reportVariable;

  Step(String code, String taskId, String reportVariable) {
    this.code = code;
    this.taskId = taskId;
    this.reportVariable = reportVariable;
  }

  public String code() {
    return code;
  }

  /** The external task topic of the step's service task, e.g. {@code backend-engineer.implement}. */
  public String topic() {
    return StoryProcess.TOPIC_PREFIX + code;
  }

  public static Optional<Step> ofTopic(String topic) {
    return Arrays.stream(values()).filter(s -> s.topic().equals(topic)).findFirst();
  }

  /** The service task that runs the step. */
  public String taskId() {
    return taskId;
  }

  /** The JSON variable the step's report is written to. */
  public String reportVariable() {
    return reportVariable;
  }

  public static Optional<Step> ofCode(String code) {
    return Arrays.stream(values()).filter(s -> s.code.equals(code)).findFirst();
  }
}
