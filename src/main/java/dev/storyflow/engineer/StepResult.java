package dev.storyflow.engineer;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A step the backend engineer finished.
 *
 * @param report the step's report, stored as JSON in the step's report variable; empty when the
 *     step has no report to give
 */
public record StepResult(Map<String, Object> report) {

  /** The report key under which an external agent's own account of the step is kept. */
  public static final String AGENT_NOTES = "agentNotes";

  public static StepResult withoutReport() {
    return new StepResult(Map.of());
  }

  public boolean hasReport() {
    return !report.isEmpty();
  }

  /**
   * This result with the agent's account added under {@value #AGENT_NOTES}; every other entry of
   * the report stays as the step's checks wrote it. A report with a {@code notes} list (the
   * feasibility review's) also gets the agent's review as one note, marked as the agent's.
   */
  public StepResult withAgentNotes(Map<String, Object> agentResult) {
    Map<String, Object> merged = new LinkedHashMap<>(report);
    merged.put(AGENT_NOTES, agentResult);
    if (merged.get("notes") instanceof List<?> notes) {
      List<Object> withAgent = new ArrayList<>(notes);
      Map<String, Object> note = new LinkedHashMap<>();
      note.put("by", "agent");
      note.put("summary", agentResult.get("summary"));
      if (agentResult.get("notes") != null) {
        note.put("notes", agentResult.get("notes"));
      }
      withAgent.add(note);
      merged.put("notes", withAgent);
    }
    return new StepResult(merged);
  }
}
