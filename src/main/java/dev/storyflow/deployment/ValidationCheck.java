package dev.storyflow.deployment;

/**
 * One check of a deployment bundle.
 *
 * @param check what was checked: {@code present}, {@code yaml}, {@code dockerfile}, {@code compose},
 *     {@code kubernetes}, {@code workflow}, {@code environment} or {@code secrets}
 * @param file the file checked, relative to the workspace
 * @param passed whether the check passed
 * @param message what was found; for a failure, what is wrong and what to do
 */
public record ValidationCheck(String check, String file, boolean passed, String message) {

  static ValidationCheck pass(String check, String file, String message) {
    return new ValidationCheck(check, file, true, message);
  }

  static ValidationCheck fail(String check, String file, String message) {
    return new ValidationCheck(check, file, false, message);
  }
}
