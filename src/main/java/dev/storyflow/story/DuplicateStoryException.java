package dev.storyflow.story;

import org.camunda.bpm.engine.ProcessEngineException;

/** A story with this id exists, running or finished, or is being started: answered with 409. */
public class DuplicateStoryException extends ProcessEngineException {

  private DuplicateStoryException(String message) {
    super(message);
  }

  /** The id is taken for ever: story ids are never reused. */
  static DuplicateStoryException taken(String storyId) {
    return new DuplicateStoryException("A story with id " + storyId
        + " already exists (running or finished); story ids are never reused");
  }

  /** Another request is starting a story with this id right now. */
  static DuplicateStoryException startingElsewhere(String storyId) {
    return new DuplicateStoryException("A story with id " + storyId + " is being started by another request;"
        + " if that start fails, the id is free again");
  }
}
