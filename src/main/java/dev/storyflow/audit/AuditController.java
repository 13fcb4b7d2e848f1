package dev.storyflow.audit;

import dev.storyflow.identity.CurrentUser;
import dev.storyflow.story.StoryNotFoundException;
import dev.storyflow.story.StoryRegistry;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.List;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

/** A story's audit: every decision and override, for every member of the team. */
@RestController
@Tag(name = "Stories")
class AuditController {

  private final AuditLog audit;
  private final StoryRegistry stories;
  private final CurrentUser currentUser;

  AuditController(AuditLog audit, StoryRegistry stories, CurrentUser currentUser) {
    this.audit = audit;
    this.stories = stories;
    this.currentUser = currentUser;
  }

  @GetMapping(path = "/api/stories/{storyId}/audit", produces = MediaType.APPLICATION_JSON_VALUE)
  @Operation(summary = "The story's audit: decisions and overrides (who, when, what, against which evidence), "
      + "oldest first")
  List<AuditEntry> audit(@PathVariable String storyId) {
    currentUser.requireMember();
    if (!stories.exists(storyId)) {
      throw new StoryNotFoundException(storyId);
    }
    return audit.forStory(storyId);
  }
}
