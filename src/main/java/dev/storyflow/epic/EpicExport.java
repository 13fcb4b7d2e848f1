package dev.storyflow.epic;

import dev.storyflow.lifecycle.Status;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Gives an epic file back with each story's status as Storyflow knows it. The file's own text is
 * edited where the values stand, nothing is rendered anew, so everything else stays byte for byte:
 * <ul>
 *   <li>the {@code **Status**} value of the story's section and its Status cell in the table are set
 *       to the status's label ({@code Code review}), inside the backticks when the file has them; a
 *       value that already says that status (in any spelling) is left as written;</li>
 *   <li>once the product owner has accepted the story in PO review (its status is past
 *       {@code PO_REVIEW}: Security review, Configuring DevOps, UAT or Done), each of its
 *       acceptance-criteria checkboxes is {@code [x]}; before that, each keeps the mark the file
 *       gave it.</li>
 * </ul>
 * Stories Storyflow does not know, and statuses without a label in the file's vocabulary, keep
 * what the file says.
 */
final class EpicExport {

  private record Edit(int start, int end, String text) {
  }

  private EpicExport() {
  }

  /**
   * @param markdown the epic file's text, as imported
   * @param file the same text, parsed
   * @param statuses the current status of each story Storyflow knows, by story id
   */
  static String withStatuses(String markdown, EpicFile file, Map<String, Status> statuses) {
    List<Edit> edits = new ArrayList<>();
    for (EpicStory story : file.stories()) {
      Status status = statuses.get(story.storyId());
      if (status == null) {
        continue;
      }
      FileValue value = story.status().value();
      if (value != null && !story.status().says(status)) {
        edits.add(new Edit(value.start(), value.end(), status.label()));
      }
      if (Status.PO_REVIEW.isBefore(status)) {
        story.criteria().stream()
            .filter(c -> c.hasCheckbox() && !c.met())
            .forEach(c -> edits.add(new Edit(c.mark(), c.mark() + 1, "x")));
      }
    }
    for (TableRow row : file.table()) {
      Status status = statuses.get(row.storyId());
      if (status != null && row.status() != null && !FileStatus.of(row.status().text()).equals(Optional.of(status))) {
        edits.add(new Edit(row.status().start(), row.status().end(), status.label()));
      }
    }
    StringBuilder text = new StringBuilder(markdown);
    edits.stream().distinct().sorted(Comparator.comparingInt(Edit::start).reversed())
        .forEach(edit -> text.replace(edit.start(), edit.end(), edit.text()));
    return text.toString();
  }
}
