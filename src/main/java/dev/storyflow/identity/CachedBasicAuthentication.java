package dev.storyflow.identity;

import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.rest.security.auth.impl.HttpBasicAuthenticationProvider;

/**
 * Camunda's HTTP Basic, with the {@link AuthenticationCache} in front of the engine's password
 * check. A password the cache does not know is checked by the engine as before, with its login
 * delay and lock; only a successful check is kept.
 */
class CachedBasicAuthentication extends HttpBasicAuthenticationProvider {

  private final AuthenticationCache cache;

  CachedBasicAuthentication(AuthenticationCache cache) {
    this.cache = cache;
  }

  @Override
  protected boolean isAuthenticated(ProcessEngine engine, String userId, String password) {
    long generation = cache.generation();
    if (cache.knowsPassword(userId, password)) {
      return true;
    }
    boolean verified = super.isAuthenticated(engine, userId, password);
    if (verified) {
      cache.rememberPassword(generation, userId, password);
    }
    return verified;
  }
}
