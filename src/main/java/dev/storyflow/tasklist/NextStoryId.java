package dev.storyflow.tasklist;

import dev.storyflow.story.StoryQueries;
import dev.storyflow.story.StoryRegistry;
import dev.storyflow.story.StorySummary;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.springframework.stereotype.Component;

/**
 * The story id the start form suggests. Teams number stories per epic ({@code US-101} … for the
 * first epic, {@code US-201} … for the second): the next id of the epic's highest one; for an
 * epic without stories the first id of the next hundred; without an epic the next id after the
 * highest of all. An id is never suggested when it was ever taken ({@link StoryRegistry}).
 */
@Component
class NextStoryId {

  /** A suggested id and why it is the one. */
  record Suggestion(String storyId, String reason) {
  }

  static final String FIRST = "US-101";
  private static final Pattern NUMBERED = Pattern.compile("([A-Za-z][A-Za-z0-9]*-)(\\d{1,9})");

  private final StoryQueries stories;
  private final StoryRegistry registry;

  NextStoryId(StoryQueries stories, StoryRegistry registry) {
    this.stories = stories;
    this.registry = registry;
  }

  Suggestion suggest(String epic) {
    boolean hasEpic = epic != null && !epic.isBlank();
    if (hasEpic) {
      Optional<Numbered> highest = highest(stories.list(null, null, epic.trim()));
      if (highest.isPresent()) {
        return free(highest.get().plus(1), "the next id in epic " + epic.trim() + " after " + highest.get());
      }
    }
    Optional<Numbered> highest = highest(stories.list(null, null, null));
    if (highest.isEmpty()) {
      return free(Numbered.of(FIRST).orElseThrow(), "the first story id");
    }
    return hasEpic
        ? free(highest.get().nextHundred(), "the first id of a new epic (the highest id so far is " + highest.get() + ")")
        : free(highest.get().plus(1), "the next id after " + highest.get());
  }

  private Suggestion free(Numbered candidate, String reason) {
    Numbered id = candidate;
    while (registry.exists(id.toString())) {
      id = id.plus(1);
    }
    return new Suggestion(id.toString(), reason + (id.equals(candidate) ? "" : "; " + candidate + " was taken before"));
  }

  private static Optional<Numbered> highest(List<StorySummary> summaries) {
    return summaries.stream().map(StorySummary::storyId).map(Numbered::of).flatMap(Optional::stream)
        .max(Comparator.comparingLong(Numbered::number));
  }

  /** An id made of a prefix and a number, e.g. {@code US-124}; the number keeps its width ({@code US-007}). */
  record Numbered(String prefix, long number, int width) {

    static Optional<Numbered> of(String id) {
      Matcher m = id == null ? null : NUMBERED.matcher(id);
      return m != null && m.matches()
          ? Optional.of(new Numbered(m.group(1), Long.parseLong(m.group(2)), m.group(2).length()))
          : Optional.empty();
    }

    Numbered plus(long n) {
      return new Numbered(prefix, number + n, width);
    }

    /** The first id of the next hundred: {@code US-124} → {@code US-201}. */
    Numbered nextHundred() {
      return new Numbered(prefix, (number / 100 + 1) * 100 + 1, width);
    }

    @Override
    public String toString() {
      return prefix + String.format("%0" + width + "d", number);
    }
  }
}
