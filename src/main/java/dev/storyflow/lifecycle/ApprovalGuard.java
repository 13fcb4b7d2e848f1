package dev.storyflow.lifecycle;

import java.util.Map;
import java.util.Optional;

/**
 * Says when approving a task goes against the evidence (a feasibility verdict that is not
 * READY, a security scan that blocks). Such an approval needs a comment and is recorded in the
 * audit as an override. A guard that cannot read its evidence (missing, not JSON, no verdict)
 * fails closed: approving then needs an override too. Feature packages contribute one bean per
 * rule.
 */
public interface ApprovalGuard {

  /**
   * @param task the task being approved
   * @param variables the variables visible to the task; evidence is never submitted data, since a
   *     completion carries only the task's decision fields ({@link CompletionFields})
   * @return why approving needs an override, or empty when approving is in line with the evidence
   */
  Optional<String> overrideNeeded(StoryTask task, Map<String, Object> variables);

  /**
   * The variable holding this guard's evidence on the task, whose digest the audit records; empty
   * when the guard does not apply to the task.
   */
  default Optional<String> evidenceVariable(StoryTask task) {
    return Optional.empty();
  }

  /** A count in a reason's words: "1 finding", "3 findings". */
  static String count(int n, String noun) {
    return n + " " + noun + (n == 1 ? "" : "s");
  }
}
