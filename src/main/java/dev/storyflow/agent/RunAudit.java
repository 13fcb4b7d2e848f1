package dev.storyflow.agent;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.UncheckedIOException;
import org.springframework.stereotype.Component;

/**
 * Keeps the JSON variable {@code agentRuns} in step with the recorded runs, so that Cockpit and the
 * forms show every run. It is rewritten whole from {@link RunStore}: a run whose job was rolled
 * back for a retry still shows once the next attempt writes the list.
 */
@Component
class RunAudit {

  private final RunStore runs;
  private final ObjectMapper json;

  RunAudit(RunStore runs, ObjectMapper json) {
    this.runs = runs;
    this.json = json;
  }

  void update(String processInstanceId) {
    ArrayNode entries = json.createArrayNode();
    runs.list(processInstanceId).forEach(run -> entries.add(entry(run)));
    try {
      runs.publish(processInstanceId, json.writeValueAsString(entries));
    } catch (JsonProcessingException e) {
      throw new UncheckedIOException(e);
    }
  }

  ObjectNode entry(AgentRun run) {
    ObjectNode entry = json.createObjectNode();
    entry.put("run", run.number());
    entry.put("step", run.step());
    entry.put("attempt", run.attempt());
    entry.put("outcome", run.outcome().name());
    entry.put("started", run.started().toString());
    entry.put("durationMs", run.durationMs());
    entry.put("exitCode", run.exitCode());
    entry.put("timedOut", run.timedOut());
    entry.put("costUsd", run.costUsd());
    entry.put("turns", run.turns());
    entry.put("sessionId", run.sessionId());
    entry.put("summary", run.summary());
    entry.put("reason", run.reason());
    return entry;
  }
}
