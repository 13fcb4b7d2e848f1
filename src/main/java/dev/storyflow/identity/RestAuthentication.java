package dev.storyflow.identity;

import jakarta.servlet.Filter;
import org.camunda.bpm.engine.rest.security.auth.ProcessEngineAuthenticationFilter;
import org.camunda.bpm.engine.rest.security.auth.impl.HttpBasicAuthenticationProvider;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * HTTP Basic against the Camunda identity on both REST doors, {@code /engine-rest} and
 * {@code /api}, with Camunda's own filter: one set of users and groups, however a user comes in.
 * The filter puts the user and its groups on the engine for the request, so the engine's
 * authorizations apply.
 */
@Configuration(proxyBeanMethods = false)
class RestAuthentication {

  @Bean
  FilterRegistrationBean<Filter> engineRestAuthentication() {
    return basicAuthentication("engine-rest-authentication", "/engine-rest");
  }

  @Bean
  FilterRegistrationBean<Filter> apiAuthentication() {
    return basicAuthentication("api-authentication", "/api");
  }

  private static FilterRegistrationBean<Filter> basicAuthentication(String name, String prefix) {
    FilterRegistrationBean<Filter> registration = new FilterRegistrationBean<>(new ProcessEngineAuthenticationFilter());
    registration.setName(name);
    registration.addUrlPatterns(prefix + "/*");
    registration.addInitParameter(ProcessEngineAuthenticationFilter.AUTHENTICATION_PROVIDER_PARAM,
        HttpBasicAuthenticationProvider.class.getName());
    registration.addInitParameter(ProcessEngineAuthenticationFilter.SERVLET_PATH_PREFIX, prefix);
    return registration;
  }
}
