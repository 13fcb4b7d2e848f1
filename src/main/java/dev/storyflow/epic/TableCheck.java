package dev.storyflow.epic;

import static dev.storyflow.lifecycle.StoryVariables.DEPENDS_ON;
import static dev.storyflow.lifecycle.StoryVariables.STATUS;
import static dev.storyflow.lifecycle.StoryVariables.TITLE;

import dev.storyflow.lifecycle.Status;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * A story's section against its row in the stories table. The section holds the story's details
 * and wins; where the row says otherwise (title, status, dependencies), the import says so.
 */
final class TableCheck {

  private TableCheck() {
  }

  static List<StoryProblem> disagreements(EpicStory story, TableRow row) {
    List<StoryProblem> remarks = new ArrayList<>();
    if (row.title() != null && !row.title().equals(story.title())) {
      remarks.add(disagree(story, TITLE, row.title(), story.title()));
    }
    if (row.status() != null && story.status().isWritten()
        && !FileStatus.of(row.status().text()).equals(story.status().status())) {
      remarks.add(disagree(story, STATUS, row.status().text(), story.status().value().text()));
    }
    if (row.dependsOn() != null && !Set.copyOf(row.dependsOn().ids()).equals(Set.copyOf(story.dependsOn().ids()))) {
      remarks.add(disagree(story, DEPENDS_ON, describe(row.dependsOn()), describe(story.dependsOn())));
    }
    return remarks;
  }

  /** The section's status; when the section has no status line, the row's; else Draft. */
  static Status status(EpicStory story, Optional<TableRow> row) {
    if (story.status().isWritten()) {
      return story.status().status().orElseThrow();
    }
    return row.filter(r -> r.status() != null).flatMap(r -> FileStatus.of(r.status().text())).orElse(Status.DRAFT);
  }

  private static StoryProblem disagree(EpicStory story, String field, String table, String section) {
    return new StoryProblem(story.storyId(), field, "the table says '" + table + "', the story's section says '"
        + section + "': the section wins");
  }

  private static String describe(Dependencies dependencies) {
    return dependencies.ids().isEmpty() ? "None" : String.join(", ", dependencies.ids());
  }
}
