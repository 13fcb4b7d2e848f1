package dev.storyflow.epic;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import dev.storyflow.lifecycle.Status;
import dev.storyflow.lifecycle.StoryRuleException;
import dev.storyflow.lifecycle.StoryRuleException.FieldProblem;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

/** The epic file's variations (formats.md, "Epic file"), one test file each. */
class EpicParserTest {

  @Test
  void emojiHeadingsLinkIdsAndBacktickStatusesAreRead() {
    // when
    EpicFile file = EpicFiles.parse("emoji-headings.md");

    // then the epic's own parts
    assertThat(file.epicId()).isEqualTo("v3.2-team-calendar");
    assertThat(file.title()).isEqualTo("Team Calendar");
    assertThat(file.version()).isEqualTo("3.2");
    assertThat(file.asA()).isEqualTo("team lead");
    assertThat(file.iWant()).isEqualTo("one calendar for the whole team");
    assertThat(file.soThat()).isEqualTo("nobody books a meeting over someone's holiday");
    assertThat(file.description()).startsWith("Holidays, on-call shifts and release days live in three spreadsheets")
        .endsWith("that the leads keep up to date.");
    assertThat(file.criteria()).extracting(Criterion::text, Criterion::met).containsExactly(
        tuple("Every team member sees holidays, on-call shifts and release days in one view",
            false),
        tuple("The calendar can be exported as iCal", true));

    // and the table, ids written as links to the sections
    assertThat(file.table()).extracting(TableRow::storyId).containsExactly("US-321", "US-322", "US-323");
    assertThat(file.table().get(2).dependsOn().ids()).containsExactly("US-321", "US-322");
    assertThat(file.table().get(0).status().text()).isEqualTo("Draft");

    // and each story section
    assertThat(file.stories()).extracting(EpicStory::storyId).containsExactly("US-321", "US-322", "US-323");
    EpicStory holidays = EpicFiles.story(file, "US-321");
    assertThat(holidays.title()).isEqualTo("Show team holidays");
    assertThat(holidays.asA()).isEqualTo("team member");
    assertThat(holidays.iWant()).isEqualTo("to see who is on holiday this month");
    assertThat(holidays.soThat()).isEqualTo("I know whom I can ask for a review");
    assertThat(holidays.criteria()).extracting(Criterion::text).containsExactly(
        "Holidays of the current month are shown per person", "Past months can be browsed");
    assertThat(holidays.criteria()).extracting(Criterion::met).containsExactly(false, true);
    assertThat(holidays.status().status()).contains(Status.DRAFT);
    assertThat(holidays.dependsOn().ids()).isEmpty();
    assertThat(holidays.reference()).isEqualTo("[Calendar sketch](/docs/v3/design/calendar.md)");
    assertThat(holidays.notes()).isEqualTo("Holidays come from the HR export,\nwhich is refreshed every night.");
    assertThat(EpicFiles.story(file, "US-322").dependsOn().ids()).containsExactly("US-321");
    assertThat(EpicFiles.story(file, "US-322").reference()).isEqualTo("/docs/v3/design/on-call.md");
    assertThat(EpicFiles.story(file, "US-323").dependsOn().ids()).containsExactly("US-321", "US-322");
    assertThat(EpicFiles.story(file, "US-323").notes()).as("'-' means no notes").isNull();
  }

  @Test
  void positionsPointAtTheValuesInTheFile() {
    // given
    String text = EpicFiles.text("emoji-headings.md");

    // when
    EpicFile file = new EpicParser().parse(text);

    // then the status value stands inside its backticks, the checkbox mark inside its brackets
    FileValue status = EpicFiles.story(file, "US-321").status().value();
    assertThat(text.substring(status.start(), status.end())).isEqualTo("Draft");
    assertThat(text.substring(status.start() - 13, status.end() + 1)).isEqualTo("**Status**: `Draft`");
    FileValue cell = file.table().get(1).status();
    assertThat(text.substring(cell.start() - 1, cell.end() + 1)).isEqualTo("`Draft`");
    Criterion met = EpicFiles.story(file, "US-321").criteria().get(1);
    assertThat(text.substring(met.mark() - 3, met.mark() + 2)).isEqualTo("- [x]");
  }

