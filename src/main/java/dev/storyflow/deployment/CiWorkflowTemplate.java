package dev.storyflow.deployment;

import static dev.storyflow.deployment.YamlText.map;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** A GitHub Actions workflow that builds and tests the service, then builds its image. */
final class CiWorkflowTemplate {

  private CiWorkflowTemplate() {
  }

  static String render(ServiceFacts facts, BundleLayout layout) {
    String version = facts.build().runtimeVersion();
    List<Object> steps = new ArrayList<>();
    steps.add(map("uses", "actions/checkout@v4"));
    switch (facts.build().tool()) {
      case MAVEN -> {
        steps.add(map("uses", "actions/setup-java@v4",
            "with", map("distribution", "temurin", "java-version", version, "cache", "maven")));
        steps.add(map("name", "Build and test", "run", "mvn -B -ntp verify"));
      }
      case GRADLE -> {
        steps.add(map("uses", "actions/setup-java@v4", "with", map("distribution", "temurin", "java-version", version)));
        steps.add(map("uses", "gradle/actions/setup-gradle@v4"));
        steps.add(map("name", "Build and test", "run", "gradle build"));
      }
      case NPM -> {
        steps.add(map("uses", "actions/setup-node@v4", "with", map("node-version", version, "cache", "npm")));
        steps.add(map("name", "Install", "run", facts.build().lockFile() ? "npm ci" : "npm install"));
        steps.add(map("name", "Build and test", "run",
            facts.build().buildScript() ? "npm run build && npm test" : "npm test"));
      }
      case PIP -> {
        steps.add(map("uses", "actions/setup-python@v5", "with", map("python-version", version)));
        steps.add(map("name", "Install", "run", facts.build().lockFile()
            ? "pip install -r requirements.txt pytest" : "pip install . pytest"));
        steps.add(map("name", "Test", "run", "python -m pytest"));
      }
      case UNKNOWN -> steps.add(map("name", "Build and test", "run", "make test"));
    }
    steps.add(map("name", "Build the image", "run",
        "docker build -f " + layout.path(BundleFile.DOCKERFILE) + " -t " + facts.build().name() + ":ci ."));
    Map<String, Object> job = new LinkedHashMap<>();
    job.put("runs-on", "ubuntu-latest");
    job.put("steps", steps);
    Map<String, Object> workflow = new LinkedHashMap<>();
    workflow.put("name", "build");
    workflow.put("on", map("push", map(), "pull_request", map()));
    workflow.put("jobs", map("build", job));
    return YamlText.write(YamlText.HEADER, workflow);
  }
}
