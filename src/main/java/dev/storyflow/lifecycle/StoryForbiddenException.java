package dev.storyflow.lifecycle;

import org.camunda.bpm.engine.AuthorizationException;

/**
 * A caller tried to step around a story rule that only {@code camunda-admin} may step around: a
 * start at another step, a variable changed outside a completion, a task claimed for someone
 * else. An {@link AuthorizationException}, so every door answers 403.
 */
public class StoryForbiddenException extends AuthorizationException {

  public StoryForbiddenException(String message) {
    super(message);
  }
}
