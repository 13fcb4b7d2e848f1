package dev.storyflow.deployment;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.storyflow.lifecycle.ApprovalGuard;
import dev.storyflow.lifecycle.StoryTask;
import dev.storyflow.lifecycle.StoryVariables;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.camunda.spin.json.SpinJsonNode;
import org.springframework.stereotype.Component;

/**
 * The story does not reach UAT with a bundle that failed validation unless the DevOps engineer
 * approves with a comment, which is recorded in the audit as an override; so does a story whose
 * deployment report is missing or cannot be read (fail closed). Sending it back needs nothing
 * more: the story returns through {@code Task_PrepareDeployment}, which checks again.
 */
@Component
class DeploymentGuard implements ApprovalGuard {

  private final ObjectMapper json;

  DeploymentGuard(ObjectMapper json) {
    this.json = json;
  }

  @Override
  public Optional<String> overrideNeeded(StoryTask task, Map<String, Object> variables) {
    if (task != StoryTask.CONFIGURE_DEVOPS) {
      return Optional.empty();
    }
    Object variable = variables.get(StoryVariables.DEPLOYMENT);
    if (variable == null) {
      return Optional.of("there is no deployment report");
    }
    Optional<JsonNode> read = read(variable);
    if (read.isEmpty() || !read.get().path("valid").isBoolean()) {
      return Optional.of("the deployment report cannot be read (no valid flag)");
    }
    return read
        .filter(report -> !report.path("valid").booleanValue())
        .map(report -> {
          List<String> problems = new ArrayList<>();
          report.path("problems").forEach(p -> problems.add(p.asText()));
          return "the deployment bundle failed validation, " + problems.size() + " problem(s): "
              + DeploymentReport.problems(problems, 3);
        });
  }

  @Override
  public Optional<String> evidenceVariable(StoryTask task) {
    return task == StoryTask.CONFIGURE_DEVOPS ? Optional.of(StoryVariables.DEPLOYMENT) : Optional.empty();
  }

  private Optional<JsonNode> read(Object value) {
    try {
      if (value instanceof SpinJsonNode || value instanceof String) {
        return Optional.of(json.readTree(value.toString()));
      }
      return value == null ? Optional.empty() : Optional.of(json.valueToTree(value));
    } catch (JsonProcessingException | IllegalArgumentException e) {
      return Optional.empty();
    }
  }
}
