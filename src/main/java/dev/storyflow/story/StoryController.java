package dev.storyflow.story;

import dev.storyflow.identity.CurrentUser;
import dev.storyflow.identity.Role;
import dev.storyflow.lifecycle.Status;
import dev.storyflow.lifecycle.StoryRuleException;
import dev.storyflow.lifecycle.StoryRuleException.FieldProblem;
import java.util.ArrayList;
import java.util.Arrays;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import java.net.URI;
import java.util.List;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** Storyflow's story API: start stories, see where they are. */
@RestController
@RequestMapping(path = "/api/stories", produces = MediaType.APPLICATION_JSON_VALUE)
@Tag(name = "Stories")
class StoryController {

  private final StoryService stories;
  private final StoryQueries queries;
  private final CurrentUser currentUser;

  StoryController(StoryService stories, StoryQueries queries, CurrentUser currentUser) {
    this.stories = stories;
    this.queries = queries;
    this.currentUser = currentUser;
  }

  @PostMapping(consumes = MediaType.APPLICATION_JSON_VALUE)
  @Operation(summary = "Start a story", description = "For product owners and administrators. "
      + "400 on invalid input, 409 when the id is taken: story ids are never reused.")
  ResponseEntity<StoryView> create(@Valid @RequestBody StoryInput story) {
    currentUser.requireAnyOf(Role.PRODUCT_OWNER, Role.ADMIN);
    stories.start(story);
    StoryView view = queries.find(story.storyId()).orElseThrow();
    return ResponseEntity.created(URI.create("/api/stories/" + story.storyId())).body(view);
  }

  @GetMapping("/{storyId}")
  @Operation(summary = "A story with its status, open tasks, status history and reports")
  StoryView get(@PathVariable String storyId) {
    currentUser.requireMember();
    return queries.find(storyId).orElseThrow(() -> new StoryNotFoundException(storyId));
  }

  @GetMapping
  @Operation(summary = "Stories, newest first, filtered by status, sprint or epic (at most 500); "
      + "overdue=true: only stories with an open task past its due date")
  List<StorySummary> list(@RequestParam(required = false) String status,
      @RequestParam(required = false) String sprint, @RequestParam(required = false) String epic,
      @RequestParam(required = false) Boolean overdue) {
    currentUser.requireMember();
    List<FieldProblem> problems = new ArrayList<>();
    if (status != null && Status.ofCode(status).isEmpty()) {
      problems.add(new FieldProblem("status", "must be one of "
          + String.join(", ", Arrays.stream(Status.values()).map(Status::name).toList())));
    }
    // a NUL would reach the database's query (PostgreSQL refuses it with an error)
    if (sprint != null && !sprint.matches(StoryInput.LINE)) {
      problems.add(new FieldProblem("sprint", StoryInput.LINE_MESSAGE));
    }
    if (epic != null && !epic.matches(StoryInput.LINE)) {
      problems.add(new FieldProblem("epic", StoryInput.LINE_MESSAGE));
    }
    if (!problems.isEmpty()) {
      throw new StoryRuleException("Invalid query", problems);
    }
    return queries.list(status, sprint, epic, Boolean.TRUE.equals(overdue));
  }
}
