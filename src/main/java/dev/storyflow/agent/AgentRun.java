package dev.storyflow.agent;

import java.math.BigDecimal;
import java.time.Instant;

/**
 * One run of an external agent, as recorded in {@code SF_AGENT_RUN}.
 *
 * @param processInstanceId the story's process instance
 * @param number the run's number within the story, from 1
 * @param storyId the story id
 * @param step the step's code
 * @param jobId the Camunda job the run belongs to (retries of a job share it)
 * @param attempt the attempt within the job, from 1
 * @param outcome how it ended
 * @param reason why it failed or what the agent asked for, or {@code null}
 * @param started when it started
 * @param durationMs how long it ran, or {@code null} while running
 * @param exitCode the process's exit code, or {@code null}
 * @param timedOut it was killed at its timeout
 * @param costUsd what it cost, when the agent said
 * @param turns the agent's turns, when it said
 * @param sessionId the agent's session id, when it said
 * @param summary the agent's summary
 * @param resultJson the agent's validated result, or {@code null}
 * @param stdoutBytes bytes printed on stdout
 * @param stderrBytes bytes printed on stderr
 * @param node the host that ran it
 */
record AgentRun(String processInstanceId, int number, String storyId, String step, String jobId,
    int attempt, RunOutcome outcome, String reason, Instant started, Long durationMs,
    Integer exitCode, boolean timedOut, BigDecimal costUsd, Integer turns, String sessionId,
    String summary, String resultJson, Long stdoutBytes, Long stderrBytes, String node) {
}
