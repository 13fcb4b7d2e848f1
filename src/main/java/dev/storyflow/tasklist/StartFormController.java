package dev.storyflow.tasklist;

import dev.storyflow.feasibility.FeasibilityReviewer;
import dev.storyflow.identity.CurrentUser;
import dev.storyflow.identity.Role;
import dev.storyflow.lifecycle.StoryRuleException;
import dev.storyflow.lifecycle.StoryRuleException.FieldProblem;
import dev.storyflow.story.StoryInput;
import io.swagger.v3.oas.annotations.Hidden;
import jakarta.validation.Validator;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * What Tasklist's start form asks Storyflow, with the webapp's login: the next free story id and
 * "Check story", the feasibility review of a story before it starts. It lives under the webapps'
 * API path, so Camunda's webapp filters authenticate the session user on the engine and check the
 * CSRF token of a POST; the rights are checked here as on {@code /api}, before the story is: who
 * may not check stories learns nothing about what a valid story looks like.
 */
@RestController
@RequestMapping(path = "${camunda.bpm.webapp.application-path:/camunda}/api/storyflow",
    produces = MediaType.APPLICATION_JSON_VALUE)
@Hidden
class StartFormController {

  private final CurrentUser currentUser;
  private final NextStoryId nextStoryId;
  private final FeasibilityReviewer reviewer;
  private final Validator validator;

  StartFormController(CurrentUser currentUser, NextStoryId nextStoryId, FeasibilityReviewer reviewer,
      Validator validator) {
    this.currentUser = currentUser;
    this.nextStoryId = nextStoryId;
    this.reviewer = reviewer;
    this.validator = validator;
  }

  @GetMapping("/next-story-id")
  NextStoryId.Suggestion nextStoryId(@RequestParam(required = false) String epic) {
    currentUser.requireAnyOf(Role.PRODUCT_OWNER, Role.ADMIN);
    return nextStoryId.suggest(epic);
  }

  /** The feasibility report of a story not started, with the words a person reads for its codes. */
  @PostMapping(path = "/story-check", consumes = MediaType.APPLICATION_JSON_VALUE)
  Map<String, Object> check(@RequestBody StoryInput story) {
    currentUser.requireAnyOf(Role.PRODUCT_OWNER, Role.ADMIN);
    validate(story);
    Map<String, Object> report = new LinkedHashMap<>(reviewer.reviewDrafts(List.of(story)).get(0));
    report.put("verdictLabel", FeasibilityLabels.verdict(String.valueOf(report.get("verdict"))));
    if (report.get("findings") instanceof List<?> findings) {
      report.put("findings", findings.stream().map(StartFormController::labelled).toList());
    }
    return report;
  }

  private void validate(StoryInput story) {
    List<FieldProblem> problems = validator.validate(story).stream()
        .map(v -> new FieldProblem(v.getPropertyPath().toString(), v.getMessage()))
        .sorted(Comparator.comparing(FieldProblem::field))
        .toList();
    if (!problems.isEmpty()) {
      throw new StoryRuleException("Invalid request", problems);
    }
  }

  private static Object labelled(Object finding) {
    if (!(finding instanceof Map<?, ?> map)) {
      return finding;
    }
    Map<String, Object> labelled = new LinkedHashMap<>();
    map.forEach((key, value) -> labelled.put(String.valueOf(key), value));
    labelled.put("label", FeasibilityLabels.criterion(String.valueOf(map.get("criterion"))));
    labelled.put("severityLabel", FeasibilityLabels.severity(String.valueOf(map.get("severity"))));
    if (map.get("evidence") instanceof Map<?, ?> evidence) {
      labelled.put("where", FeasibilityLabels.where(String.valueOf(evidence.get("field")),
          evidence.get("line") instanceof Integer line ? line : null));
    }
    return labelled;
  }
}
