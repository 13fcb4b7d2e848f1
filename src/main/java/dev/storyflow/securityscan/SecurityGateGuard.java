package dev.storyflow.securityscan;

import dev.storyflow.lifecycle.ApprovalGuard;
import dev.storyflow.lifecycle.StoryTask;
import dev.storyflow.lifecycle.StoryVariables;
import java.util.Map;
import java.util.Optional;
import org.springframework.stereotype.Component;

/**
 * A story whose last scan says BLOCK leaves Security review forwards only when the security expert
 * approves with a comment, which is recorded in {@code overrides}. Sending it back (rework) or
 * raising concerns needs nothing more: the story comes back to Security review through
 * {@code Task_SecurityScan} or {@code Task_AddressSecurityConcerns}, which scan again.
 */
@Component
class SecurityGateGuard implements ApprovalGuard {

  private final ScanReport reports;

  SecurityGateGuard(ScanReport reports) {
    this.reports = reports;
  }

  @Override
  public Optional<String> overrideNeeded(StoryTask task, Map<String, Object> variables) {
    if (task != StoryTask.SECURITY_REVIEW) {
      return Optional.empty();
    }
    return reports.read(variables.get(StoryVariables.SECURITY_SCAN))
        .filter(report -> "BLOCK".equals(report.path("verdict").asText()))
        .map(report -> "the security scan's verdict is BLOCK: " + report.path("reason").asText("see the report")
            + " (" + report.path("secrets").asInt() + " secret(s), " + report.path("findings").size() + " finding(s))");
  }
}
