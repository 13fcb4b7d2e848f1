package dev.storyflow.epic;

import dev.storyflow.story.StoryInput;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * The stories a story depends on, as an epic file writes them: {@code -} or {@code None} for
 * none, one id, or a comma list, each id plain, in backticks or in brackets.
 *
 * @param ids the story ids, in the order written
 * @param notIds what was written where an id belongs but is no valid story id
 */
record Dependencies(List<String> ids, List<String> notIds) {

  static final Dependencies NONE = new Dependencies(List.of(), List.of());

  private static final Set<String> NOTHING = Set.of("", "-", "–", "—", "none", "n/a", "na", "no");

  /** Reads the plain text of a Dependencies value or table cell (backticks and link syntax already gone). */
  static Dependencies parse(String plain) {
    String text = plain == null ? "" : plain.replace("[", " ").replace("]", " ").replace("`", " ").trim();
    if (saysNone(text)) {
      return NONE;
    }
    List<String> ids = new ArrayList<>();
    List<String> notIds = new ArrayList<>();
    for (String token : Arrays.stream(text.split("[,;]")).map(String::trim).filter(t -> !t.isEmpty()).toList()) {
      if (StoryInput.isValidId(token)) {
        if (!ids.contains(token)) {
          ids.add(token);
        }
      } else {
        notIds.add(token);
      }
    }
    return new Dependencies(List.copyOf(ids), List.copyOf(notIds));
  }

  /** Whether a value is what teams write when there is nothing to say: empty, {@code -}, {@code None}, {@code N/A}. */
  static boolean saysNone(String text) {
    return NOTHING.contains(text.trim().toLowerCase(Locale.ROOT));
  }
}
