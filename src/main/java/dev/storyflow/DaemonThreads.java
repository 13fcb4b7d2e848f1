package dev.storyflow;

import java.util.concurrent.ThreadFactory;

/**
 * Threads of Storyflow's own background work (the backend-engineer worker, notification delivery,
 * the service-level sweep): daemons, so they never keep a stopping JVM alive, and named after
 * their work, which is how logs, thread dumps and the benchmark's SQL counts tell them apart.
 */
public final class DaemonThreads {

  private DaemonThreads() {
  }

  /** A factory of daemon threads that all carry the given name. */
  public static ThreadFactory named(String name) {
    return runnable -> {
      Thread thread = new Thread(runnable, name);
      thread.setDaemon(true);
      return thread;
    };
  }
}
