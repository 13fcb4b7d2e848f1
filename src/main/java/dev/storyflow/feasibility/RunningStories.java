package dev.storyflow.feasibility;

import dev.storyflow.engineer.EngineReads;
import dev.storyflow.engineer.EngineReads.StoryWords;
import dev.storyflow.engineer.EngineReads.WordCounts;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Component;

/**
 * The running stories, for the uniqueness check: a {@link StoryCorpus.Part} that asks the engine
 * ({@link EngineReads}, on a node the running stories' index {@link StoryIndex}) only about the words
 * of the story under review and its candidates, never for every running story.
 */
@Component
class RunningStories {

  private final EngineReads engine;

  RunningStories(EngineReads engine) {
    this.engine = engine;
  }

  /** Every running story but the given process instance ({@code null}: all), for one review or batch. */
  StoryCorpus.Part except(String processInstanceId) {
    return new Running(processInstanceId);
  }

  /** Counts the running stories once, with the first words asked about, so that one review sees one number. */
  private final class Running implements StoryCorpus.Part {

    private final String except;
    private Integer size;

    Running(String except) {
      this.except = except;
    }

    @Override
    public int size() {
      if (size == null) {
        counts(List.of(), 1);
      }
      return size;
    }

    @Override
    public Map<String, Integer> counts(Collection<String> words, int atMost) {
      WordCounts counts = engine.runningWordCounts(words, atMost, except);
      if (size == null) {
        size = counts.stories();
      }
      return counts.counts();
    }

    @Override
    public Collection<StoryWords> holding(Collection<String> words, String title, int limit) {
      if (words.isEmpty() && title.isEmpty()) {
        return List.of();
      }
      return engine.runningStoriesWith(words, title, limit, except);
    }
  }
}
