package dev.storyflow.agent;

/**
 * The agent cannot run as configured (no command, an unknown placeholder, a missing executable,
 * an unreadable definition). Retrying does not help: the job fails at once and shows as an
 * incident in Cockpit, never as a silent fallback to a human.
 */
class AgentMisconfiguredException extends RuntimeException {

  AgentMisconfiguredException(String message) {
    super(message);
  }

  AgentMisconfiguredException(String message, Throwable cause) {
    super(message, cause);
  }
}
