package dev.storyflow.agent;

import static org.assertj.core.api.Assertions.assertThat;

import dev.storyflow.agent.AgentProperties.StepSettings;
import dev.storyflow.lifecycle.Step;
import java.math.BigDecimal;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.MapConfigurationPropertySource;

/** {@code storyflow.agent.*} binds with the keys of the design, also as command-line arguments. */
class AgentPropertiesTest {

  @Test
  void defaultsAreThoseOfTheDesign() {
    AgentProperties agents = AgentPropertiesTest.agents(Map.of());

    assertThat(agents.agent()).isEqualTo(AgentKind.BUILTIN);
    assertThat(agents.command()).isEmpty();
    assertThat(agents.timeout()).isEqualTo(Duration.ofMinutes(10));
    assertThat(agents.maxTurns()).isEqualTo(30);
    assertThat(agents.budgetUsd()).isEqualByComparingTo(new BigDecimal("20"));
    assertThat(agents.retries()).isEqualTo(2);
    assertThat(agents.retryDelay()).isEqualTo(Duration.ofMinutes(1));
    assertThat(agents.definition()).isEqualTo("classpath:agents/backend-engineer.md");
    for (Step step : Step.values()) {
      assertThat(agents.forStep(step).agent()).isEqualTo(AgentKind.BUILTIN);
    }
  }

  @Test
  void aStepOverridesAgentCommandAndTimeout() {
    // given the settings as on the command line
    AgentProperties agents = AgentPropertiesTest.agents(Map.of(
        "storyflow.agent.command", "claude,-p",
        "storyflow.agent.steps.implement.agent", "command",
        "storyflow.agent.steps.implement.command", "python3,agent.py,{workOrderFile}",
        "storyflow.agent.steps.securityScan.agent", "command",
        "storyflow.agent.steps.security-scan.timeout", "3m"));

    // then
    StepSettings implement = agents.forStep(Step.IMPLEMENT);
    assertThat(implement.agent()).isEqualTo(AgentKind.COMMAND);
    assertThat(implement.command()).containsExactly("python3", "agent.py", "{workOrderFile}");
    assertThat(implement.timeout()).isEqualTo(Duration.ofMinutes(10));
    StepSettings scan = agents.forStep(Step.SECURITY_SCAN);
    assertThat(scan.agent()).isEqualTo(AgentKind.COMMAND);
    assertThat(scan.command()).containsExactly("claude", "-p");
    assertThat(scan.timeout()).isEqualTo(Duration.ofMinutes(3));
    assertThat(agents.forStep(Step.PLAN).agent()).isEqualTo(AgentKind.BUILTIN);
  }

  @Test
  void retriesAndTheirDelayComeFromTheAgentSettings() {
    AgentProperties agents = AgentPropertiesTest.agents(Map.of("storyflow.agent.retries", "4",
        "storyflow.agent.retry-delay", "30s"));

    assertThat(new AgentRetryPolicy(agents).retries()).isEqualTo(4);
    assertThat(new AgentRetryPolicy(agents).retryDelay()).hasSeconds(30);
    assertThat(new AgentRetryPolicy(AgentPropertiesTest.agents(Map.of())).retries()).isEqualTo(2);
  }

  static AgentProperties agents(Map<String, String> properties) {
    return new Binder(new MapConfigurationPropertySource(properties))
        .bindOrCreate("storyflow.agent", AgentProperties.class);
  }

}
