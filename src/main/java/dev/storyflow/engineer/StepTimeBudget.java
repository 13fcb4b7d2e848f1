package dev.storyflow.engineer;

import java.time.Duration;
import java.util.Optional;

/**
 * How long a feature can keep one step's job busy (an agent run, a build), with the setting that
 * bounds it. The {@link LockTimeCheck} adds the budgets up per step.
 */
public interface StepTimeBudget {

  /** The longest this feature can take in {@code step}, or empty when it takes no part in it. */
  Optional<Bound> longest(Step step);

  /**
   * @param duration the longest time
   * @param setting the configuration key and value that bound it, e.g. {@code storyflow.agent.timeout = PT10M}
   */
  record Bound(Duration duration, String setting) {
  }
}