  @Test
  void plainHeadingsVersionWithoutVAsAnAndDetailsUnderASecondUserStoriesHeading() {
    // when
    EpicFile file = EpicFiles.parse("plain-headings.md");

    // then
    assertThat(file.epicId()).isEqualTo("v4.0-expense-claims");
    assertThat(file.version()).isEqualTo("4.0");
    assertThat(file.asA()).isEqualTo("employee");
    assertThat(file.criteria()).hasSize(1);
    assertThat(file.table()).as("the table under 'Related User Stories'").extracting(TableRow::storyId)
        .containsExactly("US-401", "US-402");
    assertThat(file.table().get(0).dependsOn().ids()).isEmpty();
    assertThat(file.stories()).extracting(EpicStory::storyId).containsExactly("US-401", "US-402");
    EpicStory claim = EpicFiles.story(file, "US-401");
    assertThat(claim.asA()).isEqualTo("employee");
    assertThat(claim.status().value().text()).isEqualTo("Draft");
    assertThat(claim.dependsOn().ids()).isEmpty();
    assertThat(claim.criteria()).hasSize(2);
    assertThat(claim.notes()).as("the section ends at the next story heading").isEqualTo("Photos up to 10 MB each.");
    EpicStory approve = EpicFiles.story(file, "US-402");
    assertThat(approve.asA()).isEqualTo("approver");
    assertThat(approve.dependsOn().ids()).containsExactly("US-401");
    assertThat(approve.notes()).isEqualTo("Approvers are the line managers in the HR system.");
  }

  @Test
  void idsAndDependenciesInBackticksAndBrackets() {
    // when
    EpicFile file = EpicFiles.parse("backtick-ids.md");

    // then
    assertThat(file.table()).extracting(TableRow::storyId).containsExactly("US-511", "US-512", "US-513");
    assertThat(file.table()).extracting(row -> row.dependsOn().ids()).containsExactly(
        List.of(), List.of("US-511"), List.of("US-511", "US-512"));
    assertThat(file.stories()).extracting(EpicStory::storyId).containsExactly("US-511", "US-512", "US-513");
    assertThat(EpicFiles.story(file, "US-511").dependsOn().ids()).isEmpty();
    assertThat(EpicFiles.story(file, "US-512").dependsOn().ids()).containsExactly("US-511");
    assertThat(EpicFiles.story(file, "US-513").dependsOn().ids()).containsExactly("US-511", "US-512");
    assertThat(EpicFiles.story(file, "US-512").title()).isEqualTo("Delivery window");
  }

  @Test
  void statusLabelsWithTheColonInsideOrOutsideTheBoldText() {
    // when
    EpicFile file = EpicFiles.parse("past-draft.md");

    // then
    assertThat(file.stories()).extracting(story -> story.status().status().orElseThrow())
        .containsExactly(Status.DONE, Status.IN_PROGRESS, Status.DRAFT);
    assertThat(EpicFiles.story(file, "US-832").criteria()).as("**Acceptance Criteria**: with the colon outside")
        .extracting(Criterion::met).containsExactly(true, false);
  }

  @ParameterizedTest
  @CsvSource(delimiter = '|', value = {
      "In-progress | IN_PROGRESS", "in progress | IN_PROGRESS", "IN_PROGRESS | IN_PROGRESS",
      "🚧 In progress | IN_PROGRESS", "Code review | CODE_REVIEW", "PO review | PO_REVIEW",
      "E2E Testing | E2E_TESTING", "Planned in Sprint | PLANNED_IN_SPRINT", "Done ✅ | DONE"})
  void statusLabelsAreMatchedAsPeopleWriteThem(String label, Status status) {
    assertThat(FileStatus.of(label)).contains(status);
  }

  @Test
  void crLfLineEndingsReadTheSameAsLf() {
    // given
    String lf = EpicFiles.text("emoji-headings.md");

    // when
    EpicFile crLf = new EpicParser().parse(lf.replace("\n", "\r\n"));

    // then
    EpicStory holidays = EpicFiles.story(crLf, "US-321");
    assertThat(holidays.asA()).isEqualTo("team member");
    assertThat(holidays.notes()).as("the lines of a field are joined with \\n")
        .isEqualTo("Holidays come from the HR export,\nwhich is refreshed every night.");
    assertThat(crLf.stories()).hasSize(3);
  }

