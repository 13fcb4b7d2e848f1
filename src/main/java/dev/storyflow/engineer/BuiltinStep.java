package dev.storyflow.engineer;

import dev.storyflow.lifecycle.Step;

/**
 * The deterministic work of one step, done without AI by the {@code builtin} agent. A feature
 * package contributes one bean per step it automates.
 */
public interface BuiltinStep {

  Step step();

  /**
   * @throws BackendEngineerNeededException when the step needs a human after all
   */
  StepResult perform(StepRequest request);
}
