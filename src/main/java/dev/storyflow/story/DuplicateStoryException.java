package dev.storyflow.story;

import org.camunda.bpm.engine.ProcessEngineException;

/** A story with this id is already running; answered with 409. */
public class DuplicateStoryException extends ProcessEngineException {

  public DuplicateStoryException(String storyId) {
    super("A story with id " + storyId + " is already running");
  }
}
