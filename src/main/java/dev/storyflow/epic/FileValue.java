package dev.storyflow.epic;

/**
 * A value as the epic file writes it, with where it stands in the file: {@code start} and
 * {@code end} are offsets into the file's text, so the export can replace exactly this value.
 */
record FileValue(String text, int start, int end) {
}
