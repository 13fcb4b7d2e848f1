package dev.storyflow.securityscan;

import dev.storyflow.lifecycle.ApprovalGuard;
import dev.storyflow.lifecycle.StoryTask;
import dev.storyflow.lifecycle.StoryVariables;
import com.fasterxml.jackson.databind.JsonNode;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.springframework.stereotype.Component;

/**
 * A story whose last scan says BLOCK leaves Security review forwards only when the security expert
 * approves with a comment, which is recorded in the audit as an override; so does a story whose
 * scan report is missing or cannot be read (fail closed). Sending it back (rework) or
 * raising concerns needs nothing more: the story comes back to Security review through
 * {@code Task_SecurityScan} or {@code Task_AddressSecurityConcerns}, which scan again. The reason
 * for the override is in words, without the verdict's code.
 */
@Component
class SecurityGateGuard implements ApprovalGuard {

  /** The verdicts of {@code processes/security-gate.dmn}. */
  private static final Set<String> KNOWN_VERDICTS = Set.of("PASS", "REVIEW", "BLOCK");

  private final ScanReport reports;

  SecurityGateGuard(ScanReport reports) {
    this.reports = reports;
  }

  @Override
  public Optional<String> overrideNeeded(StoryTask task, Map<String, Object> variables) {
    if (task != StoryTask.SECURITY_REVIEW) {
      return Optional.empty();
    }
    Object variable = variables.get(StoryVariables.SECURITY_SCAN);
    if (variable == null) {
      return Optional.of("there is no security scan report");
    }
    Optional<JsonNode> read = reports.read(variable);
    String verdict = read.map(report -> report.path("verdict").asText(null)).orElse(null);
    if (verdict == null || !KNOWN_VERDICTS.contains(verdict)) {
      return Optional.of("the security scan report cannot be read (it has no known verdict)");
    }
    return read.filter(report -> "BLOCK".equals(verdict))
        .map(report -> "the security scan blocks the story: " + report.path("reason").asText("see the report")
            + " (" + ApprovalGuard.count(report.path("secrets").asInt(), "secret") + ", "
            + ApprovalGuard.count(report.path("findings").size(), "finding") + ")");
  }

  @Override
  public Optional<String> evidenceVariable(StoryTask task) {
    return task == StoryTask.SECURITY_REVIEW ? Optional.of(StoryVariables.SECURITY_SCAN) : Optional.empty();
  }
}
