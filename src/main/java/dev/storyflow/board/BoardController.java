package dev.storyflow.board;

import dev.storyflow.identity.CurrentUser;
import dev.storyflow.sprint.SprintService;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

/** The team's boards, for every team member: a sprint's, and the stories in no sprint. */
@RestController
@Tag(name = "Board")
class BoardController {

  private final BoardReader boards;
  private final SprintService sprints;
  private final CurrentUser currentUser;

  BoardController(BoardReader boards, SprintService sprints, CurrentUser currentUser) {
    this.boards = boards;
    this.sprints = sprints;
    this.currentUser = currentUser;
  }

  @GetMapping(path = "/api/sprints/{sprintId}/board", produces = MediaType.APPLICATION_JSON_VALUE)
  @Operation(summary = "A sprint's board: its stories per status, and its burndown",
      description = "The twelve statuses in workflow order, each with its cards (owner, assignee, due and overdue, "
          + "waiting for a human, incident, agent at work); the burndown from the sprint's start to today "
          + "or the day it closed, beside the ideal line to its end date. 404 for an unknown sprint.")
  Board sprint(@PathVariable String sprintId) {
    currentUser.requireMember();
    return boards.of(sprints.get(sprintId));
  }

  @GetMapping(path = "/api/board", produces = MediaType.APPLICATION_JSON_VALUE)
  @Operation(summary = "The board of the stories in no sprint: Draft, and Backlog not yet planned")
  Board unplanned() {
    currentUser.requireMember();
    return boards.unplanned();
  }
}
