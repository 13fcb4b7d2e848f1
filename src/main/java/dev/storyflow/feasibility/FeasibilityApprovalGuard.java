package dev.storyflow.feasibility;

import static dev.storyflow.lifecycle.StoryVariables.FEASIBILITY;

import dev.storyflow.lifecycle.ApprovalGuard;
import dev.storyflow.lifecycle.StoryTask;
import java.util.Collection;
import java.util.Map;
import java.util.Optional;
import org.camunda.spin.json.SpinJsonNode;
import org.springframework.stereotype.Component;

/**
 * Approving a draft whose feasibility verdict is not {@code READY} goes against the evidence: the
 * product owner must say why in a comment, which is recorded as an override. A missing or
 * unreadable report fails closed: approving without it is an override too. The reason is in
 * words ({@link Verdict#label}), as the product owner reads it in Tasklist and the audit keeps it.
 */
@Component
class FeasibilityApprovalGuard implements ApprovalGuard {

  @Override
  public Optional<String> overrideNeeded(StoryTask task, Map<String, Object> variables) {
    if (task != StoryTask.APPROVE_DRAFT) {
      return Optional.empty();
    }
    Object report = variables.get(FEASIBILITY);
    String verdict = null;
    Integer findings = null;
    if (report instanceof SpinJsonNode json && json.isObject() && json.hasProp("verdict")) {
      verdict = json.prop("verdict").isString() ? json.prop("verdict").stringValue() : null;
      findings = json.hasProp("findings") && json.prop("findings").isArray() ? json.prop("findings").elements().size() : null;
    } else if (report instanceof Map<?, ?> map && map.get("verdict") instanceof String s) {
      verdict = s;
      findings = map.get("findings") instanceof Collection<?> c ? c.size() : null;
    }
    if (report == null) {
      return Optional.of("there is no feasibility report");
    }
    if (verdict == null) {
      return Optional.of("the feasibility report cannot be read (no verdict)");
    }
    if (Verdict.READY.equals(verdict)) {
      return Optional.empty();
    }
    return Optional.of("the feasibility verdict is \"" + Verdict.label(verdict) + "\""
        + (findings == null ? "" : " with " + ApprovalGuard.count(findings, "finding")));
  }

  @Override
  public Optional<String> evidenceVariable(StoryTask task) {
    return task == StoryTask.APPROVE_DRAFT ? Optional.of(FEASIBILITY) : Optional.empty();
  }
}
