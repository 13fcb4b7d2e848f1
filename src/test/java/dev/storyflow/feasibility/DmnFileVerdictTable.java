package dev.storyflow.feasibility;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import org.camunda.bpm.dmn.engine.DmnDecision;
import org.camunda.bpm.dmn.engine.DmnDecisionResultEntries;
import org.camunda.bpm.dmn.engine.DmnEngine;
import org.camunda.bpm.dmn.engine.DmnEngineConfiguration;
import org.camunda.bpm.engine.variable.Variables;

/**
 * The verdict table evaluated by a standalone DMN engine from {@code feasibility-verdict.dmn} on
 * the classpath: the same table as the process engine's, for tests and tools that run without it.
 */
final class DmnFileVerdictTable implements VerdictTable {

  private final DmnEngine dmn = DmnEngineConfiguration.createDefaultDmnEngineConfiguration().buildEngine();
  private final DmnDecision decision;

  DmnFileVerdictTable() {
    try (InputStream in = DmnFileVerdictTable.class.getResourceAsStream("/feasibility-verdict.dmn")) {
      if (in == null) {
        throw new IllegalStateException("feasibility-verdict.dmn is not on the classpath");
      }
      decision = dmn.parseDecision(DECISION_KEY, in);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  @Override
  public Verdict decide(long errors, long warnings, int estimatePoints) {
    DmnDecisionResultEntries result = dmn.evaluateDecision(decision, Variables.createVariables()
        .putValue(ERRORS, errors)
        .putValue(WARNINGS, warnings)
        .putValue(ESTIMATE_POINTS, estimatePoints)).getSingleResult();
    return new Verdict(result.getEntry(VERDICT), result.getEntry(REASON));
  }
}
