package dev.storyflow.epic;

import dev.storyflow.identity.CurrentUser;
import dev.storyflow.identity.Role;
import dev.storyflow.lifecycle.StoryRuleException;
import dev.storyflow.lifecycle.StoryRuleException.FieldProblem;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;
import java.io.IOException;
import java.net.URI;
import java.util.List;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** Epics as the team keeps them, in Markdown files: import one, see its stories, get the file back up to date. */
@RestController
@RequestMapping("/api/epics")
@Tag(name = "Epics")
class EpicController {

  static final String MARKDOWN = "text/markdown";
  private static final MediaType MARKDOWN_UTF8 = MediaType.parseMediaType(MARKDOWN + ";charset=UTF-8");

  private final EpicRequestBody body;
  private final EpicParser parser;
  private final EpicImporter importer;
  private final EpicQueries queries;
  private final CurrentUser currentUser;
  private final int maxStories;

  EpicController(EpicRequestBody body, EpicParser parser, EpicImporter importer, EpicQueries queries,
      CurrentUser currentUser, EpicProperties properties) {
    this.body = body;
    this.parser = parser;
    this.importer = importer;
    this.queries = queries;
    this.currentUser = currentUser;
    this.maxStories = properties.maxStories();
  }

  @PostMapping(path = "/import", consumes = MARKDOWN, produces = MediaType.APPLICATION_JSON_VALUE)
  @Operation(summary = "Import an epic file", description = "For product owners and administrators. Starts one"
      + " story per story section through the normal intake; lists the stories created, skipped (already known,"
      + " or past Draft) and invalid (field and reason). Importing the same file again creates nothing. With"
      + " atStatus=true (administrators only) stories past Draft start at the status their file gives, recorded"
      + " in their audit. 400 when the body is no epic file, 413 above storyflow.epics.max-file-size.")
  @io.swagger.v3.oas.annotations.parameters.RequestBody(required = true, description = "The epic file (UTF-8 unless"
      + " the content type names another charset)", content = @Content(mediaType = MARKDOWN,
      schema = @Schema(type = "string")))
  ResponseEntity<ImportReport> importEpic(HttpServletRequest request,
      @Parameter(description = "start stories past Draft at their file status (administrators only)")
      @RequestParam(defaultValue = "false") boolean atStatus) throws IOException {
    String user = currentUser.requireAnyOf(Role.PRODUCT_OWNER, Role.ADMIN);
    if (atStatus) {
      currentUser.requireAnyOf(Role.ADMIN);
    }
    String text = body.read(request.getInputStream(), request.getContentLengthLong(),
        MediaType.parseMediaType(request.getContentType()));
    EpicFile file = parser.parse(text);
    if (file.storyIds().size() > maxStories) {
      throw new StoryRuleException("Invalid epic file", List.of(new FieldProblem("body", "names "
          + file.storyIds().size() + " stories; an epic file may hold at most " + maxStories
          + " (storyflow.epics.max-stories)")));
    }
    ImportReport report = importer.importEpic(file, text, user, atStatus);
    return ResponseEntity.created(URI.create("/api/epics/" + report.epicId())).body(report);
  }

  @GetMapping(produces = MediaType.APPLICATION_JSON_VALUE)
  @Operation(summary = "The imported epics, by id: title, version, story count")
  List<EpicView> list() {
    currentUser.requireMember();
    return queries.list();
  }

  @GetMapping(path = "/{epicId}", produces = MediaType.APPLICATION_JSON_VALUE)
  @Operation(summary = "An epic with its stories and their statuses")
  EpicView get(@PathVariable String epicId) {
    currentUser.requireMember();
    return queries.find(epicId);
  }

  @GetMapping(path = "/{epicId}/markdown", produces = MARKDOWN)
  @Operation(summary = "The epic file as imported, with each story's Status and acceptance-criteria checkboxes"
      + " up to date (only those change)")
  ResponseEntity<String> markdown(@PathVariable String epicId) {
    currentUser.requireMember();
    return ResponseEntity.ok().contentType(MARKDOWN_UTF8).body(queries.markdown(epicId));
  }
}
