package dev.storyflow.agent;

import dev.storyflow.engineer.Step;
import dev.storyflow.engineer.StepTimeBudget;
import dev.storyflow.agent.AgentProperties.StepSettings;
import java.util.Optional;
import org.springframework.stereotype.Component;

/** An agent run can take up to its step's timeout (counted for every step, whichever agent it uses now). */
@Component
class AgentTimeBudget implements StepTimeBudget {

  private final AgentProperties agents;

  AgentTimeBudget(AgentProperties agents) {
    this.agents = agents;
  }

  @Override
  public Optional<Bound> longest(Step step) {
    StepSettings settings = agents.forStep(step);
    boolean own = agents.steps().of(step).timeout() != null;
    String key = own ? "storyflow.agent.steps." + step.code() + ".timeout" : "storyflow.agent.timeout";
    return Optional.of(new Bound(settings.timeout(), key + " = " + settings.timeout()));
  }
}
