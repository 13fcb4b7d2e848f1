package dev.storyflow.feasibility;

/** One quality problem of a story. */
public record Finding(Criterion criterion, Severity severity, String message, Evidence evidence) {
}
