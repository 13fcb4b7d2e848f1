package dev.storyflow.agent;

import java.math.BigDecimal;
import java.time.Instant;

/**
 * An agent run as the API shows it; its output is at {@code /runs/{run}/log}.
 *
 * @param run the run's number within the story
 * @param step the step
 * @param attempt the attempt at the step's job
 * @param outcome {@code RUNNING}, {@code DONE}, {@code NEEDS_HUMAN}, {@code FAILED},
 *     {@code TIMED_OUT}, {@code LOST} or {@code NOT_STARTED}
 * @param reason why it failed, or what the agent asked for
 * @param started when it started
 * @param durationMs how long it ran
 * @param exitCode the process's exit code
 * @param timedOut killed at its timeout
 * @param costUsd its cost, when the agent said
 * @param turns the agent's turns, when it said
 * @param sessionId the agent's session id, when it said
 * @param summary the agent's summary
 * @param stdoutBytes bytes printed on stdout (more than the log keeps when the output was capped)
 * @param stderrBytes bytes printed on stderr
 * @param node the host that ran it
 */
record RunView(int run, String step, int attempt, RunOutcome outcome, String reason, Instant started,
    Long durationMs, Integer exitCode, boolean timedOut, BigDecimal costUsd, Integer turns, String sessionId,
    String summary, Long stdoutBytes, Long stderrBytes, String node) {

  static RunView of(AgentRun r) {
    return new RunView(r.number(), r.step(), r.attempt(), r.outcome(), r.reason(), r.started(), r.durationMs(),
        r.exitCode(), r.timedOut(), r.costUsd(), r.turns(), r.sessionId(), r.summary(), r.stdoutBytes(),
        r.stderrBytes(), r.node());
  }
}
