package dev.storyflow.deployment;

import static dev.storyflow.deployment.YamlText.map;

import dev.storyflow.deployment.BundleGenerator.Action;
import dev.storyflow.deployment.BundleGenerator.Generation;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * The {@code deployment} report: what the service needs, the bundle's files and what happened
 * to each, and every check with its result. The Configure DevOps form shows it.
 */
final class DeploymentReport {

  private DeploymentReport() {
  }

  static Map<String, Object> of(String branch, ServiceFacts facts, Generation generation, BundleValidation validation) {
    Map<String, Object> report = new LinkedHashMap<>();
    report.put("summary", summary(facts, generation, validation));
    report.put("valid", validation.passed());
    report.put("branch", branch);
    report.put("directory", generation.layout().directory());
    report.put("service", service(facts));
    report.put("files", generation.files().stream().map(f -> map("path", f.path(), "kind", f.file().code(),
        "action", f.action().code())).toList());
    report.put("validation", validation.checks().stream().map(c -> map("check", c.check(), "file", c.file(),
        "passed", c.passed(), "message", c.message())).toList());
    report.put("problems", validation.problems());
    report.put("notes", facts.notes());
    return report;
  }

  static String summary(ServiceFacts facts, Generation generation, BundleValidation validation) {
    Map<Action, Long> actions = generation.files().stream()
        .collect(Collectors.groupingBy(f -> f.action(), LinkedHashMap::new, Collectors.counting()));
    String files = actions.entrySet().stream().map(e -> e.getValue() + " " + e.getKey().code())
        .collect(Collectors.joining(", "));
    String services = facts.services().isEmpty() ? "no backing service"
        : facts.services().stream().map(BackingService::label).collect(Collectors.joining(", "));
    String result = validation.passed()
        ? "validation passed (" + validation.checks().size() + " checks)"
        : "validation FAILED (" + validation.problems().size() + " problem(s))";
    return facts.build().name() + ": " + facts.build().tool().code() + ", " + facts.build().tool().runtime() + " "
        + facts.build().runtimeVersion() + ", port " + facts.port() + ", " + facts.environment().size()
        + " environment variable(s), " + services + ". Files: " + files + "; " + result + ".";
  }

  private static Map<String, Object> service(ServiceFacts facts) {
    Map<String, Object> service = new LinkedHashMap<>();
    service.put("name", facts.build().name());
    service.put("version", facts.build().version());
    service.put("buildTool", facts.build().tool().code());
    service.put("runtime", facts.build().tool().runtime());
    service.put("runtimeVersion", facts.build().runtimeVersion());
    service.put("artifact", facts.build().artifact());
    service.put("port", facts.port());
    service.put("portSource", facts.portSource());
    service.put("healthEndpoint", facts.healthPath());
    service.put("environment", facts.environment().stream().map(v -> map("name", v.name(),
        "required", v.required(), "secret", v.secret(), "readBy", v.readBy())).toList());
    service.put("backingServices", facts.backingServices().stream().map(u -> map("name", u.service().host(),
        "label", u.service().label(), "evidence", u.evidence())).toList());
    return service;
  }

  /** The problems as one line each, at most {@code limit} of them. */
  static String problems(List<String> problems, int limit) {
    String shown = problems.stream().limit(limit).collect(Collectors.joining("; "));
    return problems.size() > limit ? shown + "; and " + (problems.size() - limit) + " more" : shown;
  }
}
