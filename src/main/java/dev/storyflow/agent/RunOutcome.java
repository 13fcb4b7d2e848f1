package dev.storyflow.agent;

/** How an agent run ended. */
enum RunOutcome {
  /** Still running, or the node running it died (marked {@link #LOST} by the next attempt). */
  RUNNING,
  /** The agent finished the step's work. */
  DONE,
  /** The agent asked for a human backend engineer. */
  NEEDS_HUMAN,
  /** The run failed: non-zero exit, unusable output, or the agent said it failed. */
  FAILED,
  /** The agent said it was done, but the step's checks failed on its work; the agent gets another go. */
  CHECKS_FAILED,
  /** The run passed its timeout; its process tree was killed. */
  TIMED_OUT,
  /** Storyflow stopped (or the node died) during the run; the run was retried. */
  LOST,
  /** The agent could not be started at all: a configuration problem, shown as an incident. */
  NOT_STARTED;

  /** Whether the run counts as one of the step's attempts. */
  boolean isAttempt() {
    return this != NOT_STARTED;
  }

  /** Whether the run gave the agent's final answer for its job. */
  boolean isAnswer() {
    return this == DONE || this == NEEDS_HUMAN;
  }
}
