package dev.storyflow.securityscan;

import dev.storyflow.engineer.BackendEngineerNeededException;
import dev.storyflow.engineer.BuiltinStep;
import dev.storyflow.lifecycle.Step;
import dev.storyflow.engineer.StepRequest;
import dev.storyflow.engineer.StepResult;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.springframework.stereotype.Component;

/**
 * {@code Task_SecurityScan}, the backend engineer's self-check before the security expert looks.
 * When the gate blocks, the builtin agent cannot fix the branch, so the story goes to a human
 * backend engineer with the report; once the human completes the fallback task, the scan runs
 * again and the expert gets its verdict, whatever it is (a BLOCK can then only be approved with an
 * override).
 */
@Component
class SecurityScanStep implements BuiltinStep {

  private static final int LISTED = 5;

  private final SecurityCheck check;

  SecurityScanStep(SecurityCheck check) {
    this.check = check;
  }

  @Override
  public Step step() {
    return Step.SECURITY_SCAN;
  }

  @Override
  public StepResult perform(StepRequest request) {
    SecurityCheck.Outcome outcome = check.run(request);
    if (outcome.verdict().blocks() && !request.humanCompleted()) {
      throw new BackendEngineerNeededException(blocked(outcome.report()), outcome.report());
    }
    return new StepResult(outcome.report());
  }

  @SuppressWarnings("unchecked")
  static String blocked(Map<String, Object> report) {
    List<Map<String, Object>> findings = (List<Map<String, Object>>) report.getOrDefault("findings", List.of());
    String listed = findings.stream().limit(LISTED)
        .map(f -> f.get("severity") + " " + f.get("rule") + " in " + f.get("file") + ":" + f.get("line"))
        .collect(Collectors.joining("; "));
    return "The security scan blocks the story (" + report.get("reason") + "): " + listed
        + (findings.size() > LISTED ? "; and " + (findings.size() - LISTED) + " more" : "")
        + ". Remove secrets from the story branch and rotate them, fix the code, or allow-list a false positive;"
        + " completing this task runs the scan again and the security expert sees what remains.";
  }
}
