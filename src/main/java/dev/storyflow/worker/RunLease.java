package dev.storyflow.worker;

import java.time.Duration;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The lock one run holds on its step task, kept while the run lives: extended every third of the
 * lock duration, and given up by stopping the run. The run is stopped (its thread interrupted,
 * which stops the agent's, build's or scanner's process group, see
 * {@link dev.storyflow.process.ChildProcess}) as soon as the engine refuses an extension, because
 * the task is gone or locked by another worker, and also when no extension has succeeded for
 * {@link #STOP_BEFORE_EXPIRY five sixths} of the lock duration: a worker cut off from the engine
 * stops its run before the lock can run out and another worker can fetch the task. A lost run's
 * task is left alone: it is no longer this worker's to end.
 * <p>
 * Each lease's extension is a task of its own on a shared scheduler with a thread per run and one
 * more, so a slow extension request delays neither the other runs' extensions nor the check that
 * stops a run whose extensions keep failing.
 */
final class RunLease {

  private static final Logger LOG = LoggerFactory.getLogger(RunLease.class);
  /** The share of the lock duration after the last successful extension at which the run is stopped. */
  static final double STOP_BEFORE_EXPIRY = 5.0 / 6;

  private enum State { RUNNING, ENDED, LOST }

  private final LockedStep step;
  private final StepTasks tasks;
  private final long lockMillis;
  private final Thread run;
  private final ScheduledExecutorService timers;
  private final AtomicReference<State> state = new AtomicReference<>(State.RUNNING);
  /** When the last extension that succeeded was sent (the lock runs from then), in nanoTime. */
  private volatile long extendedAt;
  private volatile String lostBecause;
  private ScheduledFuture<?> heartbeat;
  private volatile ScheduledFuture<?> watchdog;

  private RunLease(LockedStep step, StepTasks tasks, Duration lockDuration, ScheduledExecutorService timers) {
    this.step = step;
    this.tasks = tasks;
    this.lockMillis = lockDuration.toMillis();
    this.run = Thread.currentThread();
    this.timers = timers;
    this.extendedAt = System.nanoTime();
  }

  /**
   * Holds the lock of a step just fetched, for the run on the calling thread.
   *
   * @param timers runs the heartbeat and the check; needs a thread per live run and one more
   */
  static RunLease hold(LockedStep step, StepTasks tasks, Duration lockDuration, ScheduledExecutorService timers) {
    RunLease lease = new RunLease(step, tasks, lockDuration, timers);
    long period = lease.lockMillis / 3;
    lease.heartbeat = timers.scheduleAtFixedRate(lease::extend, period, period, TimeUnit.MILLISECONDS);
    lease.watchdog = timers.schedule(lease::check, lease.stopAfterMillis(), TimeUnit.MILLISECONDS);
    return lease;
  }

  /**
   * Ends the lease once the run has returned: no more extensions. Returns whether the task is still
   * this worker's to end, {@code false} when the lease was lost and the run stopped (the run
   * thread's interrupt is cleared then, so the thread can serve the next run).
   */
  boolean end() {
    heartbeat.cancel(false);
    watchdog.cancel(false);
    if (state.compareAndSet(State.RUNNING, State.ENDED)) {
      return true;
    }
    Thread.interrupted();
    return false;
  }

  /** Why the run was stopped, once it was. */
  String lostBecause() {
    return lostBecause;
  }

  private void extend() {
    if (state.get() != State.RUNNING) {
      return;
    }
    long sent = System.nanoTime();
    try {
      tasks.extendLock(step, lockMillis);
      extendedAt = sent;
    } catch (LockRefusedException e) {
      lose("the engine refused to extend the lock of its task (" + e.getMessage() + ")");
    } catch (RuntimeException e) {
      LOG.warn("Could not extend the lock of step task {} of story {} (tried again in {} ms): {}", step.taskId(),
          step.storyId(), lockMillis / 3, e.getMessage());
    }
  }

  private void check() {
    if (state.get() != State.RUNNING) {
      return;
    }
    long silentMillis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - extendedAt);
    if (silentMillis >= stopAfterMillis()) {
      lose("no extension of its lock succeeded for " + silentMillis + " ms, and the lock of " + lockMillis
          + " ms may run out and the task go to another worker");
    } else {
      watchdog = timers.schedule(this::check, stopAfterMillis() - silentMillis, TimeUnit.MILLISECONDS);
    }
  }

  private long stopAfterMillis() {
    return (long) (lockMillis * STOP_BEFORE_EXPIRY);
  }

  private void lose(String because) {
    if (state.compareAndSet(State.RUNNING, State.LOST)) {
      lostBecause = because;
      LOG.warn("Stopping the run of step {} of story {} (task {}): {}", step.topic(), step.storyId(), step.taskId(),
          because);
      run.interrupt();
    }
  }
}
