package dev.storyflow.agent;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.MapConfigurationPropertySource;

/** The job lock time must outlast the longest agent run, or Storyflow does not start. */
class LockTimeCheckTest {

  @Test
  void defaultsPassWithTheShippedLockTime() {
    assertThatCode(() -> LockTimeCheck.check(agents(Map.of()), 1_800_000)).doesNotThrowAnyException();
  }

  @Test
  void camundasDefaultLockTimeIsTooShortForTheDefaultTimeout() {
    assertThatThrownBy(() -> LockTimeCheck.check(agents(Map.of()), LockTimeCheck.DEFAULT_LOCK_MILLIS))
        .hasMessageContaining("camunda.bpm.job-execution.lock-time-in-millis (300000 ms)")
        .hasMessageContaining("storyflow.agent.timeout = PT10M")
        .hasMessageContaining("more than 660000");
  }

  @Test
  void aStepsOwnTimeoutIsNamed() {
    assertThatThrownBy(() -> LockTimeCheck.check(agents(Map.of("storyflow.agent.steps.implement.timeout", "45m")),
        1_800_000))
        .hasMessageContaining("storyflow.agent.steps.implement.timeout = PT45M");
  }

  static AgentProperties agents(Map<String, String> properties) {
    return new Binder(new MapConfigurationPropertySource(properties))
        .bindOrCreate("storyflow.agent", AgentProperties.class);
  }
}
