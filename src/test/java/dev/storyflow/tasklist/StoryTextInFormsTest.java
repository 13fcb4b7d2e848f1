package dev.storyflow.tasklist;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Story text reaches a Camunda Form only through {@code html} components, whose templating inserts
 * values as text. A {@code text} component renders Markdown and HTML, so it inserts no variables:
 * {@code "reference": "<img src=x>"} would become an image there.
 */
class StoryTextInFormsTest {

  private static final ObjectMapper JSON = new ObjectMapper();

  @Test
  void noMarkdownComponentInsertsAVariable() throws IOException {
    List<String> offenders = new ArrayList<>();
    try (Stream<Path> forms = Files.list(Path.of("processes/forms"))) {
      for (Path form : forms.filter(p -> p.toString().endsWith(".form")).sorted().toList()) {
        collect(JSON.readTree(form.toFile()), form.getFileName().toString(), offenders);
      }
    }
    assertThat(offenders).isEmpty();
  }

  private static void collect(JsonNode component, String form, List<String> offenders) {
    if ("text".equals(component.path("type").asText()) && component.path("text").asText().contains("{{")) {
      offenders.add(form + ": " + component.path("id").asText());
    }
    component.path("components").forEach(child -> collect(child, form, offenders));
  }
}
