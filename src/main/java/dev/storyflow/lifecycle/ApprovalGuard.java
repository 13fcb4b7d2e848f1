package dev.storyflow.lifecycle;

import java.util.Map;
import java.util.Optional;

/**
 * Says when approving a task goes against the evidence (a feasibility verdict that is not
 * READY, a security scan that blocks). Such an approval needs a comment and is recorded as an
 * override. Feature packages contribute one bean per rule.
 */
public interface ApprovalGuard {

  /**
   * @param task the task being approved
   * @param variables the variables visible to the task
   * @return why approving needs an override, or empty when approving is in line with the evidence
   */
  Optional<String> overrideNeeded(StoryTask task, Map<String, Object> variables);
}
