package dev.storyflow.workspace;

import java.util.Map;

/**
 * What the implementation gates found on a story branch.
 *
 * @param passed every gate passed: commits beyond the base, a successful build, at least one test
 *     run and none failed, and the line coverage threshold when one is configured
 * @param failureReport when a gate failed, what failed in a few lines (failing tests, log
 *     excerpt), for the human fallback task or to hand back to an agent; empty when passed
 * @param report the {@code implementation} report (branch, base, commits, diff stats, tests,
 *     coverage, build, gates)
 */
public record GateReport(boolean passed, String failureReport, Map<String, Object> report) {
}
