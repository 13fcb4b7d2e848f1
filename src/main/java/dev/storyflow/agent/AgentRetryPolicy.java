package dev.storyflow.agent;

import dev.storyflow.engineer.RetryPolicy;
import java.time.Duration;
import org.springframework.stereotype.Component;

/**
 * Failed steps run again {@code storyflow.agent.retries} times, {@code retry-delay} apart; an
 * agent that cannot run as configured is an incident at once, since running it again cannot help.
 */
@Component
class AgentRetryPolicy implements RetryPolicy {

  private final AgentProperties properties;

  AgentRetryPolicy(AgentProperties properties) {
    this.properties = properties;
  }

  @Override
  public int retries() {
    return properties.retries();
  }

  @Override
  public Duration retryDelay() {
    return properties.retryDelay();
  }

  @Override
  public boolean worthRetrying(Throwable failure) {
    for (Throwable t = failure; t != null; t = t.getCause()) {
      if (t instanceof AgentMisconfiguredException) {
        return false;
      }
    }
    return true;
  }
}
