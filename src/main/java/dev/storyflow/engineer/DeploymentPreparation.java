package dev.storyflow.engineer;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.storyflow.lifecycle.Step;
import org.springframework.stereotype.Component;

/** Configuring DevOps: prepares environment configuration and deployment scripts. */
@Component("deploymentPreparation")
class DeploymentPreparation extends BackendEngineerTask {

  DeploymentPreparation(BackendEngineer backendEngineer, ObjectMapper json, SecretMask secrets) {
    super(backendEngineer, json, secrets);
  }

  @Override
  public Step step() {
    return Step.DEPLOYMENT;
  }
}
