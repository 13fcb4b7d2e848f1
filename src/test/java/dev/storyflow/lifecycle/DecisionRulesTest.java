package dev.storyflow.lifecycle;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

class DecisionRulesTest {

  /** Sprint "closed-1" is closed; every other sprint is open. */
  private static final SprintCheck SPRINTS = sprint -> sprint.equals("closed-1")
      ? java.util.Optional.of("must be a sprint that is not closed") : java.util.Optional.empty();

  private final DecisionRules rules = new DecisionRules(java.util.List.of(), java.util.List.of(SPRINTS));

  private static Map<String, Object> vars(Object... pairs) {
    Map<String, Object> map = new HashMap<>();
    for (int i = 0; i < pairs.length; i += 2) {
      map.put((String) pairs[i], pairs[i + 1]);
    }
    return map;
  }

  @Test
  void approvalNeedsNothingElse() {
    Decision decision = rules.check(StoryTask.CODE_REVIEW, Status.CODE_REVIEW, vars("approved", true));

    assertThat(decision.outcome()).isEqualTo(Decision.Outcome.APPROVED);
    assertThat(decision.reworkTo()).isNull();
  }

  @Test
  void reworkDefaultsToInProgressAfterInProgress() {
    Decision decision = rules.check(StoryTask.UAT, Status.UAT, vars("approved", false, "comment", "Wrong colour"));

    assertThat(decision.outcome()).isEqualTo(Decision.Outcome.REWORK);
    assertThat(decision.reworkTo()).isEqualTo(Status.IN_PROGRESS);
    assertThat(decision.comment()).isEqualTo("Wrong colour");
  }

  @Test
  void reworkTargetMustBeEarlierAndIsNamedInTheMessage() {
    assertThatThrownBy(() -> rules.check(StoryTask.INTEGRATION_TEST, Status.INTEGRATION_TESTING,
        vars("approved", false, "comment", "x", "reworkTo", "UAT")))
        .isInstanceOf(StoryRuleException.class)
        .hasMessage("Invalid decision on Integration test: reworkTo must be a status earlier than "
            + "INTEGRATION_TESTING: one of DRAFT, BACKLOG, PLANNED_IN_SPRINT, IN_PROGRESS, CODE_REVIEW");
  }

  @Test
  void blankCommentDoesNotCountAsAComment() {
    assertThatThrownBy(() -> rules.check(StoryTask.PO_REVIEW, Status.PO_REVIEW,
        vars("approved", false, "comment", "   ")))
        .hasMessageContaining("comment is required when approved is false");
  }

  @Test
  void approvedMustBeABoolean() {
    assertThatThrownBy(() -> rules.check(StoryTask.PO_REVIEW, Status.PO_REVIEW, vars("approved", "true")))
        .hasMessageContaining("approved must be a Boolean, true or false");
    assertThatThrownBy(() -> rules.check(StoryTask.PO_REVIEW, Status.PO_REVIEW, vars()))
        .hasMessageContaining("approved is required: true or false");
  }

  @Test
  void draftOpinionsHaveNoReworkTarget() {
    assertThatThrownBy(() -> rules.check(StoryTask.ARCHITECT_REVIEW, Status.DRAFT,
        vars("approved", false, "comment", "x", "reworkTo", "DRAFT")))
        .hasMessageContaining("reworkTo is not allowed here");
    Decision decision = rules.check(StoryTask.APPROVE_DRAFT, Status.DRAFT, vars("approved", false, "comment", "Split it"));
    assertThat(decision.outcome()).isEqualTo(Decision.Outcome.REWORK);
    assertThat(decision.reworkTo()).isNull();
  }

  @Test
  void securityConcernsAreAThirdOutcome() {
    Decision decision = rules.check(StoryTask.SECURITY_REVIEW, Status.SECURITY_REVIEW,
        vars("securityConcerns", "Tokens in logs"));

    assertThat(decision.outcome()).isEqualTo(Decision.Outcome.SECURITY_CONCERNS);
    assertThat(decision.securityConcerns()).isEqualTo("Tokens in logs");
    assertThatThrownBy(() -> rules.check(StoryTask.SECURITY_REVIEW, Status.SECURITY_REVIEW,
        vars("securityConcerns", "Tokens in logs", "reworkTo", "IN_PROGRESS")))
        .hasMessageContaining("reworkTo is not allowed with securityConcerns");
    assertThat(rules.check(StoryTask.SECURITY_REVIEW, Status.SECURITY_REVIEW,
        vars("approved", true, "securityConcerns", "")).outcome()).isEqualTo(Decision.Outcome.APPROVED);
  }

