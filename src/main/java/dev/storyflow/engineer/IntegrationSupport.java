package dev.storyflow.engineer;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.storyflow.lifecycle.Step;
import org.springframework.stereotype.Component;

/**
 * Integration and E2E testing: helps QA with an integration or API problem. The story keeps its
 * status; the report {@code integrationSupport} goes back to a new QA task.
 */
@Component("integrationSupport")
class IntegrationSupport extends BackendEngineerTask {

  IntegrationSupport(BackendEngineer backendEngineer, ObjectMapper json, SecretMask secrets) {
    super(backendEngineer, json, secrets);
  }

  @Override
  public Step step() {
    return Step.INTEGRATION_SUPPORT;
  }
}
