package dev.storyflow.feasibility;

import dev.storyflow.engineer.EngineReads;
import java.util.Map;
import org.springframework.stereotype.Component;

/**
 * Evaluates the latest deployed version of {@code processes/feasibility-verdict.dmn} in the
 * engine, so a table changed in Modeler and deployed takes effect at once. Evaluated as the
 * system: the verdict is part of Storyflow's own work, not a user's request.
 */
@Component
class EngineVerdictTable implements VerdictTable {

  private final EngineReads engine;

  EngineVerdictTable(EngineReads engine) {
    this.engine = engine;
  }

  @Override
  public Verdict decide(long errors, long warnings, int estimatePoints) {
    Map<String, Object> result = engine.decide(DECISION_KEY,
            Map.of(ERRORS, errors, WARNINGS, warnings, ESTIMATE_POINTS, estimatePoints))
        .orElseThrow(() -> new IllegalStateException("Decision " + DECISION_KEY + " gave no verdict for errors="
            + errors + ", warnings=" + warnings + ", estimatePoints=" + estimatePoints));
    return new Verdict((String) result.get(VERDICT), (String) result.get(REASON));
  }
}
