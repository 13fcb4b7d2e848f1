package dev.storyflow.workspace;

import static dev.storyflow.lifecycle.StoryVariables.FEASIBILITY;
import static dev.storyflow.lifecycle.StoryVariables.IMPLEMENTATION_PLAN;
import static dev.storyflow.lifecycle.StoryVariables.REWORK_REASON;

import com.fasterxml.jackson.databind.JsonNode;
import dev.storyflow.engineer.BuiltinStep;
import dev.storyflow.lifecycle.Step;
import dev.storyflow.engineer.StepRequest;
import dev.storyflow.engineer.StepResult;
import dev.storyflow.story.StoryInput;
import dev.storyflow.story.StoryVariablesMapper;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.springframework.stereotype.Component;

/**
 * Planned in Sprint, builtin: studies the story and its repository and writes the
 * {@code implementationPlan}: one task and one test per acceptance criterion, what the repository
 * is, the risks from the feasibility review, the reviewers' comments when the story comes back,
 * and the gates the work must pass. It also starts the story branch and pushes it to the
 * repository, so whoever implements the story finds it there. No AI; an agent may refine the plan.
 */
@Component
class ImplementationPlanner implements BuiltinStep {

  private final GitWorkspaces workspaces;
  private final StoryVariablesMapper stories;
  private final JsonVariables json;
  private final ReviewerComments comments;
  private final BuildProperties build;
  private final CoverageProperties coverage;

  ImplementationPlanner(GitWorkspaces workspaces, StoryVariablesMapper stories, JsonVariables json,
      ReviewerComments comments, BuildProperties build, CoverageProperties coverage) {
    this.workspaces = workspaces;
    this.stories = stories;
    this.json = json;
    this.comments = comments;
    this.build = build;
    this.coverage = coverage;
  }

  @Override
  public Step step() {
    return Step.PLAN;
  }

  @Override
  public StepResult perform(StepRequest request) {
    StoryInput story = stories.fromVariables(request.variables(), "Story " + request.storyId());
    Optional<StoryWorkspace> workspace = workspaces.open(request);
    Optional<RepositoryProfile> profile = workspace.map(w -> RepositoryProfile.of(w.dir(), build.command()));
    workspace.ifPresent(workspaces::push);

    List<String> criteria = criteria(story);
    List<Map<String, Object>> tasks = new ArrayList<>();
    for (int i = 0; i < criteria.size(); i++) {
      Map<String, Object> task = new LinkedHashMap<>();
      task.put("criterion", i + 1);
      task.put("acceptanceCriterion", criteria.get(i));
      task.put("task", task(criteria.get(i), profile));
      task.put("test", test(criteria.get(i), profile));
      tasks.add(task);
    }
    // a story that was planned before comes back from a rework: the last rework's comment leads
    Object rework = request.variables().get(IMPLEMENTATION_PLAN) == null ? null
        : request.variables().get(REWORK_REASON);

    Map<String, Object> plan = new LinkedHashMap<>();
    plan.put("summary", summary(request.storyId(), criteria.size(), workspace, profile, rework != null));
    plan.put("story", statement(story));
    plan.put("branch", workspace.map(StoryWorkspace::branch).orElse(null));
    plan.put("base", workspace.map(StoryWorkspace::baseBranch).orElse(null));
    plan.put("repository", workspace.map(w -> repository(w, profile.orElseThrow())).orElse(null));
    plan.put("tasks", tasks);
    plan.put("steps", steps(tasks, rework, profile));
    plan.put("risks", risks(request, criteria, workspace, profile));
    if (rework != null) {
      plan.put("rework", rework.toString());
    }
    plan.put("reviewerComments", comments.of(request.processInstanceId()));
    plan.put("definitionOfDone", definitionOfDone(workspace, profile));
    return new StepResult(plan);
  }

  private static List<String> criteria(StoryInput story) {
    if (story.acceptanceCriteria() == null) {
      return List.of();
    }
    return story.acceptanceCriteria().stream()
        .map(c -> c.replaceFirst("^\\s*(?:[-*+]\\s*)?(?:\\[[ xX]?]\\s*)?(?:\\d+[.)]\\s*)?", "").strip())
        .filter(c -> !c.isEmpty())
        .toList();
  }

  private static String task(String criterion, Optional<RepositoryProfile> profile) {
    String where = profile.flatMap(p -> p.sourceFolders().stream().findFirst()).map(f -> " (code in " + f + ")")
        .orElse("");
    return "Implement: " + criterion + where;
  }

  private static String test(String criterion, Optional<RepositoryProfile> profile) {
    String framework = profile.flatMap(p -> p.testFrameworks().stream().filter(f -> !f.contains("(")).findFirst())
        .map(f -> f + " ").orElse("unit ");
    String where = profile.flatMap(p -> p.testFolders().stream().findFirst()).map(f -> " in " + f).orElse("");
    return "Add a " + framework + "test" + where + " that fails without the change and shows: " + criterion;
  }

