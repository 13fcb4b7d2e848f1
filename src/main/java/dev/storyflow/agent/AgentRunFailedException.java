package dev.storyflow.agent;

/** An agent run failed and has retries left: the job fails and Camunda runs it again later. */
class AgentRunFailedException extends RuntimeException {

  AgentRunFailedException(String message) {
    super(message);
  }
}
