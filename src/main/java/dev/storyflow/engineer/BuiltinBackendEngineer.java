package dev.storyflow.engineer;

import org.springframework.stereotype.Component;

/**
 * The {@code builtin} agent: the deterministic part of each step, no AI. None of the steps has
 * deterministic work of its own yet, so every step asks for a human backend engineer; once the
 * human completed the fallback task, the step is accepted as done.
 */
@Component
class BuiltinBackendEngineer implements BackendEngineer {

  @Override
  public StepResult perform(StepRequest request) {
    if (request.humanCompleted()) {
      return StepResult.withoutReport();
    }
    throw new BackendEngineerNeededException("No agent is configured for step '" + request.step().code()
        + "' of story " + request.storyId() + "; a backend engineer must do it by hand.");
  }
}
