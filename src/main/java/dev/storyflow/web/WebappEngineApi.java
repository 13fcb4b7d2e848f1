package dev.storyflow.web;

import jakarta.servlet.ServletContext;
import jakarta.servlet.ServletRegistration;
import org.camunda.bpm.spring.boot.starter.property.CamundaBpmProperties;
import org.camunda.bpm.webapp.impl.engine.EngineRestApplication;
import org.glassfish.jersey.server.ResourceConfig;
import org.glassfish.jersey.servlet.ServletContainer;
import org.springframework.boot.web.servlet.ServletContextInitializer;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * The webapps' engine API answers Storyflow's refusals as {@code /engine-rest} does. Tasklist
 * completes tasks and starts stories through {@code /camunda/api/engine/engine/default/...}, a
 * Jersey application of Camunda's webapp that {@link EngineRestErrors} does not reach: there an
 * invalid decision was a 500 with an {@code ENGINE-} code. This registers that servlet ("Engine
 * Api", Camunda's {@link EngineRestApplication}) before Camunda's webapp initializer runs, with
 * Storyflow's exception mappers and JSON body guard added; Camunda's initializer keeps a servlet
 * it finds registered under that name.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE)
class WebappEngineApi implements ServletContextInitializer {

  static final String SERVLET_NAME = "Engine Api";

  private final CamundaBpmProperties camunda;

  WebappEngineApi(CamundaBpmProperties camunda) {
    this.camunda = camunda;
  }

  @Override
  public void onStartup(ServletContext servletContext) {
    ResourceConfig api = new ResourceConfig(new EngineRestApplication().getClasses())
        .register(EngineRestErrors.StoryRuleMapper.class)
        .register(EngineRestErrors.EngineExceptionMapper.class)
        .register(JsonBodyGuard.class);
    ServletRegistration.Dynamic servlet = servletContext.addServlet(SERVLET_NAME, new ServletContainer(api));
    servlet.addMapping(camunda.getWebapp().getApplicationPath() + "/api/engine/*");
  }
}
