package dev.storyflow.worker;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/**
 * A step's task is ended again at once when it collided with another change of the story, at most
 * three times in all; any other failure is not retried here.
 */
class StepTasksTest {

  static class Conflict extends RuntimeException {
    Conflict(int attempt) {
      super("collision on attempt " + attempt);
    }
  }

  private final AtomicInteger attempts = new AtomicInteger();

  @Test
  void anEndThatCollidesTwiceSucceedsOnTheThirdAttempt() {
    StepTasks.retryingConflicts(() -> {
      int attempt = attempts.incrementAndGet();
      if (attempt <= 2) {
        throw new Conflict(attempt);
      }
    }, Conflict.class::isInstance);

    assertThat(attempts).hasValue(3);
  }

  @Test
  void aFailureThatIsNoCollisionIsRethrownAtOnce() {
    IllegalStateException failure = new IllegalStateException("the task is locked by another worker");

    assertThatThrownBy(() -> StepTasks.retryingConflicts(() -> {
      attempts.incrementAndGet();
      throw failure;
    }, Conflict.class::isInstance)).isSameAs(failure);
    assertThat(attempts).hasValue(1);
  }

  @Test
  void anEndThatKeepsCollidingIsGivenUpAfterThreeAttempts() {
    assertThatThrownBy(() -> StepTasks.retryingConflicts(() -> {
      throw new Conflict(attempts.incrementAndGet());
    }, Conflict.class::isInstance)).isInstanceOf(Conflict.class).hasMessage("collision on attempt 3");
    assertThat(attempts).hasValue(3);
  }
}
