package dev.storyflow.engineer;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.storyflow.lifecycle.Step;
import org.springframework.stereotype.Component;

/** Security review: checks the story branch before the security expert looks. */
@Component("securitySelfCheck")
class SecuritySelfCheck extends BackendEngineerTask {

  SecuritySelfCheck(BackendEngineer backendEngineer, ObjectMapper json, SecretMask secrets) {
    super(backendEngineer, json, secrets);
  }

  @Override
  public Step step() {
    return Step.SECURITY_SCAN;
  }
}
