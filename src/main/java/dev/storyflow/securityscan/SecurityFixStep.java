package dev.storyflow.securityscan;

import dev.storyflow.engineer.BackendEngineerNeededException;
import dev.storyflow.engineer.BuiltinStep;
import dev.storyflow.engineer.Step;
import dev.storyflow.engineer.StepRequest;
import dev.storyflow.engineer.StepResult;
import dev.storyflow.lifecycle.StoryVariables;
import org.springframework.stereotype.Component;

/**
 * {@code Task_AddressSecurityConcerns}: someone fixes the security expert's concerns on the story
 * branch, then the scan runs again and the report compares it with the scan before. The builtin
 * agent writes no code, so it asks a human backend engineer to do the fix; when the human
 * completes the fallback task, the re-scan runs and the story returns to the expert with the
 * before/after comparison.
 */
@Component
class SecurityFixStep implements BuiltinStep {

  private final SecurityCheck check;
  private final ScanReport reports;
  private final ScanComparison comparison;

  SecurityFixStep(SecurityCheck check, ScanReport reports, ScanComparison comparison) {
    this.check = check;
    this.reports = reports;
    this.comparison = comparison;
  }

  @Override
  public Step step() {
    return Step.SECURITY_FIX;
  }

  @Override
  public StepResult perform(StepRequest request) {
    Object concerns = request.variables().get(StoryVariables.CONCERNS_TO_ADDRESS);
    if (!request.humanCompleted()) {
      throw new BackendEngineerNeededException("No agent is configured for step '" + step().code() + "' of story "
          + request.storyId() + ": the builtin agent writes no code, so a backend engineer must address the security"
          + " expert's concerns on the story branch" + (concerns == null ? "" : ": " + concerns)
          + ". Completing this task scans the branch again and shows the expert a before/after comparison.");
    }
    var before = reports.read(request.variables().get(StoryVariables.SECURITY_SCAN));
    SecurityCheck.Outcome outcome = check.run(request);
    outcome.report().put("concerns", concerns);
    comparison.add(outcome.report(), before);
    return new StepResult(outcome.report());
  }
}
