package dev.storyflow.sprint;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/**
 * A sprint with its stories and points: committed = the points of every story planned into it,
 * done = the points of those that reached Done.
 */
public record SprintView(String sprintId, String name, String goal, LocalDate startDate, LocalDate endDate,
    SprintState state, Instant startedAt, Instant closedAt, List<SprintStory> stories, int pointsCommitted,
    int pointsDone) {

  /** A story of the sprint and where it is. */
  public record SprintStory(String storyId, String title, String status, String statusLabel, Integer storyPoints) {
  }
}
