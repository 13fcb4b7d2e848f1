package dev.storyflow.epic;

/**
 * What an import says about one story: why it is invalid, or a remark (skipped and why, a table row
 * that disagrees with the story's section, a dependency that is not started yet).
 *
 * @param field the story field concerned ({@code storyId}, {@code asA}, {@code status}, ...)
 */
record StoryProblem(String storyId, String field, String message) {
}
