package dev.storyflow.engineer;

/** Who does a step's work for the backend engineer: the builtin agent or an external one. */
public interface Agent {

  /**
   * @throws BackendEngineerNeededException when the agent cannot do the step
   */
  StepResult perform(StepRequest request);

  /**
   * The step's checks failed on the work this agent reported done. Returns what to throw: by
   * default the failure itself (the human fallback); an agent that can try again returns an
   * exception that makes the engine retry the step's job, giving it the failure report.
   */
  default RuntimeException checksFailed(StepRequest request, BackendEngineerNeededException failure) {
    return failure;
  }
}
