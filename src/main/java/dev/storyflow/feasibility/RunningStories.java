package dev.storyflow.feasibility;

import dev.storyflow.engineer.EngineReads;
import dev.storyflow.engineer.EngineReads.StoryStatement;
import dev.storyflow.story.StoryInput;
import java.util.List;
import org.springframework.stereotype.Component;

/** The statements of the running stories, for the uniqueness check. */
@Component
class RunningStories {

  private final EngineReads engine;

  RunningStories(EngineReads engine) {
    this.engine = engine;
  }

  /** Every running story but the given process instance ({@code null}: all). */
  List<StoryText> except(String processInstanceId) {
    return engine.runningStories(processInstanceId).stream().map(RunningStories::text).toList();
  }

  private static StoryText text(StoryStatement s) {
    return StoryText.of(new StoryInput(s.storyId(), s.title() == null ? "" : s.title(), s.asA(), s.iWant(),
        s.soThat(), null, null, null, null, null, null, null, null, null, null));
  }
}
