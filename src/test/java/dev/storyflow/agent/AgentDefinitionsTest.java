package dev.storyflow.agent;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Agent definitions: Markdown with YAML front matter, as teams keep them under {@code .claude/agents/}. */
class AgentDefinitionsTest {

  final AgentDefinitions definitions = new AgentDefinitions();

  @Test
  void theShippedBackendEngineer() {
    AgentDefinition definition = definitions.load(AgentDefinitions.SHIPPED);

    assertThat(definition.name()).isEqualTo("backend-engineer");
    assertThat(definition.model()).isEqualTo("sonnet");
    assertThat(definition.tools()).contains("Read", "Edit", "Bash");
    assertThat(definition.systemPrompt()).contains("backend engineer").contains("needs_human")
        .doesNotStartWith("---");
  }

  @Test
  void aTeamsOwnDefinitionFile(@TempDir Path dir) throws Exception {
    Path file = dir.resolve("reviewer.md");
    Files.writeString(file, """
        ---
        name: api-builder
        description: "Builds APIs: carefully"
        tools:
          - Read
          - Bash(mvn:*)
        ---

        You build APIs.
        """);

    AgentDefinition definition = definitions.load(file.toString());

    assertThat(definition.name()).isEqualTo("api-builder");
    assertThat(definition.description()).isEqualTo("Builds APIs: carefully");
    assertThat(definition.model()).isNull();
    assertThat(definition.tools()).containsExactly("Read", "Bash(mvn:*)");
    assertThat(definition.systemPrompt()).isEqualTo("You build APIs.");
  }

  @Test
  void invalidDefinitionsAreConfigurationProblems(@TempDir Path dir) throws Exception {
    Path noFrontMatter = Files.writeString(dir.resolve("a.md"), "Just a prompt");
    Path noName = Files.writeString(dir.resolve("b.md"), "---\ndescription: x\n---\nprompt\n");
    Path badYaml = Files.writeString(dir.resolve("c.md"), "---\nname: [unclosed\n---\nprompt\n");

    assertThatThrownBy(() -> definitions.load(noFrontMatter.toString()))
        .isInstanceOf(AgentMisconfiguredException.class).hasMessageContaining("front matter");
    assertThatThrownBy(() -> definitions.load(noName.toString())).hasMessageContaining("no 'name'");
    assertThatThrownBy(() -> definitions.load(badYaml.toString())).isInstanceOf(AgentMisconfiguredException.class);
    assertThatThrownBy(() -> definitions.load(dir.resolve("missing.md").toString()))
        .isInstanceOf(AgentMisconfiguredException.class).hasMessageContaining("cannot be read");
  }
}
