package dev.storyflow.engineer;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.storyflow.engineer.StepTimeBudget.Bound;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The job lock time must outlast the longest step, agent run and build together. */
class LockTimeCheckTest {

  static StepTimeBudget agent(Duration timeout) {
    return step -> Optional.of(new Bound(timeout, "storyflow.agent.timeout = " + timeout));
  }

  static StepTimeBudget build(Duration timeout) {
    return step -> step == Step.IMPLEMENT
        ? Optional.of(new Bound(timeout, "storyflow.build.timeout = " + timeout)) : Optional.empty();
  }

  @Test
  void defaultsPassWithTheShippedLockTime() {
    assertThatCode(() -> LockTimeCheck.check(List.of(agent(Duration.ofMinutes(10)), build(Duration.ofMinutes(15))),
        1_800_000)).doesNotThrowAnyException();
  }

  @Test
  void camundasDefaultLockTimeIsTooShortForTheDefaultTimeout() {
    assertThatThrownBy(() -> LockTimeCheck.check(List.of(agent(Duration.ofMinutes(10))), LockTimeCheck.DEFAULT_LOCK_MILLIS))
        .hasMessageContaining("camunda.bpm.job-execution.lock-time-in-millis (300000 ms)")
        .hasMessageContaining("storyflow.agent.timeout = PT10M")
        .hasMessageContaining("more than 660000");
  }

  @Test
  void agentAndBuildOfTheSameStepAddUp() {
    // 20m agent + 15m build + 1m margin = 36m > 30m, though each alone fits
    assertThatThrownBy(() -> LockTimeCheck.check(List.of(agent(Duration.ofMinutes(20)), build(Duration.ofMinutes(15))),
        1_800_000))
        .hasMessageContaining("the longest step, implement (storyflow.agent.timeout = PT20M + storyflow.build.timeout = PT15M)")
        .hasMessageContaining("or lower storyflow.agent.timeout or storyflow.build.timeout");
  }
}
