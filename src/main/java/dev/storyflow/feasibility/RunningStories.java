package dev.storyflow.feasibility;

import static dev.storyflow.lifecycle.StoryVariables.AS_A;
import static dev.storyflow.lifecycle.StoryVariables.I_WANT;
import static dev.storyflow.lifecycle.StoryVariables.SO_THAT;
import static dev.storyflow.lifecycle.StoryVariables.STORY_ID;
import static dev.storyflow.lifecycle.StoryVariables.TITLE;

import dev.storyflow.identity.EngineAccess;
import dev.storyflow.lifecycle.StoryProcess;
import dev.storyflow.story.StoryInput;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.runtime.VariableInstance;
import org.springframework.stereotype.Component;

/**
 * The statements of the running stories, read from the engine in two queries (the instances,
 * then their statement variables), for the uniqueness check.
 */
@Component
class RunningStories {

  private final RuntimeService runtimeService;
  private final EngineAccess engine;

  RunningStories(RuntimeService runtimeService, EngineAccess engine) {
    this.runtimeService = runtimeService;
    this.engine = engine;
  }

  /** Every running story but the given process instance ({@code null}: all). */
  List<StoryText> except(String processInstanceId) {
    return engine.asSystem(() -> {
      Set<String> instances = runtimeService.createProcessInstanceQuery()
          .processDefinitionKey(StoryProcess.KEY)
          .list().stream()
          .map(ProcessInstance::getId)
          .filter(id -> !id.equals(processInstanceId))
          .collect(Collectors.toSet());
      if (instances.isEmpty()) {
        return List.of();
      }
      Map<String, Map<String, String>> byInstance = new HashMap<>();
      for (VariableInstance v : runtimeService.createVariableInstanceQuery()
          .variableNameIn(STORY_ID, TITLE, AS_A, I_WANT, SO_THAT)
          .disableBinaryFetching()
          .disableCustomObjectDeserialization()
          .list()) {
        if (instances.contains(v.getProcessInstanceId()) && v.getProcessInstanceId().equals(v.getExecutionId())
            && v.getValue() instanceof String s) {
          byInstance.computeIfAbsent(v.getProcessInstanceId(), k -> new HashMap<>()).put(v.getName(), s);
        }
      }
      return byInstance.values().stream().map(RunningStories::text).toList();
    });
  }

  private static StoryText text(Map<String, String> v) {
    return StoryText.of(new StoryInput(v.get(STORY_ID), v.getOrDefault(TITLE, ""), v.get(AS_A), v.get(I_WANT),
        v.get(SO_THAT), null, null, null, null, null, null, null, null, null, null));
  }
}
