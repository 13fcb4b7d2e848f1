package dev.storyflow.engineer;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.storyflow.lifecycle.Step;
import org.springframework.stereotype.Component;

/** In-progress: builds the server-side feature with unit tests. */
@Component("codeImplementation")
class CodeImplementation extends BackendEngineerTask {

  CodeImplementation(BackendEngineer backendEngineer, ObjectMapper json, SecretMask secrets) {
    super(backendEngineer, json, secrets);
  }

  @Override
  public Step step() {
    return Step.IMPLEMENT;
  }
}
