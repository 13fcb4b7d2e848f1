package dev.storyflow.feasibility;

import static dev.storyflow.lifecycle.StoryVariables.TITLE;

import java.util.List;
import java.util.Locale;

/**
 * {@link Criterion#UNIQUE}: the story is not a near-duplicate of another running story (QUS). The
 * other stories come from the engine, or from the same batch when stories are checked together.
 */
class UniquenessCheck {

  List<Finding> check(StoryText story, StoryCorpus others) {
    String where = story.statement().means() == null ? TITLE : story.statement().means().field();
    return others.duplicatesOf(story).stream()
        .map(m -> new Finding("unique.duplicate",
            String.format(Locale.ROOT, "Duplicates story %s (%.0f %% the same words): merge the two or "
                + "say what differs", m.storyId(), m.similarity() * 100),
            new Evidence(where, null, m.storyId() + ": " + m.text())))
        .toList();
  }
}
