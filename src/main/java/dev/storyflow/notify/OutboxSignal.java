package dev.storyflow.notify;

import java.time.Duration;
import org.springframework.stereotype.Component;

/** Wakes the sender when a transaction that wrote notifications commits, or a delivery ends. */
@Component
class OutboxSignal {

  private boolean woken;

  synchronized void wakeUp() {
    woken = true;
    notifyAll();
  }

  /** Waits until woken or for at most {@code max}. */
  synchronized void await(Duration max) throws InterruptedException {
    long deadline = System.nanoTime() + max.toNanos();
    while (!woken) {
      long left = deadline - System.nanoTime();
      if (left <= 0) {
        break;
      }
      wait(Math.max(1, left / 1_000_000));
    }
    woken = false;
  }
}