  private static List<String> steps(List<Map<String, Object>> tasks, Object rework, Optional<RepositoryProfile> profile) {
    List<String> steps = new ArrayList<>();
    if (rework != null) {
      steps.add("Address the rework first: " + rework);
    }
    for (Map<String, Object> task : tasks) {
      steps.add("AC" + task.get("criterion") + ": " + task.get("task") + ". Test: " + task.get("test"));
    }
    profile.filter(p -> !p.buildCommand().isEmpty()).ifPresent(p -> steps.add("Run "
        + String.join(" && ", p.buildCommand().stream().map(c -> String.join(" ", c)).toList())
        + " until every test passes, then commit on the story branch"));
    return steps;
  }

  private List<String> risks(StepRequest request, List<String> criteria, Optional<StoryWorkspace> workspace,
      Optional<RepositoryProfile> profile) {
    List<String> risks = new ArrayList<>();
    JsonNode feasibility = json.read(request.variables().get(FEASIBILITY));
    String verdict = feasibility.path("verdict").asText("");
    if (!verdict.isEmpty() && !"READY".equals(verdict)) {
      risks.add("Feasibility verdict " + verdict + (feasibility.hasNonNull("summary")
          ? ": " + feasibility.path("summary").asText() : ""));
    }
    for (JsonNode finding : feasibility.path("findings")) {
      String message = finding.isTextual() ? finding.asText() : finding.path("message").asText("");
      if (!message.isBlank()) {
        String severity = finding.path("severity").asText("");
        String criterion = finding.path("criterion").asText("");
        risks.add((severity.isEmpty() ? "" : "[" + severity + "] ")
            + (criterion.isEmpty() ? "" : "AC" + criterion + ": ") + message);
      }
    }
    for (JsonNode risk : feasibility.path("risks")) {
      risks.add(risk.isTextual() ? risk.asText() : risk.toString());
    }
    if (criteria.isEmpty()) {
      risks.add("The story has no acceptance criteria: nothing says when it is done.");
    }
    if (workspace.isEmpty()) {
      risks.add("The story has no repository: the implementation can only be done by hand and is not checked.");
    }
    profile.ifPresent(p -> {
      if (p.buildCommand().isEmpty()) {
        risks.add("No build found (no pom.xml, build.gradle, package.json or Makefile) and storyflow.build.command"
            + " is not set: the implementation gate cannot build the branch.");
      }
      if (p.testFolders().isEmpty()) {
        risks.add("No test folder found: the tests for this story start from scratch.");
      }
    });
    return risks;
  }

  private List<String> definitionOfDone(Optional<StoryWorkspace> workspace, Optional<RepositoryProfile> profile) {
    if (workspace.isEmpty()) {
      return List.of("A backend engineer does the work by hand (no repository to check).");
    }
    List<String> done = new ArrayList<>();
    done.add("Commits on " + workspace.get().branch() + " beyond " + workspace.get().baseBranch());
    done.add("The build succeeds: " + profile.filter(p -> !p.buildCommand().isEmpty())
        .map(p -> String.join(" && ", p.buildCommand().stream().map(c -> String.join(" ", c)).toList()))
        .orElse("(no build found)"));
    done.add("JUnit XML reports show at least one test run and none failed or errored");
    if (coverage.minLine() != null) {
      done.add(String.format(Locale.ROOT, "JaCoCo line coverage of at least %.0f %%",
          coverage.minLine() * 100));
    }
    return done;
  }

  private static Map<String, Object> repository(StoryWorkspace workspace, RepositoryProfile profile) {
    Map<String, Object> repository = new LinkedHashMap<>();
    repository.put("path", workspace.repository().url());
    repository.put("buildTools", profile.buildTools());
    repository.put("buildCommand", profile.buildCommand());
    repository.put("modules", profile.modules());
    repository.put("sourceFolders", profile.sourceFolders());
    repository.put("testFolders", profile.testFolders());
    repository.put("testFrameworks", profile.testFrameworks());
    repository.put("languages", profile.languages());
    return repository;
  }

  private static String statement(StoryInput story) {
    List<String> parts = new ArrayList<>();
    if (story.asA() != null) {
      parts.add("As a " + story.asA());
    }
    if (story.iWant() != null) {
      parts.add("I want " + story.iWant());
    }
    if (story.soThat() != null) {
      parts.add("so that " + story.soThat());
    }
    return parts.isEmpty() ? story.title() : String.join(", ", parts);
  }

  private static String summary(String storyId, int criteria, Optional<StoryWorkspace> workspace,
      Optional<RepositoryProfile> profile, boolean rework) {
    String where = workspace.map(w -> " on " + w.branch() + " (from " + w.baseBranch() + ")"
            + profile.filter(p -> !p.buildTools().isEmpty()).map(p -> ", a " + p.buildTools().get(0) + " project")
            .orElse(""))
        .orElse(", by hand (no repository)");
    return (rework ? "Reworked plan" : "Plan") + " for " + storyId + ": " + criteria + " acceptance "
        + (criteria == 1 ? "criterion" : "criteria") + " → " + criteria + " tasks and " + criteria + " tests" + where + ".";
  }
}
