package dev.storyflow.worker;

import com.fasterxml.jackson.databind.JavaType;
import com.fasterxml.jackson.databind.type.TypeFactory;
import dev.storyflow.engineer.EngineReads;
import java.util.Collection;
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

  /** One request per {@link WorkerApi#MAX_WORDS} words; the stories are counted by the first. */
  @Override
  public WordCounts runningWordCounts(Collection<String> words, int atMost, String exceptProcessInstanceId) {
    List<String> all = List.copyOf(words);
    WordCounts first = count(all.subList(0, Math.min(all.size(), WorkerApi.MAX_WORDS)), atMost,
        exceptProcessInstanceId);
    Map<String, Integer> counts = new HashMap<>(first.counts());
    for (int i = WorkerApi.MAX_WORDS; i < all.size(); i += WorkerApi.MAX_WORDS) {
      counts.putAll(count(all.subList(i, Math.min(all.size(), i + WorkerApi.MAX_WORDS)), atMost,
          exceptProcessInstanceId).counts());
    }
    return new WordCounts(first.stories(), counts);
  }

  private WordCounts count(List<String> words, int atMost, String exceptProcessInstanceId) {
    return node.post("running-stories/word-counts", new WorkerApi.WordCountsQuery(words, atMost,
        exceptProcessInstanceId), TypeFactory.defaultInstance().constructType(WordCounts.class));
  }

  @Override
  public List<StoryWords> runningStoriesWith(Collection<String> words, String title, int limit,
      String exceptProcessInstanceId) {
    return node.post("running-stories/with-words", new WorkerApi.StoriesWithQuery(List.copyOf(words), title, limit,
        exceptProcessInstanceId), listOf(StoryWords.class));
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
