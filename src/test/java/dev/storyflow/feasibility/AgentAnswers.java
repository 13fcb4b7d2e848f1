package dev.storyflow.feasibility;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

/**
 * An agent's answers on public stories, as {@link AgentFindingsRun} writes them: one JSON line per
 * story ({@code storyId}, {@code findings}, {@code problem}, {@code costUsd}, {@code millis}); a later
 * line for the same story replaces an earlier one.
 */
final class AgentAnswers {

  /**
   * @param warned the criteria of the agent's warnings and errors
   * @param hinted the criteria of its hints ({@code INFO})
   * @param problem why the run gave no usable answer, or {@code null}
   */
  record Answer(Set<Criterion> warned, Set<Criterion> hinted, String problem) {

    /** The criteria the agent flags: in the gate view only its warnings and errors. */
    Set<Criterion> flags(FeasibilityEvaluation.View view) {
      Set<Criterion> flagged = EnumSet.noneOf(Criterion.class);
      flagged.addAll(warned);
      if (view == FeasibilityEvaluation.View.ALL) {
        flagged.addAll(hinted);
      }
      return flagged;
    }
  }

  private static final ObjectMapper JSON = new ObjectMapper();

  private final Map<String, Answer> byStory;

  private AgentAnswers(Map<String, Answer> byStory) {
    this.byStory = byStory;
  }

  static AgentAnswers read(Path file) {
    Map<String, Answer> byStory = new LinkedHashMap<>();
    if (!Files.exists(file)) {
      return new AgentAnswers(byStory);
    }
    try {
      for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
        if (line.isBlank()) {
          continue;
        }
        JsonNode answer = JSON.readTree(line);
        Set<Criterion> warned = EnumSet.noneOf(Criterion.class);
        Set<Criterion> hinted = EnumSet.noneOf(Criterion.class);
        answer.path("findings").forEach(f -> (Severity.valueOf(f.path("severity").asText()) == Severity.INFO
            ? hinted : warned).add(Criterion.valueOf(f.path("criterion").asText())));
        byStory.put(answer.path("storyId").asText(), new Answer(warned, hinted,
            answer.hasNonNull("problem") ? answer.get("problem").asText() : null));
      }
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot read the agent's answers " + file, e);
    }
    return new AgentAnswers(byStory);
  }

  boolean has(String storyId) {
    return byStory.containsKey(storyId);
  }

  Answer of(String storyId) {
    return byStory.get(storyId);
  }

  int size() {
    return byStory.size();
  }
}
