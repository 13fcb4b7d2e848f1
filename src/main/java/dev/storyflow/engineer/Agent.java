package dev.storyflow.engineer;

/** Who does a step's work for the backend engineer: the builtin agent or an external one. */
public interface Agent {

  /**
   * @throws BackendEngineerNeededException when the agent cannot do the step
   */
  StepResult perform(StepRequest request);
}
