package dev.storyflow.lifecycle;

import java.util.ArrayList;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.springframework.stereotype.Component;

/** Puts {@link CommandRules} in front of every command of the engine, in both transaction modes. */
@Component
class StoryRulesPlugin extends AbstractProcessEnginePlugin {

  @Override
  public void preInit(ProcessEngineConfigurationImpl configuration) {
    if (configuration.getCustomPreCommandInterceptorsTxRequired() == null) {
      configuration.setCustomPreCommandInterceptorsTxRequired(new ArrayList<>());
    }
    if (configuration.getCustomPreCommandInterceptorsTxRequiresNew() == null) {
      configuration.setCustomPreCommandInterceptorsTxRequiresNew(new ArrayList<>());
    }
    // one interceptor per chain: each knows its own next
    configuration.getCustomPreCommandInterceptorsTxRequired().add(new CommandRules(configuration));
    configuration.getCustomPreCommandInterceptorsTxRequiresNew().add(new CommandRules(configuration));
  }
}
