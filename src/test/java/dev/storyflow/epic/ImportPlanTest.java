package dev.storyflow.epic;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import dev.storyflow.lifecycle.Status;
import dev.storyflow.lifecycle.StoryRuleException.FieldProblem;
import dev.storyflow.story.StoryInput;
import jakarta.validation.Validation;
import jakarta.validation.Validator;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** What an import does with each story of a file, decided before anything starts. */
class ImportPlanTest {

  private static final Validator VALIDATOR = Validation.buildDefaultValidatorFactory().getValidator();
  /** The story rules as the intake checks them: the bean validation of {@link StoryInput}. */
  private static final Function<StoryInput, List<FieldProblem>> RULES = story -> VALIDATOR.validate(story).stream()
      .map(v -> new FieldProblem(v.getPropertyPath().toString(), v.getMessage())).toList();

  @Test
  void everyStoryOfAGoodFileStartsAfterTheStoriesItDependsOn() {
    // given
    EpicFile file = EpicFiles.parse("emoji-headings.md");

    // when
    ImportPlan plan = ImportPlan.of(file, id -> false, false, RULES);

    // then
    assertThat(plan.invalid()).isEmpty();
    assertThat(plan.skipped()).isEmpty();
    assertThat(plan.toStart()).extracting(p -> p.story().storyId()).containsExactly("US-321", "US-322", "US-323");
    StoryInput shifts = plan.toStart().get(1).story();
    assertThat(shifts.epic()).isEqualTo("v3.2-team-calendar");
    assertThat(shifts.dependsOn()).containsExactly("US-321");
    assertThat(shifts.acceptanceCriteria()).containsExactly("A lead can add, move and remove a shift",
        "A shift on someone's holiday is refused with a message");
    assertThat(shifts.componentsOrDefault()).containsExactly("backend");
    assertThat(plan.toStart()).extracting(ImportPlan.PlannedStory::status).containsOnly(Status.DRAFT);
  }

  @Test
  void storiesAreStartedAfterTheirDependenciesWhateverTheFileOrder() {
    // given US-323 depends on both others; the file lists it first
    String text = EpicFiles.text("emoji-headings.md");
    int third = text.indexOf("### 🧩 US-323");
    String reordered = text.substring(0, text.indexOf("### 🧩 US-321")) + text.substring(third)
        + text.substring(text.indexOf("### 🧩 US-321"), third);

    // when
    ImportPlan plan = ImportPlan.of(new EpicParser().parse(reordered), id -> false, false, RULES);

    // then
    assertThat(plan.toStart()).extracting(p -> p.story().storyId()).containsExactly("US-321", "US-322", "US-323");
  }

  @Test
  void knownStoriesAreSkippedAndMayBeDependedOn() {
    // given US-321 was imported before
    EpicFile file = EpicFiles.parse("emoji-headings.md");

    // when
    ImportPlan plan = ImportPlan.of(file, Set.of("US-321")::contains, false, RULES);

    // then
    assertThat(plan.skipped()).containsExactly("US-321");
    assertThat(plan.remarks()).extracting(StoryProblem::storyId, StoryProblem::field)
        .containsExactly(tuple("US-321", "storyId"));
    assertThat(plan.toStart()).extracting(p -> p.story().storyId()).containsExactly("US-322", "US-323");
    assertThat(plan.invalid()).isEmpty();
  }

  @Test
  void aBrokenFileStartsOnlyItsGoodStoryAndSaysWhatIsWrongWithEachOther() {
    // given
    EpicFile file = EpicFiles.parse("broken.md");

    // when
    ImportPlan plan = ImportPlan.of(file, id -> false, false, RULES);

    // then
    assertThat(plan.toStart()).extracting(p -> p.story().storyId()).containsExactly("US-708");
    assertThat(plan.invalid()).extracting(StoryProblem::storyId, StoryProblem::field).containsExactlyInAnyOrder(
        tuple("US-701", "asA"), tuple("US-701", "iWant"), tuple("US-701", "soThat"),
        tuple("US-702", "storyId"),
        tuple("US-703", "dependsOn"), tuple("US-704", "dependsOn"),
        tuple("US-705", "dependsOn"),
        tuple("US-706", "dependsOn"),
        tuple("US-707", "status"),
        tuple("US-709", "statement"));
    assertThat(message(plan, "US-702")).contains("2 story sections");
    assertThat(message(plan, "US-703")).isEqualTo("is part of a dependency cycle: US-703 → US-704 → US-703");
    assertThat(message(plan, "US-705")).contains("US-799").contains("neither a story of this file nor");
    assertThat(message(plan, "US-706")).contains("US-701").contains("invalid");
    assertThat(message(plan, "US-707")).contains("'Almost done' is not a status");
    assertThat(message(plan, "US-709")).contains("only in the stories table");
    assertThat(plan.skipped()).isEmpty();
  }

