package dev.storyflow.feasibility;

/** Turns an analysis into a verdict: the DMN decision {@value #DECISION_KEY}, which teams tune in Modeler. */
interface VerdictTable {

  String DECISION_KEY = "feasibility-verdict";
  String ERRORS = "errors";
  String WARNINGS = "warnings";
  String ESTIMATE_POINTS = "estimatePoints";
  String VERDICT = "verdict";
  String REASON = "reason";

  Verdict decide(long errors, long warnings, int estimatePoints);
}
