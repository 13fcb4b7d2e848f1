package dev.storyflow.agent;

import dev.storyflow.agent.AgentProperties.StepSettings;
import dev.storyflow.lifecycle.Step;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.stereotype.Component;

/**
 * Says at start-up which agent does each step and warns about command agents that cannot run as
 * configured. Such a step still fails with an incident when a story reaches it; the warning lets
 * an operator fix it before.
 */
@Component
class AgentSettingsLog implements ApplicationRunner {

  private static final Logger LOG = LoggerFactory.getLogger(AgentSettingsLog.class);

  private final AgentProperties properties;
  private final AgentDefinitions definitions;

  AgentSettingsLog(AgentProperties properties, AgentDefinitions definitions) {
    this.properties = properties;
    this.definitions = definitions;
  }

  @Override
  public void run(ApplicationArguments args) {
    boolean anyCommand = false;
    for (Step step : Step.values()) {
      StepSettings settings = properties.forStep(step);
      if (settings.agent() == AgentKind.COMMAND) {
        anyCommand = true;
        LOG.info("Backend engineer step {}: command agent {} (timeout {})", step.code(), settings.command(),
            settings.timeout());
        new CommandLine(settings.command(), "storyflow.agent.steps." + step.code() + ".command").problems()
            .forEach(problem -> LOG.warn("Backend engineer step {} cannot run its agent: {}", step.code(), problem));
      } else {
        LOG.info("Backend engineer step {}: builtin", step.code());
      }
    }
    if (anyCommand) {
      try {
        AgentDefinition definition = definitions.load(properties.definition());
        LOG.info("Agent definition {} ({}), budget {} USD per story, {} retries", definition.name(),
            properties.definition(), properties.budgetUsd(), properties.retries());
      } catch (AgentMisconfiguredException e) {
        LOG.warn(e.getMessage());
      }
    }
  }
}
