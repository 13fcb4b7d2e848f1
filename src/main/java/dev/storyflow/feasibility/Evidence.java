package dev.storyflow.feasibility;

/**
 * The exact words behind a finding and where they are.
 *
 * @param field the story variable ({@code iWant}, {@code acceptanceCriteria}, …)
 * @param line the 1-based line of a multi-line field (acceptance criteria), or {@code null}
 * @param text the words as written
 */
public record Evidence(String field, Integer line, String text) {
}
