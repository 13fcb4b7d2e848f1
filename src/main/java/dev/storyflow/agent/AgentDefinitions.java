package dev.storyflow.agent;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.springframework.core.io.ClassPathResource;
import org.springframework.stereotype.Component;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;
import org.yaml.snakeyaml.error.YAMLException;

/**
 * Reads agent definitions: Markdown files that open with YAML front matter between {@code ---}
 * lines ({@code name}, {@code description}, {@code model}, optional {@code tools} as a list or a
 * comma-separated string); the rest of the file is the system prompt.
 */
@Component
class AgentDefinitions {

  /** Storyflow's own backend-engineer definition. */
  static final String SHIPPED = "classpath:agents/backend-engineer.md";

  private static final String CLASSPATH = "classpath:";
  private static final int MAX_SIZE = 256 * 1024;

  /**
   * @param location a file path (relative to the working directory) or {@code classpath:...}
   * @throws AgentMisconfiguredException when it cannot be read or is not a valid definition
   */
  AgentDefinition load(String location) {
    String text;
    try {
      text = read(location);
    } catch (IOException e) {
      throw new AgentMisconfiguredException("The agent definition " + location
          + " (storyflow.agent.definition) cannot be read: " + e.getMessage());
    }
    try {
      return parse(text);
    } catch (IllegalArgumentException | YAMLException | ClassCastException e) {
      throw new AgentMisconfiguredException("The agent definition " + location
          + " (storyflow.agent.definition) is not valid: " + e.getMessage());
    }
  }

  static AgentDefinition parse(String text) {
    String normalized = text.replace("\r\n", "\n");
    if (normalized.startsWith("\uFEFF")) {
      normalized = normalized.substring(1);
    }
    if (!normalized.startsWith("---\n")) {
      throw new IllegalArgumentException("it must open with YAML front matter between '---' lines");
    }
    int end = normalized.indexOf("\n---", 3);
    if (end < 0) {
      throw new IllegalArgumentException("the front matter has no closing '---' line");
    }
    String frontMatter = normalized.substring(4, end + 1);
    int bodyStart = normalized.indexOf('\n', end + 4);
    String body = bodyStart < 0 ? "" : normalized.substring(bodyStart + 1).strip();

    Object loaded = new Yaml(new SafeConstructor(new LoaderOptions())).load(frontMatter);
    if (!(loaded instanceof Map<?, ?> fields)) {
      throw new IllegalArgumentException("the front matter must be a YAML mapping");
    }
    String name = text(fields, "name", true);
    String description = text(fields, "description", true);
    if (body.isEmpty()) {
      throw new IllegalArgumentException("the body (the system prompt) is empty");
    }
    return new AgentDefinition(name, description, text(fields, "model", false), tools(fields.get("tools")), body);
  }

  private static String read(String location) throws IOException {
    if (location.startsWith(CLASSPATH)) {
      ClassPathResource resource = new ClassPathResource(location.substring(CLASSPATH.length()));
      try (InputStream in = resource.getInputStream()) {
        return new String(in.readNBytes(MAX_SIZE), StandardCharsets.UTF_8);
      }
    }
    Path path = Path.of(location.startsWith("file:") ? location.substring(5) : location);
    if (Files.size(path) > MAX_SIZE) {
      throw new IOException("larger than " + MAX_SIZE + " bytes");
    }
    return Files.readString(path, StandardCharsets.UTF_8);
  }

  private static String text(Map<?, ?> fields, String key, boolean required) {
    Object value = fields.get(key);
    if (value == null || value.toString().isBlank()) {
      if (required) {
        throw new IllegalArgumentException("the front matter has no '" + key + "'");
      }
      return null;
    }
    return value.toString().strip();
  }

  private static List<String> tools(Object value) {
    if (value == null) {
      return List.of();
    }
    if (value instanceof List<?> list) {
      return list.stream().map(Object::toString).map(String::strip).filter(s -> !s.isEmpty()).toList();
    }
    return Arrays.stream(value.toString().split(",")).map(String::strip).filter(s -> !s.isEmpty()).toList();
  }
}
