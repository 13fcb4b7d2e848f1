package dev.storyflow.epic;

import java.time.Instant;

/**
 * An imported epic as Storyflow keeps it ({@code SF_EPIC}): the file as the team wrote it, so that
 * the export can give it back with only statuses and checkboxes brought up to date.
 *
 * @param markdown the epic file's text, as last imported
 * @param storyCount the stories the file names, in sections or only in the table
 * @param importedBy the user of the last import
 */
record EpicRecord(String epicId, String title, String version, String markdown, int storyCount, String importedBy,
    Instant importedAt) {
}
