package dev.storyflow.epic;

import static dev.storyflow.lifecycle.StoryVariables.DEPENDS_ON;
import static dev.storyflow.lifecycle.StoryVariables.STATUS;
import static dev.storyflow.lifecycle.StoryVariables.STORY_ID;

import dev.storyflow.lifecycle.Status;
import dev.storyflow.lifecycle.StoryRuleException.FieldProblem;
import dev.storyflow.story.StoryInput;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.function.Predicate;
import java.util.stream.Collectors;

/**
 * Decides, before anything starts, what an import of an epic file does with each story: start it
 * (at Draft, or at the file's status when an admin asks), skip it (already known, or past Draft),
 * or refuse it as invalid, with the field and the reason. A story is invalid when its id appears
 * twice in the file, when it has no section with a statement (only a table row), when it fails the
 * story rules of the normal intake, when it is part of a dependency cycle, or when it depends on a
 * story that is neither in the file nor known, or on a story of the file that is itself invalid.
 */
final class ImportPlan {

  /** A story to start, and the status to start it at. */
  record PlannedStory(StoryInput story, Status status) {
  }

  private final EpicFile file;
  private final Predicate<String> known;
  private final boolean atStatus;
  private final Function<StoryInput, List<FieldProblem>> rules;
  private final Map<String, Boolean> knownCache = new HashMap<>();
  private final Map<String, PlannedStory> candidates = new LinkedHashMap<>();
  private final Set<String> invalidIds = new HashSet<>();
  private final List<StoryProblem> invalid = new ArrayList<>();
  private final Set<String> skipped = new LinkedHashSet<>();
  private final List<StoryProblem> remarks = new ArrayList<>();
  private final List<PlannedStory> toStart = new ArrayList<>();

  private ImportPlan(EpicFile file, Predicate<String> known, boolean atStatus,
      Function<StoryInput, List<FieldProblem>> rules) {
    this.file = file;
    this.known = known;
    this.atStatus = atStatus;
    this.rules = rules;
  }

  /**
   * @param known whether Storyflow knows a story id (started once, running or finished)
   * @param atStatus start stories past Draft at their file status instead of skipping them
   * @param rules the story rules of the normal intake: the problems of a story, none when it is valid
   */
  static ImportPlan of(EpicFile file, Predicate<String> known, boolean atStatus,
      Function<StoryInput, List<FieldProblem>> rules) {
    ImportPlan plan = new ImportPlan(file, known, atStatus, rules);
    plan.readSections();
    plan.readTableOnlyRows();
    plan.refuseCycles();
    plan.resolveDependencies();
    plan.order();
    return plan;
  }

  /** The stories to start, every story after the stories of this file it depends on. */
  List<PlannedStory> toStart() {
    return List.copyOf(toStart);
  }

  List<String> skipped() {
    return List.copyOf(skipped);
  }

  List<StoryProblem> invalid() {
    return List.copyOf(invalid);
  }

  List<StoryProblem> remarks() {
    return List.copyOf(remarks);
  }

  private void readSections() {
    Map<String, List<EpicStory>> sections = file.stories().stream()
        .collect(Collectors.groupingBy(EpicStory::storyId, LinkedHashMap::new, Collectors.toList()));
    sections.forEach((id, same) -> {
      if (same.size() > 1) {
        refuse(id, STORY_ID, "appears in " + same.size() + " story sections of the file: each story needs its own id");
        return;
      }
      EpicStory story = same.get(0);
      Optional<TableRow> row = file.table().stream().filter(r -> r.storyId().equals(id)).findFirst();
      row.ifPresent(r -> remarks.addAll(TableCheck.disagreements(story, r)));
      if (isKnown(id)) {
        skip(id, STORY_ID, "is already known to Storyflow: it is not imported again");
        return;
      }
      StoryInput input = story.input(file.epicId());
      List<FieldProblem> problems = new ArrayList<>(story.problems());
      problems.addAll(rules.apply(input));
      if (!problems.isEmpty()) {
        problems.stream().distinct().forEach(p -> refuse(id, p.field(), p.message()));
        return;
      }
      candidates.put(id, new PlannedStory(input, TableCheck.status(story, row)));
    });
  }

