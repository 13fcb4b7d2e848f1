package dev.storyflow.process;

import java.time.Duration;
import java.time.Instant;

/**
 * How a child process ended.
 *
 * @param pid the child's process id, also the id of the session and process group it leads
 * @param exitCode its exit code; {@code null} when it could not be stopped
 * @param timedOut it ran past its timeout, and its group was stopped
 * @param interrupted the thread waiting for it was interrupted, and its group was stopped; the
 *     thread's interrupt flag is set again
 * @param leftovers how many other processes of its group still ran when it ended (or was
 *     stopped); they were stopped too
 * @param outputComplete stdout and stderr were read to their end; {@code false} when a process
 *     that left the group still holds them open, and reading was given up
 * @param started when it started
 * @param duration how long it ran, stopping its group included
 */
public record ProcessResult(long pid, Integer exitCode, boolean timedOut, boolean interrupted, int leftovers,
    boolean outputComplete, Instant started, Duration duration) {
}
