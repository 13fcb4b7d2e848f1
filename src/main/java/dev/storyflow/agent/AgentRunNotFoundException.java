package dev.storyflow.agent;

/** The story has no agent run with this number; answered with 404. */
public class AgentRunNotFoundException extends RuntimeException {

  AgentRunNotFoundException(String storyId, int number) {
    super("Story " + storyId + " has no agent run " + number);
  }
}
