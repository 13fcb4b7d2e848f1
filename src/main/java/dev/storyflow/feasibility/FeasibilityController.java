package dev.storyflow.feasibility;

import dev.storyflow.identity.CurrentUser;
import dev.storyflow.lifecycle.StoryRuleException;
import dev.storyflow.lifecycle.StoryRuleException.FieldProblem;
import dev.storyflow.story.StoryInput;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.Validator;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * Lints stories before they are submitted: the same review as {@code Task_FeasibilityReview},
 * without starting anything. Any team member may use it. A story is bounded by the limits of
 * {@link StoryInput} (about 125 KB of text at most; a longer field is a 400 naming it) and is
 * analysed in time linear in its length.
 */
@RestController
@RequestMapping(path = "/api/feasibility", produces = MediaType.APPLICATION_JSON_VALUE)
@Tag(name = "Feasibility")
class FeasibilityController {

  static final int MAX_BATCH = 100;

  private final FeasibilityReviewer reviewer;
  private final CurrentUser currentUser;
  private final Validator validator;

  FeasibilityController(FeasibilityReviewer reviewer, CurrentUser currentUser, Validator validator) {
    this.reviewer = reviewer;
    this.currentUser = currentUser;
    this.validator = validator;
  }

  @PostMapping(consumes = MediaType.APPLICATION_JSON_VALUE)
  @Operation(summary = "Review a story without starting it", description = "Same body as POST /api/stories. "
      + "Returns the feasibility report: verdict, estimate, security sensitivity and findings. 400 on invalid input.")
  Map<String, Object> review(@Valid @RequestBody StoryInput story) {
    currentUser.requireMember();
    return reviewer.reviewDrafts(List.of(story)).get(0);
  }

  @PostMapping(path = "/batch", consumes = MediaType.APPLICATION_JSON_VALUE)
  @Operation(summary = "Review up to " + MAX_BATCH + " stories", description = "A JSON array of stories as for "
      + "POST /api/stories. Returns one report per story, in order; stories of the batch are also compared with "
      + "each other for duplicates. 400 on invalid input, naming the story by its index.")
  List<Map<String, Object>> reviewAll(@RequestBody List<StoryInput> stories) {
    currentUser.requireMember();
    validate(stories);
    return reviewer.reviewDrafts(stories);
  }

  private void validate(List<StoryInput> stories) {
    List<FieldProblem> problems = new ArrayList<>();
    if (stories.isEmpty() || stories.size() > MAX_BATCH) {
      problems.add(new FieldProblem("stories", "must hold 1 to " + MAX_BATCH + " stories, not " + stories.size()));
    }
    for (int i = 0; i < stories.size() && problems.size() < MAX_BATCH; i++) {
      if (stories.get(i) == null) {
        problems.add(new FieldProblem("[" + i + "]", "must not be null"));
        continue;
      }
      String prefix = "[" + i + "].";
      validator.validate(stories.get(i)).stream()
          .map(v -> new FieldProblem(prefix + v.getPropertyPath(), v.getMessage()))
          .sorted(Comparator.comparing(FieldProblem::field))
          .forEach(problems::add);
    }
    if (!problems.isEmpty()) {
      throw new StoryRuleException("Invalid request", problems);
    }
  }
}
