package dev.storyflow.engineer;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.storyflow.lifecycle.Step;
import org.springframework.stereotype.Component;

/** Planned in Sprint: studies the story and plans the approach. */
@Component("implementationPlanning")
class ImplementationPlanning extends BackendEngineerTask {

  ImplementationPlanning(BackendEngineer backendEngineer, ObjectMapper json, SecretMask secrets) {
    super(backendEngineer, json, secrets);
  }

  @Override
  public Step step() {
    return Step.PLAN;
  }
}
