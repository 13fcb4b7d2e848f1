package dev.storyflow.identity;

import jakarta.servlet.FilterConfig;
import java.util.List;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.rest.security.auth.AuthenticationProvider;
import org.camunda.bpm.engine.rest.security.auth.ProcessEngineAuthenticationFilter;

/**
 * Camunda's REST authentication filter, given its provider by Spring rather than by class name,
 * and with the {@link AuthenticationCache} in front of its lookup of the user's groups and tenants.
 */
class CachedAuthenticationFilter extends ProcessEngineAuthenticationFilter {

  private final AuthenticationCache cache;

  CachedAuthenticationFilter(String servletPathPrefix, AuthenticationProvider provider, AuthenticationCache cache) {
    this.servletPathPrefix = servletPathPrefix;
    this.authenticationProvider = provider;
    this.cache = cache;
  }

  @Override
  public void init(FilterConfig config) {
    // configured by the constructor: Camunda's init would create a provider from an init parameter
  }

  @Override
  protected List<String> getGroupsOfUser(ProcessEngine engine, String userId) {
    return cache.groupIds(userId, () -> super.getGroupsOfUser(engine, userId));
  }

  @Override
  protected List<String> getTenantsOfUser(ProcessEngine engine, String userId) {
    return cache.tenantIds(userId, () -> super.getTenantsOfUser(engine, userId));
  }
}
