package dev.storyflow.agent;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.storyflow.process.ProcessTable;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.core.io.ClassPathResource;

/**
 * The test agent ({@code agents/test-agent.py}): scripts what it does per story and reads what it
 * recorded (its calls, arguments, environment, stdin, work order file, process ids).
 */
final class TestAgent {

  private static final ObjectMapper JSON = new ObjectMapper();

  private final Path state;

  TestAgent(Path state) {
    this.state = state;
  }

  static TestAgent inNewDirectory() {
    try {
      return new TestAgent(Files.createTempDirectory("storyflow-test-agent-"));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  Path state() {
    return state;
  }

  /** The agent command, as {@code storyflow.agent.command} takes it. */
  String command() {
    try {
      String script = new ClassPathResource("agents/test-agent.py").getFile().getAbsolutePath();
      return String.join(",", python(), script, state.toString(), "{storyId}", "{step}", "{workOrderFile}",
          "{systemPromptFile}", "{workspace}", "{maxTurns}", "{budgetUsd}");
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The Python interpreter itself, not a launcher script (such as pyenv's) that adds to the environment. */
  static String python() {
    try {
      Process p = new ProcessBuilder("python3", "-c", "import sys; print(sys.executable)").start();
      String path = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8).trim();
      return p.waitFor() == 0 && !path.isEmpty() ? path : "python3";
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return "python3";
    }
  }

  /** What the agent does on each call for the story: the n-th call plays the n-th mode, the last repeats. */
  void script(String storyId, Object cost, String... modes) {
    write(state.resolve(storyId + ".json"), Map.of("modes", List.of(modes), "cost", cost));
  }

  void script(String storyId, String... modes) {
    script(storyId, 0.25, modes);
  }

  /** The calls the agent recorded for the story, oldest first. */
  List<JsonNode> calls(String storyId) {
    Path calls = state.resolve(storyId).resolve("calls.jsonl");
    if (!Files.exists(calls)) {
      return List.of();
    }
    try {
      return Files.readAllLines(calls).stream().map(TestAgent::read).toList();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The work order as the n-th call read it from stdin. */
  JsonNode stdin(String storyId, int call) {
    return read(text(state.resolve(storyId).resolve("stdin-" + call + ".json")));
  }

  /** The work order as the n-th call read it from {@code {workOrderFile}}. */
  JsonNode workOrderFile(String storyId, int call) {
    return read(text(state.resolve(storyId).resolve("file-" + call + ".json")));
  }

  /** The pids of the n-th call's process and of the child it started, when it started one. */
  Optional<long[]> pids(String storyId, int call) {
    Path pids = state.resolve(storyId).resolve("pids-" + call);
    if (!Files.exists(pids)) {
      return Optional.empty();
    }
    return Optional.of(Arrays.stream(text(pids).trim().split(" ")).mapToLong(Long::parseLong).toArray());
  }

  /** Whether a process runs (a zombie waiting to be reaped does not). */
  static boolean running(long pid) {
    return ProcessTable.running(pid);
  }

  private static String text(Path file) {
    try {
      return Files.readString(file, StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static JsonNode read(String text) {
    try {
      return JSON.readTree(text);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static void write(Path file, Object value) {
    try {
      Files.writeString(file, JSON.writeValueAsString(value));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
