package dev.storyflow.epic;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * The bold labels that start a line of a story in an epic file ({@code **As a** …},
 * {@code **Status**: …}). A label may carry its colon inside or outside the bold text. Labels the
 * team uses but Storyflow does not import are {@link #OTHER}: they end the field before them.
 */
enum Label {
  AS_A("as a", "as an"),
  I_WANT("i want"),
  SO_THAT("so that"),
  ACCEPTANCE_CRITERIA("acceptance criteria"),
  STATUS("status"),
  DEPENDENCIES("dependencies", "depends on"),
  REFERENCE("reference", "references"),
  NOTES("notes", "note"),
  OTHER("priority", "story points", "points", "estimate", "components", "sprint", "assignee", "owner", "epic");

  private final List<String> words;

  Label(String... words) {
    this.words = List.of(words);
  }

  /** The label a bold text stands for, if it is one. */
  static Optional<Label> of(String boldText) {
    String key = boldText.trim().replaceAll(":$", "").trim().toLowerCase(Locale.ROOT).replaceAll("\\s+", " ");
    return Arrays.stream(values()).filter(label -> label.words.contains(key)).findFirst();
  }
}
