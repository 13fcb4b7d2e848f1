package dev.storyflow.engineer;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The backend engineer cannot do a step; a human backend engineer must do it. It may carry the
 * step's report (for instance the failed gates), which is kept for the human to read.
 */
public class BackendEngineerNeededException extends RuntimeException {

  private final transient Map<String, Object> report;

  public BackendEngineerNeededException(String reason) {
    this(reason, Map.of());
  }

  /**
   * @param report the step's report, written to the step's report variable before the story goes
   *     to the human fallback; empty for none
   */
  public BackendEngineerNeededException(String reason, Map<String, Object> report) {
    super(reason);
    this.report = report == null ? Map.of() : Collections.unmodifiableMap(new LinkedHashMap<>(report));
  }

  /** The step's report as far as it got; empty when there is none. */
  public Map<String, Object> report() {
    return report;
  }
}
