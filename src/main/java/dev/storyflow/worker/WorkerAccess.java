package dev.storyflow.worker;

import dev.storyflow.identity.AccessDeniedException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.servlet.HandlerInterceptor;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/**
 * The worker API ({@value #PATH}) answers the backend-engineer service account
 * ({@code storyflow.worker.username}) only: 403 for every other user, and for everyone when no
 * account is configured. The login itself is HTTP Basic, as on all of {@code /api}.
 */
@Configuration(proxyBeanMethods = false)
class WorkerAccess implements WebMvcConfigurer, HandlerInterceptor {

  static final String PATH = "/api/worker";

  private final IdentityService identityService;
  private final WorkerProperties properties;

  WorkerAccess(IdentityService identityService, WorkerProperties properties) {
    this.identityService = identityService;
    this.properties = properties;
  }

  @Override
  public void addInterceptors(InterceptorRegistry registry) {
    registry.addInterceptor(this).addPathPatterns(PATH + "/**");
  }

  @Override
  public boolean preHandle(HttpServletRequest request, HttpServletResponse response, Object handler) {
    Authentication caller = identityService.getCurrentAuthentication();
    if (caller == null) {
      throw new AccessDeniedException("Authentication required");
    }
    if (!properties.hasServiceAccount() || !properties.username().equals(caller.getUserId())) {
      throw new AccessDeniedException("Only the backend-engineer service account (storyflow.worker.username) "
          + "may use the worker API");
    }
    return true;
  }
}
