package dev.storyflow.sprint;

import dev.storyflow.sprint.ChangeLog.Row;
import dev.storyflow.sprint.ChangeLog.StoryLog;
import dev.storyflow.sprint.SprintView.SprintStory;
import java.time.LocalDate;
import java.util.List;
import java.util.stream.Collectors;

/** Writes the team's sprint file (see {@code formats.md}): dates, goal, change log, notes. */
final class SprintMarkdown {

  static final String HEADER = "| Time | Type | Status | Assignee | Comment | Comment By |";
  static final String RULE = "|------|------|--------|----------|---------|------------|";

  private SprintMarkdown() {
  }

  /** The change log section's body: per story a heading and a table. */
  static String changeLog(ChangeLog log) {
    StringBuilder out = new StringBuilder();
    for (StoryLog story : log.stories()) {
      out.append("### ").append(story.storyId()).append(" — ").append(inline(story.title())).append("\n\n");
      out.append(HEADER).append('\n').append(RULE).append('\n');
      for (Row row : story.rows()) {
        out.append("| ").append(String.join(" | ", cell(row.time()), cell(row.type()), cell(row.status()),
            cell(row.assignee()), cell(row.comment()), cell(row.commentBy()))).append(" |\n");
      }
      out.append('\n');
    }
    return out.toString();
  }

  /** The whole sprint file. */
  static String sprintFile(SprintView sprint, ChangeLog log) {
    StringBuilder out = new StringBuilder();
    out.append("# ").append(title(sprint.name())).append("\n\n");
    out.append("**Start Date:** ").append(date(sprint.startDate())).append("  \n");
    out.append("**End Date:** ").append(date(sprint.endDate())).append("  \n");
    out.append("**Sprint Goal:** ").append(inline(sprint.goal() == null ? "" : sprint.goal())).append("\n\n");
    out.append("---\n\n## Change Log\n\n");
    out.append(changeLog(log));
    out.append("---\n\n## Sprint Notes\n\n");
    out.append("- ").append(summary(sprint)).append('\n');
    return out.toString();
  }

  static String summary(SprintView sprint) {
    List<SprintStory> done = sprint.stories().stream().filter(SprintStory::reachedDone).toList();
    List<SprintStory> open = sprint.stories().stream().filter(SprintStory::unfinished).toList();
    String prefix = sprint.state() == SprintState.CLOSED ? "Closing summary: " : "Summary so far: ";
    return prefix + done.size() + " of " + sprint.stories().size() + " stories done" + ids(done) + "; "
        + open.size() + (sprint.state() == SprintState.CLOSED ? " carried over" : " not done yet") + ids(open)
        + "; " + sprint.pointsDone() + " of " + sprint.pointsCommitted() + " points done.";
  }

  private static String ids(List<SprintStory> stories) {
    return stories.isEmpty() ? "" : " (" + stories.stream().map(SprintStory::storyId).collect(Collectors.joining(", ")) + ")";
  }

  private static String title(String name) {
    return name.regionMatches(true, 0, "Sprint", 0, 6) ? inline(name) : "Sprint " + inline(name);
  }

  private static String date(LocalDate date) {
    return date == null ? "" : date.toString();
  }

  /** Table cell text: one line, pipes escaped. */
  static String cell(String text) {
    return inline(text).replace("|", "\\|");
  }

  /**
   * One line of story text as Markdown shows it: line breaks joined; {@code &}, {@code <} and
   * {@code >} written as entities, backslashes and square brackets escaped, so that a
   * comment or title with HTML or Markdown links in it shows as text wherever the file is
   * rendered, never as an image, link or script. Markdown readers, {@link SprintFileParser} among
   * them, read it back as the characters written.
   */
  private static String inline(String text) {
    return text == null ? "" : text.replaceAll("\\s*\\R\\s*", " ").strip()
        .replace("\\", "\\\\").replace("[", "\\[").replace("]", "\\]")
        .replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
  }
}
