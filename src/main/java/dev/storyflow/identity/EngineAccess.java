package dev.storyflow.identity;

import java.util.function.Supplier;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.springframework.stereotype.Component;

/**
 * Runs engine reads for Storyflow's own API without the caller's engine authorizations. The API
 * decides who may read what (every team member reads every story); the engine's per-task
 * authorizations stay in force for Tasklist and for completing tasks.
 */
@Component
public class EngineAccess {

  private final IdentityService identityService;

  EngineAccess(IdentityService identityService) {
    this.identityService = identityService;
  }

  public <T> T asSystem(Supplier<T> read) {
    Authentication caller = identityService.getCurrentAuthentication();
    identityService.clearAuthentication();
    try {
      return read.get();
    } finally {
      if (caller != null) {
        identityService.setAuthentication(caller);
      }
    }
  }
}
