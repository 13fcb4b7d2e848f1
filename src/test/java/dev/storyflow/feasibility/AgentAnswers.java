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
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * An agent's answers on public stories, as {@link AgentFindingsRun} writes them: one JSON line per
 * story ({@code storyId}, {@code findings}, {@code problem}, {@code costUsd}, {@code millis}); a later
 * line for the same story replaces an earlier one.
 */
final class AgentAnswers {

  /**
   * @param findings per finding: its criterion and whether it is a hint ({@code INFO})
   * @param problem why the run gave no usable answer, or {@code null}
   */
  record Answer(List<Map.Entry<Criterion, Boolean>> findings, String problem) {

    /** The criteria the agent flags: in the gate view only its warnings and errors. */
    Set<Criterion> flags(FeasibilityEvaluation.View view) {
      Set<Criterion> flagged = EnumSet.noneOf(Criterion.class);
      findings.stream().filter(f -> view == FeasibilityEvaluation.View.ALL || !f.getValue())
          .forEach(f -> flagged.add(f.getKey()));
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
        List<Map.Entry<Criterion, Boolean>> findings = new java.util.ArrayList<>();
        answer.path("findings").forEach(f -> findings.add(Map.entry(Criterion.valueOf(f.path("criterion").asText()),
            Severity.valueOf(f.path("severity").asText()) == Severity.INFO)));
        byStory.put(answer.path("storyId").asText(), new Answer(List.copyOf(findings),
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
