package dev.storyflow.story;

import java.time.Instant;

/** A story in a list. */
public record StorySummary(String storyId, String title, String status, String epic, String sprint,
    String priority, Integer storyPoints, Instant startedAt, Instant endedAt) {
}
