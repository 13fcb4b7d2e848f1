package dev.storyflow.feasibility;

import static org.assertj.core.api.Assertions.assertThat;

import dev.storyflow.lifecycle.StoryTask;
import java.util.List;
import java.util.Map;
import org.camunda.spin.Spin;
import org.junit.jupiter.api.Test;

class FeasibilityApprovalGuardTest {

  private final FeasibilityApprovalGuard guard = new FeasibilityApprovalGuard();

  @Test
  void approvingADraftThatIsNotReadyNeedsAnOverride() {
    Map<String, Object> variables = Map.of("feasibility",
        Spin.JSON("{\"verdict\":\"TOO_LARGE\",\"findings\":[{\"criterion\":\"ESTIMABLE\"}]}"));

    assertThat(guard.overrideNeeded(StoryTask.APPROVE_DRAFT, variables))
        .contains("the feasibility verdict is \"Too large\" with 1 finding");
    assertThat(guard.overrideNeeded(StoryTask.APPROVE_DRAFT, Map.of("feasibility", Map.of("verdict",
        "NEEDS_CLARIFICATION", "findings", List.of(1, 2))))).contains(
            "the feasibility verdict is \"Needs clarification\" with 2 findings");
  }

  @Test
  void readyDraftsAndOtherTasksNeedNone() {
    assertThat(guard.overrideNeeded(StoryTask.APPROVE_DRAFT,
        Map.of("feasibility", Map.of("verdict", "READY", "findings", List.of())))).isEmpty();
    assertThat(guard.overrideNeeded(StoryTask.CODE_REVIEW,
        Map.of("feasibility", Map.of("verdict", "NEEDS_CLARIFICATION")))).isEmpty();
  }

  @Test
  void missingOrUnreadableReportsFailClosed() {
    assertThat(guard.overrideNeeded(StoryTask.APPROVE_DRAFT, Map.of())).contains("there is no feasibility report");
    assertThat(guard.overrideNeeded(StoryTask.APPROVE_DRAFT, Map.of("feasibility", "whatever")))
        .contains("the feasibility report cannot be read (no verdict)");
    assertThat(guard.overrideNeeded(StoryTask.APPROVE_DRAFT, Map.of("feasibility", Spin.JSON("{\"verdict\":7}"))))
        .contains("the feasibility report cannot be read (no verdict)");
    assertThat(guard.evidenceVariable(StoryTask.APPROVE_DRAFT)).contains("feasibility");
    assertThat(guard.evidenceVariable(StoryTask.UAT)).isEmpty();
  }
}
