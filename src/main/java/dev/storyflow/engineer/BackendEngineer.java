package dev.storyflow.engineer;

/**
 * The backend-engineer role as a port: one call per service task. Implementations choose an
 * agent for the step, run it and check what it produced.
 */
public interface BackendEngineer {

  /**
   * Does the step, or only checks it when a human has done it.
   *
   * @throws BackendEngineerNeededException when the step needs a human backend engineer
   */
  StepResult perform(StepRequest request);
}
