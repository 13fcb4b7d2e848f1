package dev.storyflow.identity;

/** The authenticated user lacks the group an operation needs; answered with 403. */
public class AccessDeniedException extends RuntimeException {

  public AccessDeniedException(String message) {
    super(message);
  }
}