  @Test
  void planningNormalizesItsFields() {
    Decision decision = rules.check(StoryTask.PLAN_INTO_SPRINT, Status.BACKLOG,
        vars("priority", "LOW", "storyPoints", "8", "sprint", " Sprint 3 "));

    assertThat(decision.values()).containsEntry("priority", "LOW").containsEntry("storyPoints", 8)
        .containsEntry("sprint", "Sprint 3");
  }

  @Test
  void planningIntoAClosedSprintOrWithoutSprintsIsRefused() {
    assertThatThrownBy(() -> rules.check(StoryTask.PLAN_INTO_SPRINT, Status.BACKLOG,
        vars("priority", "LOW", "storyPoints", 8, "sprint", "closed-1")))
        .hasMessageContaining("sprint must be a sprint that is not closed");
    DecisionRules noSprints = new DecisionRules(java.util.List.of(), java.util.List.of());
    assertThatThrownBy(() -> noSprints.check(StoryTask.PLAN_INTO_SPRINT, Status.BACKLOG,
        vars("priority", "LOW", "storyPoints", 8, "sprint", "sprint-1")))
        .hasMessageContaining("sprint cannot be checked");
  }

  @Test
  void planningSentBackGoesToDraftOnly() {
    Decision back = rules.check(StoryTask.PLAN_INTO_SPRINT, Status.BACKLOG, vars("approved", false, "comment", "Unclear"));
    assertThat(back.reworkTo()).isEqualTo(Status.DRAFT);
    assertThatThrownBy(() -> rules.check(StoryTask.PLAN_INTO_SPRINT, Status.BACKLOG,
        vars("approved", false, "comment", "Unclear", "reworkTo", "BACKLOG")))
        .hasMessageContaining("one of DRAFT");
  }

  @Test
  void veryLongCommentIsRefused() {
    assertThatThrownBy(() -> rules.check(StoryTask.FRONTEND_IMPLEMENT, Status.IN_PROGRESS,
        vars("comment", "x".repeat(10_001))))
        .hasMessageContaining("comment must be at most 10000 characters");
  }

  @Test
  void commentsAndConcernsAreTextWithoutControlCharacters() {
    assertThat(rules.check(StoryTask.PO_REVIEW, Status.PO_REVIEW,
        vars("approved", false, "comment", "Two lines\n\tand a tab")).comment()).isEqualTo("Two lines\n\tand a tab");
    assertThatThrownBy(() -> rules.check(StoryTask.PO_REVIEW, Status.PO_REVIEW,
        vars("approved", false, "comment", "NUL \u0000 inside")))
        .hasMessageContaining("comment must be text without control characters");
    assertThatThrownBy(() -> rules.check(StoryTask.SECURITY_REVIEW, Status.SECURITY_REVIEW,
        vars("securityConcerns", "lone \ud800 surrogate")))
        .hasMessageContaining("securityConcerns must be text without control characters");
  }

  @Test
  void aValueThatCannotBeReadIsRefusedLikeAWrongType() {
    assertThatThrownBy(() -> rules.check(StoryTask.PO_REVIEW, Status.PO_REVIEW,
        vars("approved", false, "comment", new DecisionRules.Unreadable("comment"))))
        .hasMessageContaining("comment must be a String");
  }

  @Test
  void approvingAgainstTheEvidenceNeedsACommentAndIsAnOverride() {
    ApprovalGuard notReady = (task, variables) -> task == StoryTask.APPROVE_DRAFT
        ? java.util.Optional.of("feasibility verdict is TOO_LARGE") : java.util.Optional.empty();
    DecisionRules guarded = new DecisionRules(java.util.List.of(notReady), java.util.List.of(SPRINTS));

    assertThatThrownBy(() -> guarded.check(StoryTask.APPROVE_DRAFT, Status.DRAFT, vars("approved", true)))
        .hasMessageContaining("comment is required to approve against the evidence (feasibility verdict is TOO_LARGE)");
    Decision decision = guarded.check(StoryTask.APPROVE_DRAFT, Status.DRAFT,
        vars("approved", true, "comment", "We split it in the sprint"));
    assertThat(decision.override()).isEqualTo("feasibility verdict is TOO_LARGE");
    assertThat(guarded.check(StoryTask.CODE_REVIEW, Status.CODE_REVIEW, vars("approved", true)).override()).isNull();
  }
}
