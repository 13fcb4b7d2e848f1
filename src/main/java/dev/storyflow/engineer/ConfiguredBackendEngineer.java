package dev.storyflow.engineer;

import org.springframework.stereotype.Component;

/**
 * The {@link BackendEngineer}: hands each step to the agent configured for it. Only the
 * {@code builtin} agent exists so far.
 */
@Component
class ConfiguredBackendEngineer implements BackendEngineer {

  private final BuiltinAgent builtin;

  ConfiguredBackendEngineer(BuiltinAgent builtin) {
    this.builtin = builtin;
  }

  @Override
  public StepResult perform(StepRequest request) {
    return builtin.perform(request);
  }
}
