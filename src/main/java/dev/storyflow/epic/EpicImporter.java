package dev.storyflow.epic;

import static dev.storyflow.lifecycle.StoryVariables.DEPENDS_ON;
import static dev.storyflow.lifecycle.StoryVariables.STATUS;
import static dev.storyflow.lifecycle.StoryVariables.STORY_ID;

import dev.storyflow.lifecycle.Status;
import dev.storyflow.lifecycle.StoryRuleException;
import dev.storyflow.lifecycle.StoryRuleException.FieldProblem;
import dev.storyflow.story.DuplicateStoryException;
import dev.storyflow.story.StoryInput;
import dev.storyflow.story.StoryRegistry;
import dev.storyflow.story.StoryService;
import dev.storyflow.story.StoryVariablesMapper;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;

/**
 * Imports an epic file: refuses a file that would drop stories of its epic's kept file, decides
 * what happens to each story ({@link ImportPlan}), keeps the file,
 * then starts the stories one by one through the normal intake, each in its own transaction, the
 * stories a story depends on first. A story whose start is refused after all (another request took
 * its id meanwhile) is reported, and the stories that depend on it are not started.
 */
@Service
class EpicImporter {

  private static final Logger log = LoggerFactory.getLogger(EpicImporter.class);
  private static final String CONTEXT = "Invalid story";

  private final StoryService stories;
  private final StatusStart statusStart;
  private final StoryRegistry registry;
  private final StoryVariablesMapper mapper;
  private final EpicStore epics;
  private final EpicParser parser;

  EpicImporter(StoryService stories, StatusStart statusStart, StoryRegistry registry, StoryVariablesMapper mapper,
      EpicStore epics, EpicParser parser) {
    this.stories = stories;
    this.statusStart = statusStart;
    this.registry = registry;
    this.mapper = mapper;
    this.epics = epics;
    this.parser = parser;
  }

  /**
   * @param atStatus start stories past Draft at their file status (the caller checked it is an admin)
   */
  ImportReport importEpic(EpicFile file, String markdown, String user, boolean atStatus) {
    keepsEveryStoryOfTheKeptFile(file);
    ImportPlan plan = ImportPlan.of(file, registry::exists, atStatus, this::problems);
    epics.save(new EpicRecord(file.epicId(), file.title(), file.version(), markdown, file.storyIds().size(), user,
        Instant.now()));
    List<String> created = new ArrayList<>();
    Set<String> skipped = new LinkedHashSet<>(plan.skipped());
    List<StoryProblem> invalid = new ArrayList<>(plan.invalid());
    List<StoryProblem> remarks = new ArrayList<>(plan.remarks());
    Set<String> notStarted = new HashSet<>();
    for (ImportPlan.PlannedStory planned : plan.toStart()) {
      StoryInput story = planned.story();
      String missing = Objects.requireNonNullElse(story.dependsOn(), List.<String>of()).stream()
          .filter(notStarted::contains).findFirst().orElse(null);
      if (missing != null) {
        notStarted.add(story.storyId());
        invalid.add(new StoryProblem(story.storyId(), DEPENDS_ON, "names " + missing + ", which could not be started"));
        continue;
      }
      try {
        start(planned, file.epicId(), user);
        created.add(story.storyId());
        if (planned.status() != Status.DRAFT) {
          remarks.add(new StoryProblem(story.storyId(), STATUS, "started at " + planned.status().label()
              + " as the file says (atStatus, recorded in the story's audit)"));
        }
      } catch (DuplicateStoryException e) {
        notStarted.add(story.storyId());
        skipped.add(story.storyId());
        remarks.add(new StoryProblem(story.storyId(), STORY_ID, "was started meanwhile by another request"));
      } catch (StoryRuleException e) {
        notStarted.add(story.storyId());
        e.problems().forEach(p -> invalid.add(new StoryProblem(story.storyId(), p.field(), p.message())));
      }
    }
    log.info("Epic {} imported by {}: {} created, {} skipped, {} invalid", file.epicId(), user, created.size(),
        skipped.size(), invalid.stream().map(StoryProblem::storyId).distinct().count());
    return new ImportReport(file.epicId(), created, List.copyOf(skipped), invalid, remarks);
  }

  /**
   * A file replaces the kept file of its epic only when it still names every story of it: else
   * the epic and its export would lose those stories.
   *
   * @throws EpicConflictException naming the stories the new file leaves out
   */
  private void keepsEveryStoryOfTheKeptFile(EpicFile file) {
    epics.find(file.epicId()).ifPresent(kept -> {
      List<String> missing = parser.parse(kept.markdown()).storyIds().stream()
          .filter(id -> !file.storyIds().contains(id)).toList();
      if (!missing.isEmpty()) {
        throw new EpicConflictException(file.epicId(), missing);
      }
    });
  }

  private void start(ImportPlan.PlannedStory planned, String epicId, String user) {
    if (planned.status() == Status.DRAFT) {
      stories.start(planned.story());
    } else {
      statusStart.start(planned.story(), planned.status(), epicId, user);
    }
  }

  /** The problems the normal intake finds in a story, none when it is valid. */
  private List<FieldProblem> problems(StoryInput story) {
    try {
      mapper.validate(story, CONTEXT);
      return List.of();
    } catch (StoryRuleException e) {
      return e.problems();
    }
  }
}
