package dev.storyflow.feasibility;

import dev.storyflow.engineer.EngineReads.StoryWords;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Stories of a {@link StoryCorpus} held in memory (a batch, the evaluation's backlogs): for each
 * word the stories that hold it, and for each title the stories that have it.
 */
final class StoriesInMemory implements StoryCorpus.Part {

  private final List<StoryWords> stories = new ArrayList<>();
  private final Map<String, List<Integer>> byWord = new HashMap<>();
  private final Map<String, List<Integer>> byTitle = new HashMap<>();

  StoriesInMemory(Collection<StoryText> texts) {
    for (StoryText text : texts) {
      StoryWords story = ContentWords.of(text);
      int i = stories.size();
      stories.add(story);
      story.words().forEach(w -> byWord.computeIfAbsent(w, k -> new ArrayList<>()).add(i));
      if (!story.title().isEmpty()) {
        byTitle.computeIfAbsent(story.title(), t -> new ArrayList<>()).add(i);
      }
    }
  }

  @Override
  public int size() {
    return stories.size();
  }

  @Override
  public Map<String, Integer> counts(Collection<String> words, int atMost) {
    Map<String, Integer> counts = new HashMap<>();
    for (String word : words) {
      List<Integer> holding = byWord.get(word);
      if (holding != null) {
        counts.put(word, Math.min(atMost, holding.size()));
      }
    }
    return counts;
  }

  @Override
  public Collection<StoryWords> holding(Collection<String> words, String title, int limit) {
    Set<Integer> found = new LinkedHashSet<>();
    for (String word : words) {
      List<Integer> holding = byWord.getOrDefault(word, List.of());
      found.addAll(holding.subList(0, Math.min(limit, holding.size())));
    }
    List<Integer> titled = title.isEmpty() ? List.of() : byTitle.getOrDefault(title, List.of());
    found.addAll(titled.subList(0, Math.min(limit, titled.size())));
    return found.stream().map(stories::get).toList();
  }
}
