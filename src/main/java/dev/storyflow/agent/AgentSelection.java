package dev.storyflow.agent;

import dev.storyflow.engineer.Agent;
import dev.storyflow.engineer.AgentSelector;
import dev.storyflow.lifecycle.Step;
import java.util.Optional;
import org.springframework.stereotype.Component;

/** Picks each step's agent from {@code storyflow.agent.agent} and {@code storyflow.agent.steps.*}. */
@Component
class AgentSelection implements AgentSelector {

  private final AgentProperties properties;
  private final CommandAgent commandAgent;

  AgentSelection(AgentProperties properties, CommandAgent commandAgent) {
    this.properties = properties;
    this.commandAgent = commandAgent;
  }

  @Override
  public Optional<Agent> externalAgentFor(Step step) {
    return properties.forStep(step).agent() == AgentKind.COMMAND ? Optional.of(commandAgent) : Optional.empty();
  }
}
