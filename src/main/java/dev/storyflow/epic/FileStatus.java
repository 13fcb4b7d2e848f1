package dev.storyflow.epic;

import dev.storyflow.lifecycle.Status;
import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/**
 * A story's {@code **Status**} as an epic file writes it. Labels are matched the way people write
 * them: case, spaces, dashes and emoji do not count ({@code In-progress}, {@code in progress},
 * {@code IN_PROGRESS} and {@code 🚧 In progress} are one status).
 *
 * @param value the value and where it stands, or {@code null} when the story has no status line
 */
record FileStatus(FileValue value) {

  /** Whether the story's section has a status line with a value. */
  boolean isWritten() {
    return value != null && !value.text().isBlank();
  }

  /** The status the file gives; a story without a status value is a Draft. */
  Optional<Status> status() {
    return isWritten() ? of(value.text()) : Optional.of(Status.DRAFT);
  }

  /** Whether the file's text already says this status. */
  boolean says(Status status) {
    return status().filter(status::equals).isPresent();
  }

  static Optional<Status> of(String label) {
    String key = key(label);
    return Arrays.stream(Status.values())
        .filter(s -> key(s.label()).equals(key) || key(s.name()).equals(key))
        .findFirst();
  }

  /** Every label, for messages. */
  static String labels() {
    return String.join(", ", Arrays.stream(Status.values()).map(Status::label).toList());
  }

  private static String key(String label) {
    return label.codePoints().filter(Character::isLetterOrDigit)
        .collect(StringBuilder::new, StringBuilder::appendCodePoint, StringBuilder::append)
        .toString().toLowerCase(Locale.ROOT);
  }
}
