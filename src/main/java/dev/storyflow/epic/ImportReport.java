package dev.storyflow.epic;

import java.util.List;

/**
 * The answer to an epic import.
 *
 * @param created the stories started by this import, in the order they started
 * @param skipped the stories not started: already known, or past Draft without {@code atStatus}
 * @param invalid why each invalid story was not started (a story may have several entries)
 * @param remarks why each skipped story was skipped, table rows that disagree with their story's
 *     section (the section wins), stories started at a later status, dependencies not started yet
 */
record ImportReport(String epicId, List<String> created, List<String> skipped, List<StoryProblem> invalid,
    List<StoryProblem> remarks) {
}
