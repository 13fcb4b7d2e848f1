package dev.storyflow.worker;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The embedded worker that runs the backend engineer's external tasks.
 *
 * @param enabled run the worker on this node (on by default, with the job executor)
 * @param maxConcurrentRuns steps this node runs at once
 * @param lockDuration how long a fetched task stays locked without a heartbeat: a crashed node's
 *     step is taken over by another node after at most this long
 * @param idleWait the longest wait between two fetches when there is nothing to do; a new task
 *     wakes the worker at once
 */
@ConfigurationProperties("storyflow.worker")
public record WorkerProperties(
    @DefaultValue("true") boolean enabled,
    @DefaultValue("4") int maxConcurrentRuns,
    @DefaultValue("2m") Duration lockDuration,
    @DefaultValue("10s") Duration idleWait) {

  public WorkerProperties {
    if (maxConcurrentRuns < 1) {
      throw new IllegalArgumentException("storyflow.worker.max-concurrent-runs must be at least 1");
    }
    if (lockDuration.toSeconds() < 10) {
      throw new IllegalArgumentException("storyflow.worker.lock-duration must be at least 10s");
    }
  }
}
