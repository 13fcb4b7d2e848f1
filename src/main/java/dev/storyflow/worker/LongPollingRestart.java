package dev.storyflow.worker;

import jakarta.servlet.ServletContextEvent;
import org.camunda.bpm.engine.rest.impl.FetchAndLockContextListener;
import org.springframework.core.Ordered;
import org.springframework.stereotype.Component;

/**
 * Lets the next web application in this JVM long-poll again after one has stopped. The engine
 * REST's long-polling fetch-and-lock handler is one per JVM: Camunda's
 * {@link FetchAndLockContextListener} keeps it in a static field, makes and starts it only while
 * that field is empty, and stops its thread when a web application stops, without emptying the
 * field. A second web application in the same JVM (the next Spring context of a test run, a
 * restarted context) would then queue every long-polling request of its remote workers on a
 * stopped handler, and they would wait forever without an error.
 * <p>
 * This listener is registered before Camunda's, so the servlet container stops it after Camunda's
 * has stopped the handler; it then empties the field, and the next web application starts a
 * handler of its own.
 */
@Component
class LongPollingRestart extends FetchAndLockContextListener implements Ordered {

  @Override
  public void contextInitialized(ServletContextEvent event) {
    // Camunda's own listener makes and starts the handler
  }

  @Override
  public void contextDestroyed(ServletContextEvent event) {
    fetchAndLockHandler = null;
  }

  @Override
  public int getOrder() {
    return Ordered.HIGHEST_PRECEDENCE;
  }
}
