package dev.storyflow.sprint;

import java.time.Instant;
import java.time.LocalDate;

/** A sprint as the team plans it: dates, a goal, and where it is. */
public record Sprint(String sprintId, String name, String goal, LocalDate startDate, LocalDate endDate,
    SprintState state, Instant createdAt, String createdBy, Instant startedAt, Instant closedAt) {
}
