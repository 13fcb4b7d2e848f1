package dev.storyflow.worker;

import java.net.URI;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The worker that runs the backend engineer's external tasks: embedded in a Storyflow node, or a
 * remote worker process against an engine node's {@code /engine-rest}.
 *
 * @param enabled run the embedded worker on this node (on by default, with the job executor)
 * @param maxConcurrentRuns steps this node or worker runs at once
 * @param lockDuration how long a fetched task stays locked without a heartbeat: a crashed node's
 *     step is taken over by another node after at most this long plus {@code idleWait}: with the
 *     defaults (100 s and 10 s), within two minutes
 * @param idleWait the longest wait between two fetches when there is nothing to do (a remote
 *     worker's long poll); a new task wakes the embedded worker at once
 * @param engineUrl set on a remote worker only: the engine node's {@code /engine-rest}, e.g.
 *     {@code http://storyflow:8080/engine-rest}; the worker then runs no engine of its own
 * @param username the backend-engineer service account remote workers log in with; on an engine
 *     node, the account is created (or completed) at start-up when set
 * @param password its password
 */
@ConfigurationProperties("storyflow.worker")
public record WorkerProperties(
    @DefaultValue("true") boolean enabled,
    @DefaultValue("4") int maxConcurrentRuns,
    @DefaultValue("100s") Duration lockDuration,
    @DefaultValue("10s") Duration idleWait,
    URI engineUrl,
    String username,
    String password) {

  public WorkerProperties {
    if (maxConcurrentRuns < 1) {
      throw new IllegalArgumentException("storyflow.worker.max-concurrent-runs must be at least 1");
    }
    if (lockDuration.toSeconds() < 10) {
      throw new IllegalArgumentException("storyflow.worker.lock-duration must be at least 10s");
    }
    username = username == null || username.isBlank() ? null : username.strip();
    password = password == null || password.isEmpty() ? null : password;
    if (engineUrl != null && (username == null || password == null)) {
      throw new IllegalArgumentException("A remote worker (storyflow.worker.engine-url) needs the backend-engineer "
          + "service account's storyflow.worker.username and storyflow.worker.password");
    }
    if (username != null && password == null) {
      throw new IllegalArgumentException("storyflow.worker.username is set without storyflow.worker.password");
    }
  }

  /** Whether the service account for remote workers is configured. */
  boolean hasServiceAccount() {
    return username != null;
  }
}