  @Test
  void aStoryThatDependsOnItselfIsACycleOfOne() {
    // given
    String text = EpicFiles.text("plain-headings.md").replace("**Dependencies**: US-401", "**Dependencies**: US-402");

    // when
    ImportPlan plan = ImportPlan.of(new EpicParser().parse(text), id -> false, false, RULES);

    // then
    assertThat(plan.invalid()).extracting(StoryProblem::storyId, StoryProblem::message)
        .containsExactly(tuple("US-402", "is part of a dependency cycle: US-402 → US-402"));
    assertThat(plan.toStart()).extracting(p -> p.story().storyId()).containsExactly("US-401");
  }

  @Test
  void theStoryRulesOfTheIntakeApply() {
    // given a title longer than the 200 characters the intake allows
    String text = EpicFiles.text("plain-headings.md").replace("File a claim\n", "File a claim " + "x".repeat(200) + "\n");

    // when
    ImportPlan plan = ImportPlan.of(new EpicParser().parse(text), id -> false, false, RULES);

    // then
    assertThat(plan.invalid()).extracting(StoryProblem::storyId, StoryProblem::field)
        .containsExactly(tuple("US-401", "title"), tuple("US-402", "dependsOn"));
  }

  @Test
  void tableRowsThatDisagreeWithTheirSectionAreRemarkedAndTheSectionWins() {
    // given
    EpicFile file = EpicFiles.parse("table-disagrees.md");

    // when
    ImportPlan plan = ImportPlan.of(file, id -> false, false, RULES);

    // then
    assertThat(plan.remarks()).extracting(StoryProblem::storyId, StoryProblem::field)
        .containsExactly(tuple("US-601", "title"), tuple("US-601", "status"));
    assertThat(plan.remarks().get(1).message())
        .isEqualTo("the table says 'Backlog', the story's section says 'Draft': the section wins");
    assertThat(plan.toStart()).extracting(p -> p.story().storyId(), ImportPlan.PlannedStory::status)
        .containsExactly(tuple("US-601", Status.DRAFT), tuple("US-602", Status.DRAFT));
    assertThat(plan.toStart().get(0).story().title()).isEqualTo("Scan a barcode with the camera");
    assertThat(plan.invalid()).extracting(StoryProblem::storyId, StoryProblem::field)
        .containsExactly(tuple("US-603", "statement"));
  }

  @Test
  void aSectionWithoutAStatusLineTakesTheTablesStatus() {
    // given US-402's section has no Status line; its table row says Backlog
    String text = EpicFiles.text("plain-headings.md")
        .replace("| US-402 | Approve a claim | Draft |", "| US-402 | Approve a claim | Backlog |")
        .replace("**Status**: Draft  \n**Dependencies**: US-401", "**Dependencies**: US-401");

    // when
    ImportPlan plan = ImportPlan.of(new EpicParser().parse(text), id -> false, true, RULES);

    // then
    assertThat(plan.toStart()).extracting(p -> p.story().storyId(), ImportPlan.PlannedStory::status)
        .containsExactly(tuple("US-401", Status.DRAFT), tuple("US-402", Status.BACKLOG));
    assertThat(plan.remarks()).as("no disagreement: the section says nothing").isEmpty();
  }

  @Test
  void storiesPastDraftAreSkippedUnlessAnAdminAsksForTheirStatus() {
    // given
    EpicFile file = EpicFiles.parse("past-draft.md");

    // when
    ImportPlan byDefault = ImportPlan.of(file, id -> false, false, RULES);
    ImportPlan atStatus = ImportPlan.of(file, id -> false, true, RULES);

    // then
    assertThat(byDefault.skipped()).containsExactly("US-831", "US-832");
    assertThat(byDefault.toStart()).extracting(p -> p.story().storyId()).containsExactly("US-833");
    assertThat(byDefault.remarks()).extracting(StoryProblem::storyId, StoryProblem::field).containsExactly(
        tuple("US-831", "status"), tuple("US-832", "status"), tuple("US-833", "dependsOn"));
    assertThat(byDefault.remarks().get(1).message()).startsWith("is In-progress in the file, past Draft: not started");
    assertThat(atStatus.skipped()).isEmpty();
    assertThat(atStatus.toStart()).extracting(p -> p.story().storyId(), ImportPlan.PlannedStory::status)
        .containsExactly(tuple("US-831", Status.DONE), tuple("US-832", Status.IN_PROGRESS),
            tuple("US-833", Status.DRAFT));
  }

  @Test
  void theExampleEpicsAreValid() throws IOException {
    // given
    List<Path> examples;
    try (Stream<Path> files = Files.list(Path.of("examples", "epics"))) {
      examples = files.filter(f -> f.toString().endsWith(".md")).sorted().toList();
    }
    assertThat(examples).hasSize(2);
    for (Path example : examples) {
      // when
      EpicFile file = new EpicParser().parse(Files.readString(example));
      ImportPlan plan = ImportPlan.of(file, id -> false, true, RULES);

      // then
      assertThat(plan.invalid()).as(example.toString()).isEmpty();
      assertThat(plan.remarks()).as(example.toString()).isEmpty();
      assertThat(plan.toStart()).as(example.toString()).hasSameSizeAs(file.stories()).hasSameSizeAs(file.table());
    }
  }

  private static String message(ImportPlan plan, String storyId) {
    return plan.invalid().stream().filter(p -> p.storyId().equals(storyId)).findFirst().orElseThrow().message();
  }
}
