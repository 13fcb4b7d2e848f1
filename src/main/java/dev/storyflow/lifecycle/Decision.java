package dev.storyflow.lifecycle;

import java.util.Map;

/**
 * A checked decision on a user task.
 *
 * @param approved whether the work is accepted ({@code true} for tasks without a verdict)
 * @param comment the comment, or {@code null}
 * @param reworkTo the earlier status the story goes back to, or {@code null}
 * @param securityConcerns concerns for the backend engineer, or {@code null}
 * @param values further normalized values to store (planning fields)
 * @param override why this approval goes against the evidence, or {@code null}
 * @param requested an outcome asked for instead of a verdict (integration support, withdrawal), or {@code null}
 */
public record Decision(boolean approved, String comment, Status reworkTo, String securityConcerns,
    Map<String, Object> values, String override, Outcome requested) {

  public Decision(boolean approved, String comment, Status reworkTo, String securityConcerns,
      Map<String, Object> values, String override) {
    this(approved, comment, reworkTo, securityConcerns, values, override, null);
  }

  /** QA asks the backend engineer for integration support; the story keeps its status. */
  static Decision supportRequested(String comment) {
    return new Decision(false, comment, null, null, Map.of(), null, Outcome.SUPPORT);
  }

  /** The product owner withdraws the story while revising it; the story ends. */
  static Decision withdrawn(String comment) {
    return new Decision(false, comment, null, null, Map.of(), null, Outcome.WITHDRAWN);
  }

  /** Where the process goes next; the gateways after review tasks read it. */
  public enum Outcome { APPROVED, REWORK, SECURITY_CONCERNS, SUPPORT, WITHDRAWN }

  public Outcome outcome() {
    if (requested != null) {
      return requested;
    }
    if (approved) {
      return Outcome.APPROVED;
    }
    return securityConcerns != null ? Outcome.SECURITY_CONCERNS : Outcome.REWORK;
  }
}
