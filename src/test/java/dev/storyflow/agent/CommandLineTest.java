package dev.storyflow.agent;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Agent commands: argument lists with whole-argument placeholders. */
class CommandLineTest {

  @Test
  void placeholdersMustBeWholeArgumentsAndKnown() {
    assertThat(new CommandLine(List.of("claude", "-p", "{workOrderFile}"), "key").problems()).isEmpty();
    assertThat(new CommandLine(List.of("agent", "--order={workOrderFile}"), "key").problems())
        .singleElement().asString().contains("must be a whole argument");
    assertThat(new CommandLine(List.of("agent", "{title}"), "key").problems())
        .singleElement().asString().contains("unknown placeholder {title}");
    assertThat(new CommandLine(List.of(), "storyflow.agent.command").problems())
        .singleElement().asString().contains("storyflow.agent.command is not set");
    assertThat(new CommandLine(List.of("agent", "{\"json\": true}"), "key").problems()).isEmpty();
    assertThat(new CommandLine(List.of("a", "{storyId}", "{step}"), "key")
        .expand(Map.of("storyId", "US-1", "step", "plan"))).containsExactly("a", "US-1", "plan");
  }

  @Test
  void aPlaceholderWithoutAValueIsAConfigurationProblem() {
    assertThatThrownBy(() -> new CommandLine(List.of("claude", "--model", "{model}"), "key").expand(Map.of()))
        .isInstanceOf(AgentMisconfiguredException.class).hasMessageContaining("{model}");
  }
}
