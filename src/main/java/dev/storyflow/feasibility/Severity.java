package dev.storyflow.feasibility;

/** How much a finding weighs in the verdict: the DMN table counts errors and warnings. */
public enum Severity {
  /** The story cannot be developed as written. */
  ERROR,
  /** The story should be clarified before development. */
  WARNING,
  /** Worth a look; does not count towards the verdict. */
  INFO
}
