package dev.storyflow.story;

/** No story with this id; answered with 404. */
public class StoryNotFoundException extends RuntimeException {

  public StoryNotFoundException(String storyId) {
    super("No story with id " + storyId);
  }
}
