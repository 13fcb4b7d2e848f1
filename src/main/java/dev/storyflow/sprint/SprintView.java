package dev.storyflow.sprint;

import dev.storyflow.lifecycle.Status;
import dev.storyflow.lifecycle.StoryProcess;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/**
 * A sprint with its stories and points: committed = the points of every story planned into it,
 * done = the points of those that reached Done. An open sprint's stories are the stories that name
 * it now; a closed sprint's are those it held when it closed, as they were then.
 */
public record SprintView(String sprintId, String name, String goal, LocalDate startDate, LocalDate endDate,
    SprintState state, Instant startedAt, Instant closedAt, List<SprintStory> stories, int pointsCommitted,
    int pointsDone) {

  /** A story of the sprint and where it is (for a closed sprint: where it was when the sprint closed). */
  public record SprintStory(String storyId, String title, String status, String statusLabel, Integer storyPoints) {

    static SprintStory of(String storyId, String title, String status, Integer storyPoints) {
      String label = status == null ? null : Status.ofCode(status).map(Status::label).orElse(status);
      return new SprintStory(storyId, title, status, label, storyPoints);
    }

    /** It reached Done (for a closed sprint: before the sprint closed). */
    public boolean reachedDone() {
      return Status.DONE.name().equals(status);
    }

    /** Neither done nor withdrawn: a closing sprint carries it over. */
    boolean unfinished() {
      return !reachedDone() && !StoryProcess.STATUS_WITHDRAWN.equals(status);
    }
  }
}
