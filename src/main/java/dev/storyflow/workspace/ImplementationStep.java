package dev.storyflow.workspace;

import static dev.storyflow.lifecycle.StoryVariables.IMPLEMENTATION;
import static dev.storyflow.lifecycle.StoryVariables.REWORK_REASON;

import com.fasterxml.jackson.databind.JsonNode;
import dev.storyflow.engineer.BackendEngineerNeededException;
import dev.storyflow.engineer.BuiltinStep;
import dev.storyflow.lifecycle.Step;
import dev.storyflow.engineer.StepRequest;
import dev.storyflow.engineer.StepResult;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.stereotype.Component;

/**
 * In-progress without an agent: the builtin agent writes no code, so it checks the story branch.
 * When the branch holds new work (commits beyond the base, or since the implementation accepted
 * before a rework) or a human has just completed the fallback task, the implementation gates run
 * and decide. Otherwise the story waits for a human backend engineer. A failed gate sends the
 * story to the human with the failure report. A story without repository can only be done by hand
 * and is not checked.
 */
@Component
class ImplementationStep implements BuiltinStep {

  private final GitWorkspaces workspaces;
  private final ImplementationGate gate;
  private final JsonVariables json;

  ImplementationStep(GitWorkspaces workspaces, ImplementationGate gate, JsonVariables json) {
    this.workspaces = workspaces;
    this.gate = gate;
    this.json = json;
  }

  @Override
  public Step step() {
    return Step.IMPLEMENT;
  }

  @Override
  public StepResult perform(StepRequest request) {
    Optional<StoryWorkspace> workspace = workspaces.open(request);
    if (workspace.isEmpty()) {
      return withoutRepository(request);
    }
    if (!request.humanCompleted()) {
      nothingNewYet(request, workspace.get()).ifPresent(reason -> {
        throw new BackendEngineerNeededException(reason);
      });
    }
    GateReport result = gate.check(request, request.humanCompleted()
        ? "Work of the backend engineer on " + request.storyId()
        : "Work on " + request.storyId());
    if (!result.passed()) {
      throw new BackendEngineerNeededException(result.failureReport(), result.report());
    }
    return new StepResult(result.report());
  }

  private StepResult withoutRepository(StepRequest request) {
    if (!request.humanCompleted()) {
      throw new BackendEngineerNeededException("No agent is configured for step 'implement' of story "
          + request.storyId() + ", and the story has no repository for Storyflow to check; a backend engineer must"
          + " do it by hand.");
    }
    Map<String, Object> report = new LinkedHashMap<>();
    report.put("passed", null);
    report.put("summary", "Done by hand. Not checked: the story has no repository.");
    report.put("gates", List.of());
    return new StepResult(report);
  }

  /** Why the builtin agent cannot go on: the branch has no work it has not seen before. */
  private Optional<String> nothingNewYet(StepRequest request, StoryWorkspace workspace) {
    if (workspaces.hasUncommittedChanges(workspace)) {
      return Optional.empty();
    }
    BranchHistory history = workspaces.history(workspace);
    String where = "branch " + workspace.branch() + " of " + workspace.repository().url();
    String todo = " A backend engineer must implement it on that branch (push to the repository, or commit in"
        + " the workspace " + workspace.dir() + "), then complete this task; the implementation gates then run.";
    if (history.commits().isEmpty()) {
      return Optional.of("No agent is configured for step 'implement' of story " + request.storyId() + ", and "
          + where + " has no commits beyond " + workspace.baseBranch() + "." + todo);
    }
    JsonNode accepted = json.read(request.variables().get(IMPLEMENTATION));
    if (accepted.path("passed").asBoolean(false) && history.head().equals(accepted.path("head").asText())) {
      Object rework = request.variables().get(REWORK_REASON);
      return Optional.of("No agent is configured for step 'implement' of story " + request.storyId() + ", and "
          + where + " has no new commits since the implementation accepted at "
          + history.head().substring(0, 7) + "." + (rework == null ? "" : " Rework asked for: " + rework) + todo);
    }
    return Optional.empty();
  }
}
