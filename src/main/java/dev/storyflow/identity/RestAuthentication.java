package dev.storyflow.identity;

import jakarta.servlet.Filter;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import java.io.IOException;
import java.util.Set;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.rest.security.auth.AuthenticationProvider;
import org.camunda.bpm.engine.rest.security.auth.AuthenticationResult;
import org.camunda.bpm.webapp.impl.security.auth.Authentication;
import org.camunda.bpm.webapp.impl.security.auth.AuthenticationUtil;
import org.camunda.bpm.webapp.impl.security.auth.UserAuthentication;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * HTTP Basic against the Camunda identity on both REST doors, {@code /engine-rest} and
 * {@code /api}, with Camunda's own filter: one set of users and groups, however a user comes in.
 * The filter puts the user and its groups on the engine for the request, so the engine's
 * authorizations apply. Both doors share one {@link AuthenticationCache} of verified passwords,
 * group ids and tenant ids ({@code storyflow.security.authentication-cache}).
 *
 * <p>{@code /api} also lets a user logged into Camunda's webapps read with that session, so that
 * Cockpit's Storyflow plugin and the {@code /board} page need no second login. Only reads
 * (GET, HEAD): a request that changes something always needs HTTP Basic, so a session cookie a
 * browser sends by itself never changes anything. And since a browser may also send Basic
 * credentials it remembers, a state-changing request that the browser marks as coming from
 * another site ({@code Sec-Fetch-Site}) is refused on both doors.
 */
@Configuration(proxyBeanMethods = false)
class RestAuthentication {

  private static final Set<String> READS = Set.of("GET", "HEAD");

  @Bean
  AuthenticationCache authenticationCache(AuthenticationCacheProperties properties) {
    return new AuthenticationCache(properties.authenticationCache());
  }

  @Bean
  FilterRegistrationBean<Filter> engineRestAuthentication(AuthenticationCache cache) {
    return authentication("engine-rest-authentication", "/engine-rest", new CachedBasicAuthentication(cache), cache);
  }

  @Bean
  FilterRegistrationBean<Filter> apiAuthentication(AuthenticationCache cache) {
    return authentication("api-authentication", "/api", new WebappSessionOrBasic(cache), cache);
  }

  @Bean
  FilterRegistrationBean<Filter> crossSiteWriteGuard() {
    FilterRegistrationBean<Filter> registration = new FilterRegistrationBean<>(new CrossSiteWriteGuard());
    registration.setName("cross-site-write-guard");
    registration.addUrlPatterns("/engine-rest/*", "/api/*");
    // before the authentication filters: a refused request does not count as a login attempt
    registration.setOrder(Ordered.LOWEST_PRECEDENCE - 1);
    return registration;
  }

  private static FilterRegistrationBean<Filter> authentication(String name, String prefix,
      AuthenticationProvider provider, AuthenticationCache cache) {
    FilterRegistrationBean<Filter> registration =
        new FilterRegistrationBean<>(new CachedAuthenticationFilter(prefix, provider, cache));
    registration.setName(name);
    registration.addUrlPatterns(prefix + "/*");
    return registration;
  }

  /**
   * HTTP Basic; for a read without credentials, the user that Camunda's webapp login put in the
   * HTTP session (the session is that user's cache: no password is checked). The user's groups
   * are looked up as for Basic.
   */
  static class WebappSessionOrBasic extends CachedBasicAuthentication {

    WebappSessionOrBasic(AuthenticationCache cache) {
      super(cache);
    }

    @Override
    public AuthenticationResult extractAuthenticatedUser(HttpServletRequest request, ProcessEngine engine) {
      if (request.getHeader(HttpHeaders.AUTHORIZATION) == null && READS.contains(request.getMethod())) {
        String user = webappUser(request.getSession(false), engine);
        if (user != null) {
          return AuthenticationResult.successful(user);
        }
      }
      return super.extractAuthenticatedUser(request, engine);
    }

    private static String webappUser(HttpSession session, ProcessEngine engine) {
      if (session == null) {
        return null;
      }
      Authentication authentication = AuthenticationUtil.getAuthsFromSession(session)
          .getAuthenticationForProcessEngine(engine.getName());
      return authentication instanceof UserAuthentication user ? user.getIdentityId() : null;
    }
  }

  /**
   * Refuses a state-changing request that a browser sent from another site (Fetch Metadata):
   * such a request could carry Basic credentials the browser remembers without the user knowing.
   * Clients other than browsers send no {@code Sec-Fetch-Site} and are not affected.
   */
  static class CrossSiteWriteGuard extends OncePerRequestFilter {

    private static final Set<String> OTHER_SITES = Set.of("cross-site", "same-site");

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
        throws ServletException, IOException {
      String site = request.getHeader("Sec-Fetch-Site");
      if (site != null && OTHER_SITES.contains(site) && !READS.contains(request.getMethod())
          && !"OPTIONS".equals(request.getMethod())) {
        response.setStatus(HttpServletResponse.SC_FORBIDDEN);
        response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
        response.getWriter().write("{\"type\":\"about:blank\",\"title\":\"Forbidden\",\"status\":403,"
            + "\"detail\":\"A browser sent this request from another site; changes are accepted from this site "
            + "or from clients that are not browsers\"}");
        return;
      }
      chain.doFilter(request, response);
    }
  }
}
