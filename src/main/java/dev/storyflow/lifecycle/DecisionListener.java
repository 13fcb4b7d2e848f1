package dev.storyflow.lifecycle;

import static dev.storyflow.lifecycle.StoryVariables.CONCERNS_TO_ADDRESS;
import static dev.storyflow.lifecycle.StoryVariables.DECISION;
import static dev.storyflow.lifecycle.StoryVariables.DECISION_INPUTS;
import static dev.storyflow.lifecycle.StoryVariables.FALLBACK_RESOLVED;
import static dev.storyflow.lifecycle.StoryVariables.SUPPORT_REQUEST;
import static dev.storyflow.lifecycle.StoryVariables.REWORK_REASON;
import static dev.storyflow.lifecycle.StoryVariables.REWORK_TARGET;
import static dev.storyflow.lifecycle.StoryVariables.STATUS;

import dev.storyflow.lifecycle.StoryTask.DecisionKind;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.stereotype.Component;

/**
 * Checks the decision submitted with a user task before the task completes. An invalid decision
 * throws, so the task stays open and nothing changes. A valid one is recorded: the comment as a
 * Camunda task comment, the decision in the audit, the outcome in the variables the gateways read. The raw inputs are
 * removed so that they never leak into the next decision.
 */
@Component("storyDecision")
class DecisionListener implements TaskListener {

  private final DecisionRules rules;
  private final DecisionAudit audit;

  DecisionListener(DecisionRules rules, DecisionAudit audit) {
    this.rules = rules;
    this.audit = audit;
  }

  @Override
  public void notify(DelegateTask task) {
    StoryTask storyTask = StoryTask.ofId(task.getTaskDefinitionKey())
        .orElseThrow(() -> new IllegalStateException("No decision rules for " + task.getTaskDefinitionKey()));
    // the task's own status; only the fallback, which serves every status, reads the engine's status variable
    Status current = storyTask.status() != null ? storyTask.status()
        : Status.ofCode(String.valueOf(task.getVariable(STATUS))).orElse(null);
    Decision decision = rules.check(storyTask, current, rules.readable(task));

    if (decision.comment() != null) {
      task.getProcessEngineServices().getTaskService()
          .createComment(task.getId(), task.getProcessInstanceId(), decision.comment());
    }
    DECISION_INPUTS.forEach(task::removeVariable);
    if (decision.outcome() == Decision.Outcome.SUPPORT) {
      task.setVariable(SUPPORT_REQUEST, decision.comment());
    }

    if (routesTheStory(storyTask)) {
      task.setVariable(DECISION, decision.outcome().name());
      task.setVariable(REWORK_TARGET, decision.reworkTo() == null ? null : decision.reworkTo().name());
    }
    if (decision.reworkTo() != null || (storyTask == StoryTask.APPROVE_DRAFT && !decision.approved())) {
      task.setVariable(REWORK_REASON, storyTask.role().label() + ": " + decision.comment());
    }
    if (storyTask.decisionKind() == DecisionKind.SECURITY_REVIEW) {
      task.setVariable(CONCERNS_TO_ADDRESS, decision.securityConcerns());
    }
    if (storyTask.decisionKind() == DecisionKind.FALLBACK) {
      task.setVariable(FALLBACK_RESOLVED, Boolean.TRUE);
    }
    decision.values().forEach(task::setVariable);
    audit.record(task, storyTask, current, decision);
  }

  /**
   * Whether a gateway reads the outcome of this task. The Draft opinions, frontend work and the
   * fallback run beside other branches and lead straight on: they write no shared outcome
   * variable, so that two of them completed at once never update the same variable row.
   */
  private static boolean routesTheStory(StoryTask task) {
    return switch (task.decisionKind()) {
      case REVIEW, SECURITY_REVIEW, PLANNING, REVISION -> true;
      case OPINION -> task == StoryTask.APPROVE_DRAFT;
      case WORK, FALLBACK -> false;
    };
  }
}
