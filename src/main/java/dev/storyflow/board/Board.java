package dev.storyflow.board;

import com.fasterxml.jackson.annotation.JsonInclude;
import dev.storyflow.sprint.SprintState;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/**
 * A board: the twelve statuses as columns in workflow order, each with the cards of its stories.
 * A sprint's board also names the sprint, its points, and its burndown; the board of stories in
 * no sprint (Draft and Backlog) has none of these.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Board(String sprintId, String name, String goal, SprintState state, LocalDate startDate,
    LocalDate endDate, Integer pointsCommitted, Integer pointsDone, List<Column> columns,
    List<Burndown.Day> burndown) {

  /**
   * A status and its stories.
   *
   * @param ownerRole the group of the role that owns the status; {@code null} when it is unassigned
   * @param ownerLabel that role's name, e.g. "Code reviewer"
   */
  public record Column(String status, String label, String ownerRole, String ownerLabel, List<Card> cards) {
  }

  /**
   * A story on the board.
   *
   * @param ownerRole the group of the role that owns the story's status, {@code null} when unassigned
   * @param assignee the user who claimed one of the story's open tasks
   * @param due the earliest due date of the story's open tasks
   * @param overdue whether one of them is past its due date (by the engine's clock)
   * @param waitingForHuman the backend engineer could not do a step: the story waits at
   *     {@code Task_BackendEngineerFallback} for a human
   * @param incident the story has an incident (a step failed after its retries)
   * @param agentRunning a backend-engineer step is running (its external task is locked)
   */
  @JsonInclude(JsonInclude.Include.ALWAYS)
  public record Card(String storyId, String title, Integer storyPoints, String ownerRole, String assignee,
      Instant due, boolean overdue, boolean waitingForHuman, boolean incident, boolean agentRunning,
      String processInstanceId) {
  }
}
