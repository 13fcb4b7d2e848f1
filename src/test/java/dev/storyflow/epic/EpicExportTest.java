package dev.storyflow.epic;

import static org.assertj.core.api.Assertions.assertThat;

import dev.storyflow.lifecycle.Status;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The export changes the Status values and, once PO review accepted a story, its checkboxes; nothing else. */
class EpicExportTest {

  @Test
  void onlyTheStatusesAndTheCheckboxesOfAcceptedStoriesChange() {
    // given
    String text = EpicFiles.text("emoji-headings.md");
    EpicFile file = new EpicParser().parse(text);

    // when US-321 is in Backlog and US-322 passed PO review; US-323 is unknown to Storyflow
    String exported = EpicExport.withStatuses(text, file,
        Map.of("US-321", Status.BACKLOG, "US-322", Status.SECURITY_REVIEW));

    // then
    assertThat(changedLines(text, exported)).containsExactly(
        "| [US-321](#us-321-show-team-holidays) | Show team holidays | `Backlog` | None |",
        "| [US-322](#us-322-add-on-call-shifts) | Add on-call shifts | `Security review` | US-321 |",
        "**Status**: `Backlog`  ",
        "- [x] A lead can add, move and remove a shift",
        "- [x] A shift on someone's holiday is refused with a message",
        "**Status**: `Security review`  ");
    EpicFile again = new EpicParser().parse(exported);
    assertThat(EpicFiles.story(again, "US-321").status().status()).contains(Status.BACKLOG);
    assertThat(EpicFiles.story(again, "US-322").criteria()).extracting(Criterion::met).containsOnly(true);
    assertThat(EpicFiles.story(again, "US-321").criteria()).as("before PO review the file's marks stay")
        .extracting(Criterion::met).containsExactly(false, true);
  }

  @Test
  void nothingChangesWhileTheFileSaysWhatStoryflowKnows() {
    // given statuses written in other spellings than the labels
    String text = EpicFiles.text("past-draft.md").replace("`In-progress`  ", "`in progress`  ");
    EpicFile file = new EpicParser().parse(text);

    // when
    String exported = EpicExport.withStatuses(text, file,
        Map.of("US-831", Status.DONE, "US-832", Status.IN_PROGRESS, "US-833", Status.DRAFT));

    // then
    assertThat(exported).isEqualTo(text);
  }

  @Test
  void plainValuesAreReplacedWithoutBackticksAndLineEndingsStay() {
    // given a file with Windows line endings and plain status values
    String text = EpicFiles.text("plain-headings.md").replace("\n", "\r\n");
    EpicFile file = new EpicParser().parse(text);

    // when
    Map<String, Status> statuses = new LinkedHashMap<>();
    statuses.put("US-401", Status.DONE);
    String exported = EpicExport.withStatuses(text, file, statuses);

    // then
    assertThat(changedLines(text, exported)).containsExactly(
        "| US-401 | File a claim | Done | - |",
        "- [x] A claim holds a date, an amount, a currency and at least one receipt photo",
        "- [x] A filed claim shows the status Submitted",
        "**Status**: Done  ");
    assertThat(exported.split("\r\n", -1)).hasSameSizeAs(text.split("\r\n", -1));
  }

  /** The lines of the export that differ from the file's, in order; the two have the same lines otherwise. */
  static List<String> changedLines(String original, String exported) {
    String[] before = original.split("\r?\n", -1);
    String[] after = exported.split("\r?\n", -1);
    assertThat(after).as("the export has the file's lines").hasSameSizeAs(before);
    List<String> changed = new ArrayList<>();
    for (int i = 0; i < before.length; i++) {
      if (!before[i].equals(after[i])) {
        changed.add(after[i]);
      }
    }
    return changed;
  }
}
