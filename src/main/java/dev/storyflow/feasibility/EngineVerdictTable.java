package dev.storyflow.feasibility;

import dev.storyflow.identity.EngineAccess;
import org.camunda.bpm.dmn.engine.DmnDecisionResultEntries;
import org.camunda.bpm.engine.DecisionService;
import org.camunda.bpm.engine.variable.Variables;
import org.springframework.stereotype.Component;

/**
 * Evaluates the latest deployed version of {@code processes/feasibility-verdict.dmn} with the
 * engine's {@link DecisionService}, so a table changed in Modeler and deployed takes effect at once.
 * Evaluated as the system: the verdict is part of Storyflow's own work, not a user's request.
 */
@Component
class EngineVerdictTable implements VerdictTable {

  private final DecisionService decisions;
  private final EngineAccess engine;

  EngineVerdictTable(DecisionService decisions, EngineAccess engine) {
    this.decisions = decisions;
    this.engine = engine;
  }

  @Override
  public Verdict decide(long errors, long warnings, int estimatePoints) {
    DmnDecisionResultEntries result = engine.asSystem(() -> decisions.evaluateDecisionByKey(DECISION_KEY)
        .variables(Variables.createVariables()
            .putValue(ERRORS, errors)
            .putValue(WARNINGS, warnings)
            .putValue(ESTIMATE_POINTS, estimatePoints))
        .evaluate()
        .getSingleResult());
    if (result == null) {
      throw new IllegalStateException("Decision " + DECISION_KEY + " gave no verdict for errors=" + errors
          + ", warnings=" + warnings + ", estimatePoints=" + estimatePoints);
    }
    return new Verdict(result.getEntry(VERDICT), result.getEntry(REASON));
  }
}
