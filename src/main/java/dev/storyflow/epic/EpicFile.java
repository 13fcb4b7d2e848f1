package dev.storyflow.epic;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * An epic file as the team writes it (formats.md, "Epic file"): the title line, the epic's own
 * statement, description and criteria, the stories table and one section per story.
 *
 * @param epicId Storyflow's id of the epic, derived from version and title ({@link EpicId})
 * @param version the version of the title line without its {@code v}, or {@code null}
 * @param stories the story sections, in file order (an id may appear twice: that is an error of the file)
 * @param table the rows of the stories table, in file order
 */
record EpicFile(String epicId, String title, String version, String asA, String iWant, String soThat,
    String description, List<Criterion> criteria, List<EpicStory> stories, List<TableRow> table) {

  /** Every story id the file names, in a section or only in the table, in file order. */
  List<String> storyIds() {
    Set<String> ids = new LinkedHashSet<>();
    stories.forEach(story -> ids.add(story.storyId()));
    table.forEach(row -> ids.add(row.storyId()));
    return List.copyOf(ids);
  }
}
