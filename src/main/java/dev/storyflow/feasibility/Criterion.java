package dev.storyflow.feasibility;

/**
 * The quality criteria a story is checked against: the Quality User Story framework (Lucassen et
 * al., 2016) for the statement, requirements smells (Femmer et al., 2017; ISO/IEC/IEEE 29148) for
 * the wording, and testability of the acceptance criteria.
 */
public enum Criterion {
  /** A role ("As a …") and a means ("I want …"). */
  WELL_FORMED,
  /** One feature, not several joined by "and", "or", "/". */
  ATOMIC,
  /** Role, means and ends only: no examples, remarks or extra sentences in the statement. */
  MINIMAL,
  /** No subjective, vague, open-ended or incomplete wording. */
  UNAMBIGUOUS,
  /** States the problem, not a solution (no widgets, technologies or implementation steps). */
  PROBLEM_ORIENTED,
  /** Small and known enough to estimate: no epic-sized scope, no open questions. */
  ESTIMABLE,
  /** Acceptance criteria exist and each can be checked by a test. */
  TESTABLE_CRITERIA,
  /** Not a duplicate of another running story. */
  UNIQUE,
  /** No dependencies on other stories, or only declared ones. */
  INDEPENDENT
}
