package dev.storyflow.sprint;

import dev.storyflow.identity.CurrentUser;
import dev.storyflow.identity.Role;
import dev.storyflow.story.StoryInput;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import java.net.URI;
import java.util.List;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** Sprints: the product owner creates, starts and closes them; every team member reads them. */
@RestController
@RequestMapping(path = "/api/sprints", produces = MediaType.APPLICATION_JSON_VALUE)
@Tag(name = "Sprints")
class SprintController {

  static final String MARKDOWN = "text/markdown;charset=UTF-8";

  private final SprintService sprints;
  private final CurrentUser currentUser;

  SprintController(SprintService sprints, CurrentUser currentUser) {
    this.sprints = sprints;
    this.currentUser = currentUser;
  }

  /** A story to carry over into a sprint. */
  record StoryRef(@NotBlank @Pattern(regexp = StoryInput.ID_PATTERN, message = StoryInput.ID_MESSAGE) String storyId) {
  }

  @PostMapping(consumes = MediaType.APPLICATION_JSON_VALUE)
  @Operation(summary = "Create a sprint", description = "For product owners and administrators. 409 when the id is taken.")
  ResponseEntity<SprintView> create(@Valid @RequestBody SprintInput input) {
    String user = currentUser.requireAnyOf(Role.PRODUCT_OWNER, Role.ADMIN);
    Sprint sprint = sprints.create(input, user);
    return ResponseEntity.created(URI.create("/api/sprints/" + sprint.sprintId())).body(sprints.view(sprint));
  }

  @GetMapping
  @Operation(summary = "Sprints, oldest first; open=true for those not closed")
  List<Sprint> list(@RequestParam(required = false) Boolean open) {
    currentUser.requireMember();
    return sprints.list().stream().filter(s -> open == null || s.state().isOpen() == open).toList();
  }

  @GetMapping("/{sprintId}")
  @Operation(summary = "A sprint with its stories, their statuses, and the points committed and done")
  SprintView get(@PathVariable String sprintId) {
    currentUser.requireMember();
    return sprints.view(sprints.get(sprintId));
  }

  @PostMapping("/{sprintId}/start")
  @Operation(summary = "Start a sprint", description = "Its stories go on to In-progress once their dependencies are Done. 409 unless the sprint is planned.")
  SprintView start(@PathVariable String sprintId) {
    currentUser.requireAnyOf(Role.PRODUCT_OWNER, Role.ADMIN);
    return sprints.view(sprints.start(sprintId));
  }

  @PostMapping("/{sprintId}/close")
  @Operation(summary = "Close a sprint", description = "Answers the stories done and carried over, and the points committed and done.")
  SprintClosing close(@PathVariable String sprintId) {
    currentUser.requireAnyOf(Role.PRODUCT_OWNER, Role.ADMIN);
    return sprints.close(sprintId);
  }

  @GetMapping(path = "/{sprintId}/changelog", produces = {MARKDOWN, MediaType.APPLICATION_JSON_VALUE})
  @Operation(summary = "The sprint's change log as the team keeps it",
      description = "Markdown (text/markdown) by default; the same rows as JSON with Accept: application/json")
  ResponseEntity<?> changeLog(@PathVariable String sprintId,
      @RequestHeader(value = HttpHeaders.ACCEPT, required = false) String accept) {
    currentUser.requireMember();
    boolean json = accept != null && MediaType.parseMediaTypes(accept).stream()
        .anyMatch(type -> type.isCompatibleWith(MediaType.APPLICATION_JSON) && !type.isWildcardType());
    if (json) {
      return ResponseEntity.ok().contentType(MediaType.APPLICATION_JSON).body(sprints.changeLog(sprintId));
    }
    return ResponseEntity.ok().contentType(MediaType.parseMediaType(MARKDOWN)).body(sprints.changeLogMarkdown(sprintId));
  }

  @GetMapping(path = "/{sprintId}/markdown", produces = MARKDOWN)
  @Operation(summary = "The whole sprint file: dates, goal, change log and notes with a summary")
  String sprintFile(@PathVariable String sprintId) {
    currentUser.requireMember();
    return sprints.sprintFile(sprintId);
  }

  @PostMapping(path = "/{sprintId}/stories", consumes = MediaType.APPLICATION_JSON_VALUE)
  @Operation(summary = "Plan a carried-over story into this sprint",
      description = "The story's own sprint must be closed, and this one open. Recorded in the story's audit.")
  SprintView carryOver(@PathVariable String sprintId, @Valid @RequestBody StoryRef story) {
    String user = currentUser.requireAnyOf(Role.PRODUCT_OWNER, Role.ADMIN);
    return sprints.carryOver(sprintId, story.storyId(), user);
  }
}
