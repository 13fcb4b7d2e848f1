package dev.storyflow.worker;

import com.fasterxml.jackson.databind.JavaType;
import com.fasterxml.jackson.databind.type.TypeFactory;
import dev.storyflow.engineer.EngineReads;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** The steps' reads on a remote worker: asked of the engine node's worker API ({@link WorkerApi}). */
class RemoteEngineReads implements EngineReads {

  private final EngineNode node;

  RemoteEngineReads(EngineNode node) {
    this.node = node;
  }

  @Override
  public List<TaskComment> comments(String processInstanceId) {
    return node.get("comments", Map.of("processInstanceId", processInstanceId), listOf(TaskComment.class));
  }

  @Override
  public List<StoryStatement> runningStories(String exceptProcessInstanceId) {
    Map<String, String> query = new HashMap<>();
    query.put("except", exceptProcessInstanceId);
    return node.get("running-stories", query, listOf(StoryStatement.class));
  }

  @Override
  public Optional<Map<String, Object>> decide(String decisionKey, Map<String, Object> inputs) {
    WorkerApi.Decision decision = node.post("decisions/" + decisionKey, inputs,
        TypeFactory.defaultInstance().constructType(WorkerApi.Decision.class));
    return Optional.ofNullable(decision.result());
  }

  private static JavaType listOf(Class<?> type) {
    return TypeFactory.defaultInstance().constructCollectionType(List.class, type);
  }
}
