package dev.storyflow.securityscan;

import dev.storyflow.engineer.BackendEngineerNeededException;
import dev.storyflow.engineer.BuiltinStep;
import dev.storyflow.lifecycle.Step;
import dev.storyflow.engineer.StepRequest;
import dev.storyflow.engineer.StepResult;
import com.fasterxml.jackson.databind.JsonNode;
import dev.storyflow.lifecycle.StoryVariables;
import java.util.Map;
import java.util.Optional;
import org.springframework.stereotype.Component;

/**
 * {@code Task_AddressSecurityConcerns}: someone fixes the security expert's concerns on the story
 * branch, then the scan runs again and the report compares it with the scan before. The step
 * checks the branch, not anyone's word: when it has not changed since the last scan (no agent, or
 * an agent that did nothing), a human backend engineer must do the fix; once the human completes
 * the fallback task, or when the branch did change, the re-scan goes back to the expert with the
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
    Optional<JsonNode> before = reports.read(request.variables().get(StoryVariables.SECURITY_SCAN));
    SecurityCheck.Outcome outcome = check.run(request);
    if (!request.humanCompleted() && !branchChanged(before, outcome.report())) {
      throw new BackendEngineerNeededException("No agent is configured for step '" + step().code() + "' of story "
          + request.storyId() + ", or it left the story branch as it was: a backend engineer must address the"
          + " security expert's concerns on the story branch" + (concerns == null ? "" : ": " + concerns)
          + ". Completing this task scans the branch again and shows the expert a before/after comparison.");
    }
    outcome.report().put("concerns", concerns);
    comparison.add(outcome.report(), before);
    return new StepResult(outcome.report());
  }

  /** Someone worked on the branch since the last scan: a new commit, or changes not committed yet. */
  private static boolean branchChanged(Optional<JsonNode> before, Map<String, Object> after) {
    Object commit = after.get("commit");
    if (commit == null || before.isEmpty() || !before.get().hasNonNull("commit")) {
      return false;
    }
    return !commit.equals(before.get().path("commit").asText()) || Boolean.TRUE.equals(after.get("uncommittedChanges"));
  }
}
