package dev.storyflow.engineer;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.storyflow.lifecycle.Step;
import org.springframework.stereotype.Component;

/** Draft: judges feasibility and complexity from the backend side. */
@Component("feasibilityReview")
class FeasibilityReview extends BackendEngineerTask {

  FeasibilityReview(BackendEngineer backendEngineer, ObjectMapper json, SecretMask secrets) {
    super(backendEngineer, json, secrets);
  }

  @Override
  public Step step() {
    return Step.FEASIBILITY;
  }
}
