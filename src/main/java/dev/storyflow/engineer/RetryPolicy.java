package dev.storyflow.engineer;

import java.time.Duration;

/** How often, and how soon, a failed step runs again before it becomes an incident. */
public interface RetryPolicy {

  /** Runs after the first one ({@code storyflow.agent.retries}). */
  int retries();

  /** The wait before the next run ({@code storyflow.agent.retry-delay}). */
  Duration retryDelay();

  /** Whether running the step again can help: a misconfiguration becomes an incident at once. */
  boolean worthRetrying(Throwable failure);
}
