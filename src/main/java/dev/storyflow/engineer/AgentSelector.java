package dev.storyflow.engineer;

import dev.storyflow.lifecycle.Step;
import java.util.Optional;

/**
 * Which external agent, if any, is configured for a step ({@code storyflow.agent.*}). The agent
 * package implements it; without an external agent a step is left to the builtin agent.
 */
public interface AgentSelector {

  /** The external agent for the step, or empty when the step uses the builtin agent. */
  Optional<Agent> externalAgentFor(Step step);
}
