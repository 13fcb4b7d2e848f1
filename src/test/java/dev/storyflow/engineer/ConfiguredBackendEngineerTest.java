package dev.storyflow.engineer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.storyflow.lifecycle.Step;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** How the configured agent and the builtin gate share a step. */
class ConfiguredBackendEngineerTest {

  static final Map<String, Object> AGENT_RESULT = Map.of("status", "done", "summary", "Built the endpoint");

  final List<StepRequest> agentCalls = new ArrayList<>();
  final Agent agent = request -> {
    agentCalls.add(request);
    return new StepResult(AGENT_RESULT);
  };

  @Test
  void gateRunsAfterTheAgentAndItsReportStands() {
    // given a builtin gate for the step that sees the agent's result
    List<StepRequest> gateCalls = new ArrayList<>();
    BuiltinStep gate = gate(Step.IMPLEMENT, request -> {
      gateCalls.add(request);
      return new StepResult(Map.of("summary", "2 tests ran, none failed", "passed", true));
    });
    BackendEngineer engineer = engineer(List.of(gate), Optional.of(agent));

    // when
    StepResult result = engineer.perform(request(Step.IMPLEMENT, false));

    // then
    assertThat(agentCalls).hasSize(1);
    assertThat(gateCalls).singleElement().extracting(StepRequest::agentResult).isEqualTo(AGENT_RESULT);
    assertThat(result.report()).containsEntry("summary", "2 tests ran, none failed").containsEntry("passed", true)
        .containsEntry("agentNotes", AGENT_RESULT);
  }

  @Test
  void theAgentsReviewJoinsTheNotesOfADeterministicReport() {
    // given a feasibility-like report: verdict and findings are the builtin's, notes are open
    BuiltinStep review = gate(Step.FEASIBILITY, request -> new StepResult(Map.of("verdict", "READY",
        "findings", List.of(), "notes", List.of())));
    BackendEngineer engineer = engineer(List.of(review), Optional.of(agent));

    // when
    StepResult result = engineer.perform(request(Step.FEASIBILITY, false));

    // then the verdict stays the builtin's and the agent's review is one note, marked as the agent's
    assertThat(result.report()).containsEntry("verdict", "READY");
    assertThat((List<?>) result.report().get("notes")).singleElement()
        .isEqualTo(Map.of("by", "agent", "summary", "Built the endpoint"));
  }

  @Test
  void gateDecidesEvenWhenTheAgentSaysDone() {
    BuiltinStep gate = gate(Step.IMPLEMENT, request -> {
      throw new BackendEngineerNeededException("No tests ran");
    });
    BackendEngineer engineer = engineer(List.of(gate), Optional.of(agent));

    assertThatThrownBy(() -> engineer.perform(request(Step.IMPLEMENT, false)))
        .isInstanceOf(BackendEngineerNeededException.class).hasMessage("No tests ran");
  }

  @Test
  void withoutAGateTheAgentsSummaryIsReportedUnchecked() {
    BackendEngineer engineer = engineer(List.of(), Optional.of(agent));

    StepResult result = engineer.perform(request(Step.PLAN, false));

    assertThat(result.report()).containsEntry("summary", "Built the endpoint").containsEntry("checked", false)
        .containsEntry("agentNotes", AGENT_RESULT);
  }

  @Test
  void afterAHumanDidTheStepOnlyTheChecksRun() {
    BackendEngineer engineer = engineer(List.of(), Optional.of(agent));

    StepResult result = engineer.perform(request(Step.PLAN, true));

    assertThat(agentCalls).isEmpty();
    assertThat(result.hasReport()).isFalse();
  }

  @Test
  void builtinStepsWithoutAnAgentAskForAHuman() {
    BackendEngineer engineer = engineer(List.of(), Optional.empty());

    assertThatThrownBy(() -> engineer.perform(request(Step.IMPLEMENT, false)))
        .isInstanceOf(BackendEngineerNeededException.class).hasMessageContaining("step 'implement'");
  }

  private static BackendEngineer engineer(List<BuiltinStep> steps, Optional<Agent> external) {
    return new ConfiguredBackendEngineer(new BuiltinAgent(steps), step -> external);
  }

  private static StepRequest request(Step step, boolean humanCompleted) {
    return new StepRequest(step, "US-1", "pi-1", Map.of("title", "A story"), humanCompleted);
  }

  private static BuiltinStep gate(Step step, Agent work) {
    return new BuiltinStep() {
      @Override
      public Step step() {
        return step;
      }

      @Override
      public StepResult perform(StepRequest request) {
        return work.perform(request);
      }
    };
  }
}