  private void readTableOnlyRows() {
    Set<String> withSection = file.stories().stream().map(EpicStory::storyId).collect(Collectors.toSet());
    file.table().stream().map(TableRow::storyId).distinct()
        .filter(id -> !withSection.contains(id))
        .forEach(id -> {
          if (StoryInput.isValidId(id) && isKnown(id)) {
            skip(id, STORY_ID, "is only in the stories table and already known to Storyflow: it is not imported again");
          } else {
            refuse(id, "statement", "is missing: the story is only in the stories table; it needs its own section with"
                + " **As a** …, **I want** …, **So that** …");
          }
        });
  }

  /** The stories of every dependency cycle among the stories to start are invalid, all of them. */
  private void refuseCycles() {
    Map<String, List<String>> edges = new LinkedHashMap<>();
    candidates.forEach((id, planned) -> edges.put(id, dependsOn(planned).stream()
        .filter(candidates::containsKey).toList()));
    for (List<String> cycle : DependencyCycles.of(edges)) {
      String path = String.join(" → ", cycle) + " → " + cycle.get(0);
      for (String id : cycle) {
        candidates.remove(id);
        refuse(id, DEPENDS_ON, "is part of a dependency cycle: " + path);
      }
    }
  }

  /**
   * Every dependency must be a story of the file that is valid, or a known story. A story that
   * depends on an invalid one is invalid too, until nothing changes.
   */
  private void resolveDependencies() {
    boolean changed = true;
    while (changed) {
      changed = false;
      for (PlannedStory planned : List.copyOf(candidates.values())) {
        String id = planned.story().storyId();
        for (String dependency : dependsOn(planned)) {
          if (candidates.containsKey(dependency) || isKnown(dependency)) {
            continue;
          }
          candidates.remove(id);
          refuse(id, DEPENDS_ON, invalidIds.contains(dependency)
              ? "names " + dependency + ", a story of this file that is invalid"
              : "names " + dependency + ", which is neither a story of this file nor a story known to Storyflow");
          changed = true;
          break;
        }
      }
    }
  }

  /** Draft stories start; stories past Draft start at their status only when an admin asks. */
  private void order() {
    Set<String> notStarted = new HashSet<>();
    candidates.forEach((id, planned) -> {
      if (planned.status() != Status.DRAFT && !atStatus) {
        notStarted.add(id);
        skip(id, STATUS, "is " + planned.status().label() + " in the file, past Draft: not started; an admin may"
            + " import it at that status with ?atStatus=true");
      }
    });
    Map<String, PlannedStory> starting = new LinkedHashMap<>(candidates);
    starting.keySet().removeAll(notStarted);
    Set<String> placed = new HashSet<>();
    starting.keySet().forEach(id -> place(id, starting, placed));
    toStart.forEach(next -> dependsOn(next).stream().filter(notStarted::contains).forEach(d -> remarks.add(
        new StoryProblem(next.story().storyId(), DEPENDS_ON, "names " + d + ", which this import does not start"
            + " (past Draft)"))));
  }

  /** Places a story after the stories it depends on (there are no cycles left). */
  private void place(String id, Map<String, PlannedStory> starting, Set<String> placed) {
    if (!placed.add(id)) {
      return;
    }
    PlannedStory planned = starting.get(id);
    dependsOn(planned).stream().filter(starting::containsKey).forEach(d -> place(d, starting, placed));
    toStart.add(planned);
  }

  private static List<String> dependsOn(PlannedStory planned) {
    return Objects.requireNonNullElse(planned.story().dependsOn(), List.of());
  }

  private boolean isKnown(String id) {
    return knownCache.computeIfAbsent(id, known::test);
  }

  private void skip(String id, String field, String reason) {
    skipped.add(id);
    remarks.add(new StoryProblem(id, field, reason));
  }

  private void refuse(String id, String field, String message) {
    invalidIds.add(id);
    invalid.add(new StoryProblem(id, field, message));
  }
}
