package dev.storyflow.worker;

import static org.assertj.core.api.Assertions.assertThat;

import dev.storyflow.DaemonThreads;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * A run's lease on its task: kept while extensions succeed; lost, and the run's thread
 * interrupted, when the engine refuses one or none succeeds for most of the lock duration; and one
 * lease's hanging extension request holds up neither another lease's extensions nor its own stop.
 */
class RunLeaseTest {

  static final Duration LOCK = Duration.ofMillis(900);

  final ScheduledThreadPoolExecutor timers = new ScheduledThreadPoolExecutor(3, DaemonThreads.named("test-heartbeat"));

  @AfterEach
  void stop() {
    timers.shutdownNow();
  }

  @Test
  void aLeaseWhoseExtensionsSucceedIsKept() throws Exception {
    AtomicInteger extensions = new AtomicInteger();
    RunLease lease = RunLease.hold(step("t1"), tasks(step -> extensions.incrementAndGet()), LOCK, timers);
    boolean interrupted = sleep(LOCK.multipliedBy(3));
    assertThat(lease.end()).isTrue();
    assertThat(interrupted).isFalse();
    assertThat(extensions.get()).as("extensions in three lock durations").isGreaterThanOrEqualTo(3);
  }

  @Test
  void aRefusedExtensionStopsTheRun() throws Exception {
    RunLease lease = RunLease.hold(step("t1"), tasks(step -> {
      throw new LockRefusedException("locked by another worker", null);
    }), LOCK, timers);
    assertThat(sleep(Duration.ofSeconds(30))).as("the run's thread was interrupted").isTrue();
    assertThat(lease.end()).isFalse();
    assertThat(Thread.currentThread().isInterrupted()).as("interrupt cleared for the next run").isFalse();
    assertThat(lease.lostBecause()).contains("refused").contains("locked by another worker");
  }

  @Test
  void failingExtensionsStopTheRunBeforeTheLockRunsOut() throws Exception {
    AtomicInteger tries = new AtomicInteger();
    RunLease lease = RunLease.hold(step("t1"), tasks(step -> {
      tries.incrementAndGet();
      throw new IllegalStateException("engine node unreachable");
    }), LOCK, timers);
    assertThat(sleep(Duration.ofSeconds(30))).isTrue();
    assertThat(lease.end()).isFalse();
    assertThat(lease.lostBecause()).contains("no extension of its lock succeeded");
    assertThat(tries.get()).as("it kept trying until then").isGreaterThanOrEqualTo(2);
  }

  @Test
  void aHangingExtensionHoldsUpNeitherOtherRunsNorItsOwnStop() throws Exception {
    CountDownLatch release = new CountDownLatch(1);
    AtomicInteger otherExtensions = new AtomicInteger();
    StepTasks hanging = tasks(step -> {
      try {
        release.await();
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    });
    Thread other = new Thread(() -> {
      RunLease lease = RunLease.hold(step("t2"), tasks(step -> otherExtensions.incrementAndGet()), LOCK, timers);
      sleep(LOCK.multipliedBy(3));
      lease.end();
    });
    other.start();
    try {
      RunLease lease = RunLease.hold(step("t1"), hanging, LOCK, timers);
      assertThat(sleep(Duration.ofSeconds(30))).as("the run whose extension hangs is stopped").isTrue();
      assertThat(lease.end()).isFalse();
      other.join();
      assertThat(otherExtensions.get()).as("the other run's extensions went on").isGreaterThanOrEqualTo(3);
    } finally {
      release.countDown();
    }
  }

  /** Sleeps as a run would; returns whether it was interrupted. */
  private static boolean sleep(Duration duration) {
    try {
      Thread.sleep(duration.toMillis());
      return false;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return true;
    }
  }

  private static LockedStep step(String taskId) {
    return new LockedStep(taskId, "backend-engineer.feasibility", "US-1", "pi-1", null, Map.of());
  }

  private static StepTasks tasks(Consumer<LockedStep> extendLock) {
    return new StepTasks() {
      @Override
      public void extendLock(LockedStep step, long millis) {
        extendLock.accept(step);
      }

      @Override
      public void complete(LockedStep step, Map<String, Object> variables) {
        throw new AssertionError("a lease never ends its task");
      }

      @Override
      public void bpmnError(LockedStep step, String errorCode, String message, Map<String, Object> variables) {
        throw new AssertionError("a lease never ends its task");
      }

      @Override
      public void fail(LockedStep step, String message, String details, int retries, long retryDelayMillis) {
        throw new AssertionError("a lease never ends its task");
      }
    };
  }
}
