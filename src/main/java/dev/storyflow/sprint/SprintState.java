package dev.storyflow.sprint;

/** Where a sprint is: planned (stories may be planned into it), started (its stories go on), closed. */
public enum SprintState {
  PLANNED,
  STARTED,
  CLOSED;

  /** Stories may be planned into a sprint that is not closed. */
  public boolean isOpen() {
    return this != CLOSED;
  }
}
