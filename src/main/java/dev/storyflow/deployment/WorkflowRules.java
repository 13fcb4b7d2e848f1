package dev.storyflow.deployment;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** Checks a CI workflow: triggers, and jobs that run on a runner and run build steps. */
final class WorkflowRules {

  List<ValidationCheck> check(String file, YamlNode workflow) {
    List<ValidationCheck> checks = new ArrayList<>();
    List<String> missing = new ArrayList<>();
    if (!workflow.get("on").isPresent()) {
      missing.add("on (the events that start it)");
    }
    Map<String, YamlNode> jobs = workflow.get("jobs").entries();
    if (jobs.isEmpty()) {
      missing.add("jobs");
    }
    jobs.forEach((id, job) -> {
      if (!job.get("uses").isPresent()) {
        if (!job.get("runs-on").isPresent()) {
          missing.add("jobs." + id + ".runs-on");
        }
        if (!job.get("steps").isPresent()) {
          missing.add("jobs." + id + ".steps");
        }
      }
    });
    checks.add(missing.isEmpty() ? ValidationCheck.pass("workflow", file, "jobs " + String.join(", ", jobs.keySet()))
        : ValidationCheck.fail("workflow", file, "misses " + String.join(", ", missing)));
    boolean runs = jobs.values().stream().flatMap(j -> j.get("steps").items().stream())
        .anyMatch(s -> s.get("run").isPresent());
    checks.add(runs ? ValidationCheck.pass("workflow", file, "runs build steps")
        : ValidationCheck.fail("workflow", file, "has no step that runs the build and the tests (run:)"));
    return checks;
  }
}
