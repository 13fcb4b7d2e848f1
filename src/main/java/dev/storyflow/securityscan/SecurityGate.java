package dev.storyflow.securityscan;

import dev.storyflow.engineer.EngineReads;
import java.util.HashMap;
import java.util.Map;
import org.springframework.stereotype.Component;

/**
 * The gate of Security review: evaluates {@code processes/security-gate.dmn} on a scan's counts
 * and the story's security sensitivity. The thresholds live in the DMN, editable in Modeler.
 */
@Component
class SecurityGate {

  static final String DECISION = "security-gate";

  /** The gate's decision: {@code PASS}, {@code REVIEW} or {@code BLOCK}, and the rule's reason. */
  record Verdict(String value, String reason) {

    boolean blocks() {
      return "BLOCK".equals(value);
    }
  }

  private final EngineReads engine;

  SecurityGate(EngineReads engine) {
    this.engine = engine;
  }

  Verdict decide(ScanReport.Counts counts, boolean securitySensitive) {
    Map<String, Object> inputs = new HashMap<>();
    inputs.put("scanned", counts.scanned());
    inputs.put("secrets", counts.secrets());
    inputs.put("critical", counts.critical());
    inputs.put("high", counts.high());
    inputs.put("medium", counts.medium());
    inputs.put("low", counts.low());
    inputs.put("scannerFailures", counts.scannerFailures());
    inputs.put("suppressed", counts.suppressed());
    inputs.put("securitySensitive", securitySensitive);
    Map<String, Object> result = engine.decide(DECISION, inputs)
        .orElseThrow(() -> new IllegalStateException("The decision " + DECISION + " gave no verdict"));
    return new Verdict((String) result.get("verdict"), (String) result.get("reason"));
  }
}
