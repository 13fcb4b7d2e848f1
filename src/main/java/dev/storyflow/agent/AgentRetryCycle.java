package dev.storyflow.agent;

import org.springframework.stereotype.Component;

/**
 * The retry cycle of the backend engineer's service tasks, from {@code storyflow.agent.retries}
 * and {@code retry-delay}; the BPMN reads it as {@code camunda:failedJobRetryTimeCycle}
 * {@code ${agentRetryCycle.cycle()}}. Camunda counts executions, so {@code R} is the retries plus
 * the first run. Public, since the engine's expression language calls it by reflection.
 */
@Component("agentRetryCycle")
public class AgentRetryCycle {

  private final AgentProperties properties;

  AgentRetryCycle(AgentProperties properties) {
    this.properties = properties;
  }

  /** For example {@code R3/PT1M}: three runs in all, one minute apart. */
  public String cycle() {
    return "R" + (properties.retries() + 1) + "/" + properties.retryDelay();
  }
}