  @ParameterizedTest
  @ValueSource(strings = {"# Meeting notes\n\nNothing to see.\n", "Just text, no heading.\n",
      "## v1 Epic: A second-level heading is no title line\n", "# v1 Epics are great\n"})
  void aFileWithoutAnEpicTitleLineIsNoEpicFile(String text) {
    assertThatThrownBy(() -> new EpicParser().parse(text))
        .isInstanceOfSatisfying(StoryRuleException.class, e -> assertThat(e.problems())
            .extracting(FieldProblem::field).containsExactly("body"));
  }

  /** Hostile or odd Markdown after a story's criteria, up to a fifth of the largest file the import takes. */
  static List<String> oddBodies() {
    return List.of(
        "> ".repeat(EpicParser.MAX_NESTING - 1) + "deep quote\n",
        "- ".repeat(EpicParser.MAX_NESTING - 1) + "deep list\n",
        "[".repeat(200_000) + "\n",
        "*a ".repeat(60_000) + "\n",
        "`".repeat(200_000) + "\n",
        "**".repeat(100_000) + "\n",
        "**Status**:\n**Dependencies**: [`]]]\n",
        "| ID | Status |\n|--|--|\n| US-1 |\n| | x |\n",
        "[ref]: /url \"t\"\n\n**Status**: [ref]\n",
        "<div>\n**Status**: Done\n</div>\n",
        "- [ ]\n- [x]\n-\n",
        "**Notes**: a\n\n    indented code\n\n> quote\n",
        "- [ ] spaces" + " ".repeat(200_000) + "between\n",
        "### US-2:" + " ".repeat(200_000) + "title\n\n**As a**" + " ,".repeat(100_000) + "x\n",
        "# v1" + " ".repeat(200_000) + "x\n");
  }

  @ParameterizedTest
  @MethodSource("oddBodies")
  void oddMarkdownIsReadWithoutAnError(String body) {
    // given
    String text = "# v1 Epic: Odd\n\n## User Stories\n\n### US-1: Odd\n\n**As a** tester,  \n**I want** odd input,  \n"
        + "**So that** nothing breaks.\n\n**Acceptance Criteria:**\n- [ ] one\n\n" + body;

    // when
    EpicFile file = new EpicParser().parse(text);
    String exported = EpicExport.withStatuses(text, file, Map.of("US-1", Status.DONE));

    // then
    assertThat(file.stories()).extracting(EpicStory::storyId).contains("US-1");
    assertThat(exported).contains("- [x] one");
  }

  @ParameterizedTest
  @ValueSource(strings = {"- ", "* ", "+ ", "> ", "- > "})
  void linesThatOpenTooManyListsOrQuotesAreRefused(String marker) {
    // given a line nested deeper than any epic file is (CommonMark's time grows with the depth's square)
    String text = "# v1 Epic: Deep\n\n" + marker.repeat(100_000) + "x\n";

    // when, then
    assertThatThrownBy(() -> new EpicParser().parse(text))
        .isInstanceOfSatisfying(StoryRuleException.class, e -> assertThat(e.problems())
            .containsExactly(new FieldProblem("body", "line 3 opens more than 32 lists or quotes at once")));
  }

  @Test
  void aTitleWithoutLettersOrDigitsGivesNoEpicId() {
    assertThatThrownBy(() -> new EpicParser().parse("# 🚀 v1 Epic: 🚀🚀\n"))
        .isInstanceOfSatisfying(StoryRuleException.class, e -> assertThat(e.problems())
            .extracting(FieldProblem::field).containsExactly("title"));
  }

  @ParameterizedTest
  @CsvSource(delimiter = '|', nullValues = "null", value = {
      "2.1 | Invoicing & Credit Notes | v2.1-invoicing-credit-notes",
      "null | Invoicing | invoicing",
      "1 | Facturación rápida | v1-facturacion-rapida",
      "10.4.2 | A title that goes on and on and on, far longer than any id may be | "
          + "v10.4.2-a-title-that-goes-on-and-on-and-on-far-longer-than-any"})
  void epicIdsAreSlugsOfVersionAndTitle(String version, String title, String id) {
    assertThat(EpicId.of(version, title)).contains(id);
  }
}
