package dev.storyflow.engineer;

/** The backend engineer cannot do a step; a human backend engineer must do it. */
public class BackendEngineerNeededException extends RuntimeException {

  public BackendEngineerNeededException(String reason) {
    super(reason);
  }
}
