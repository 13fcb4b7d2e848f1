package dev.storyflow.tasklist;

import java.util.List;

/**
 * The story points a product owner chooses from when planning: the planning-poker scale that the
 * feasibility estimate uses too. The Plan into sprint form lists the same values.
 */
final class StoryPointScale {

  static final List<Integer> VALUES = List.of(1, 2, 3, 5, 8, 13, 20, 40, 100);

  private StoryPointScale() {
  }

  /** The smallest value of the scale that is at least {@code points}; the largest for anything above it. */
  static int atLeast(int points) {
    return VALUES.stream().filter(v -> v >= points).findFirst().orElse(VALUES.get(VALUES.size() - 1));
  }
}
