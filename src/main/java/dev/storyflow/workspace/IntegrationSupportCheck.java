package dev.storyflow.workspace;

import static dev.storyflow.lifecycle.StoryVariables.IMPLEMENTATION;
import static dev.storyflow.lifecycle.StoryVariables.SUPPORT_REQUEST;

import dev.storyflow.engineer.BackendEngineerNeededException;
import dev.storyflow.engineer.BuiltinStep;
import dev.storyflow.lifecycle.Step;
import dev.storyflow.engineer.StepRequest;
import dev.storyflow.engineer.StepResult;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.stereotype.Component;

/**
 * Integration support, builtin: reproduces QA's problem by building the story branch and running
 * its tests, and reports what fails ({@code integrationSupport}). When the branch has moved since
 * the implementation was accepted (an agent or a human committed a fix), the fix must pass the
 * implementation gates; if it does not, a human backend engineer takes over. No AI: an external
 * agent diagnoses first, and this check then stands.
 */
@Component
class IntegrationSupportCheck implements BuiltinStep {

  private final GitWorkspaces workspaces;
  private final ImplementationGate gate;
  private final JsonVariables json;

  IntegrationSupportCheck(GitWorkspaces workspaces, ImplementationGate gate, JsonVariables json) {
    this.workspaces = workspaces;
    this.gate = gate;
    this.json = json;
  }

  @Override
  public Step step() {
    return Step.INTEGRATION_SUPPORT;
  }

  @Override
  public StepResult perform(StepRequest request) {
    Map<String, Object> report = new LinkedHashMap<>();
    report.put("request", request.variables().get(SUPPORT_REQUEST));
    Optional<StoryWorkspace> workspace = workspaces.open(request);
    if (workspace.isEmpty()) {
      report.put("summary", "The story has no repository, so Storyflow could not reproduce the problem: a backend"
          + " engineer should look into it with QA.");
      report.put("reproduced", false);
      report.put("failingTests", List.of());
      report.put("changedFiles", List.of());
      report.put("gate", "not run");
      return new StepResult(report);
    }
    String acceptedHead = json.read(request.variables().get(IMPLEMENTATION)).path("head").asText("");
    GateReport result = gate.check(request, "Integration support on " + request.storyId());
    Map<String, Object> gateReport = result.report();
    boolean fixed = !acceptedHead.isEmpty() && !acceptedHead.equals(gateReport.get("head"));
    if (fixed && !result.passed()) {
      throw new BackendEngineerNeededException("The fix committed for QA's problem on story " + request.storyId()
          + " does not pass the implementation gates: " + result.failureReport(), gateReport);
    }
    List<String> failing = failingTests(gateReport);
    report.put("reproduced", !result.passed());
    report.put("failingTests", failing);
    report.put("changedFiles", fixed ? gateReport.getOrDefault("files", List.of()) : List.of());
    report.put("gate", result.passed() ? "passed" : "failed");
    report.put("head", gateReport.get("head"));
    report.put("summary", summary(fixed, result.passed(), failing, result.failureReport()));
    report.put("gates", gateReport.get("gates"));
    return new StepResult(report);
  }

  private static String summary(boolean fixed, boolean passed, List<String> failing, String failure) {
    if (fixed) {
      return "A fix was committed on the story branch and passes the implementation gates.";
    }
    if (passed) {
      return "The build and the unit tests pass on the story branch: the problem does not show there. It may lie in"
          + " the environment or its configuration.";
    }
    return "Reproduced on the story branch: " + (failing.isEmpty() ? failure : failing.size() + " failing test(s): "
        + String.join(", ", failing));
  }

  private static List<String> failingTests(Map<String, Object> gateReport) {
    List<String> names = new ArrayList<>();
    if (gateReport.get("tests") instanceof Map<?, ?> tests && tests.get("failures") instanceof List<?> failures) {
      for (Object failure : failures) {
        if (failure instanceof TestResults.TestFailure f) {
          names.add(f.test());
        } else if (failure instanceof Map<?, ?> f && f.get("test") != null) {
          names.add(String.valueOf(f.get("test")));
        } else if (failure != null) {
          names.add(String.valueOf(failure));
        }
      }
    }
    return names;
  }
}
