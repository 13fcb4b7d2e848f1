package dev.storyflow.identity;

import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.ProcessEngineImpl;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Sets up groups, authorizations, Tasklist filters and demo users in one transaction as soon as
 * the engine is built, before any request is served. Nodes of a cluster may start together: a node
 * that loses a race on the same row tries once more, and then finds everything in place.
 */
@Component
class IdentityStartup extends AbstractProcessEnginePlugin {

  private static final Logger LOG = LoggerFactory.getLogger(IdentityStartup.class);

  private final DemoProperties demo;

  IdentityStartup(DemoProperties demo) {
    this.demo = demo;
  }

  @Override
  public void postProcessEngineBuild(ProcessEngine engine) {
    try {
      setUp(engine);
    } catch (RuntimeException e) {
      LOG.warn("Identity set-up collided with another node ({}); trying once more", e.getMessage());
      setUp(engine);
    }
  }

  /** One transaction: the set-up is a few hundred small writes, and a commit for each would cost start-up time. */
  private void setUp(ProcessEngine engine) {
    ((ProcessEngineImpl) engine).getProcessEngineConfiguration().getCommandExecutorTxRequired().execute(command -> {
      new TeamSetup(engine).apply();
      new DemoUsers(engine.getIdentityService(), demo).apply();
      return null;
    });
  }
}
