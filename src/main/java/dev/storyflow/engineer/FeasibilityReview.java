package dev.storyflow.engineer;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.springframework.stereotype.Component;

/** Draft: judges feasibility and complexity from the backend side. */
@Component("feasibilityReview")
class FeasibilityReview extends BackendEngineerTask {

  FeasibilityReview(BackendEngineer backendEngineer, ObjectMapper json) {
    super(backendEngineer, json);
  }

  @Override
  Step step() {
    return Step.FEASIBILITY;
  }
}
