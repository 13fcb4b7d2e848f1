package dev.storyflow.engineer;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.storyflow.lifecycle.Step;
import org.springframework.stereotype.Component;

/** Security review: addresses the security expert's concerns. */
@Component("securityFix")
class SecurityFix extends BackendEngineerTask {

  SecurityFix(BackendEngineer backendEngineer, ObjectMapper json, SecretMask secrets) {
    super(backendEngineer, json, secrets);
  }

  @Override
  public Step step() {
    return Step.SECURITY_FIX;
  }
}
