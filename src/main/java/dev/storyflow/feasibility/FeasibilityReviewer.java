package dev.storyflow.feasibility;

import dev.storyflow.story.StoryInput;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Component;

/**
 * The backend engineer's feasibility review: analyses stories and takes the verdict from the DMN
 * table. A story is compared with the running stories and, in a batch, with the other stories of
 * the batch.
 */
@Component
public class FeasibilityReviewer {

  private final FeasibilityAnalyzer analyzer;
  private final VerdictTable verdicts;
  private final RunningStories running;

  FeasibilityReviewer(FeasibilityAnalyzer analyzer, VerdictTable verdicts, RunningStories running) {
    this.analyzer = analyzer;
    this.verdicts = verdicts;
    this.running = running;
  }

  /**
   * Reviews a story of a running process.
   *
   * @param processInstanceId the story's own instance, left out of the comparison
   */
  Map<String, Object> reviewRunning(StoryInput story, String processInstanceId) {
    return review(StoryText.of(story), StoryCorpus.of(running.except(processInstanceId)));
  }

  /** Reviews stories that are not started (yet): each is compared with the running ones and the others given. */
  public List<Map<String, Object>> reviewDrafts(List<StoryInput> stories) {
    List<StoryText> texts = stories.stream().map(StoryText::of).toList();
    StoryCorpus runningOnly = StoryCorpus.of(running.except(null));
    StoryCorpus others = texts.size() > 1 ? runningOnly.and(texts) : runningOnly;
    return texts.stream().map(t -> review(t, others)).toList();
  }

  private Map<String, Object> review(StoryText story, StoryCorpus others) {
    Analysis analysis = analyzer.analyze(story, others);
    Verdict verdict = verdicts.decide(analysis.count(Severity.ERROR), analysis.count(Severity.WARNING),
        analysis.estimate().points());
    return FeasibilityReport.of(story.storyId(), analysis, verdict);
  }
}
