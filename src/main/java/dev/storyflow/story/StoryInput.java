package dev.storyflow.story;

import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.util.List;

/**
 * A story as a team submits it (design section 5). The same rules check a story started through
 * {@code /api/stories}, through {@code /engine-rest} and a story revised in Tasklist.
 */
@Schema(description = "A user story")
public record StoryInput(
    @NotBlank @Pattern(regexp = ID_PATTERN, message = ID_MESSAGE) String storyId,
    @NotBlank @Size(max = 200) @Pattern(regexp = LINE, message = LINE_MESSAGE) String title,
    @Size(max = 1000) @Pattern(regexp = LINE, message = LINE_MESSAGE) String asA,
    @Size(max = 1000) @Pattern(regexp = LINE, message = LINE_MESSAGE) String iWant,
    @Size(max = 1000) @Pattern(regexp = LINE, message = LINE_MESSAGE) String soThat,
    @Size(max = 50) List<@NotBlank @Size(max = 2000) @Pattern(regexp = LINE, message = LINE_MESSAGE) String> acceptanceCriteria,
    @Size(max = 2) List<@NotNull @Pattern(regexp = "backend|frontend",
        message = "must be backend or frontend") String> components,
    @Size(max = 100) @Pattern(regexp = LINE, message = LINE_MESSAGE) String epic,
    @Pattern(regexp = "LOW|MEDIUM|HIGH|CRITICAL", message = "must be one of LOW, MEDIUM, HIGH, CRITICAL")
    String priority,
    @Min(1) @Max(100) Integer storyPoints,
    @Size(max = 64) @Pattern(regexp = LINE, message = LINE_MESSAGE) String sprint,
    @Size(max = 50) List<@NotNull @Pattern(regexp = ID_PATTERN, message = ID_MESSAGE) String> dependsOn,
    @Size(max = 2000) @Pattern(regexp = TEXT, message = TEXT_MESSAGE) String reference,
    @Size(max = 20_000) @Pattern(regexp = TEXT, message = TEXT_MESSAGE) String notes,
    @Size(max = 1000) @Pattern(regexp = LINE, message = LINE_MESSAGE) String repository) {

  /**
   * Story ids: a letter or digit, then up to 63 letters, digits, dots, underscores or dashes; and a
   * valid part of a git branch name ({@code story/{storyId}}): no {@code ..}, not ending in
   * {@code .} or {@code .lock}. The id also names the story's workspace folder.
   */
  public static final String ID_PATTERN = "(?!.*\\.\\.)(?!.*\\.lock$)(?!.*\\.$)[A-Za-z0-9][A-Za-z0-9._-]{0,63}";
  public static final String ID_MESSAGE = "must be 1 to 64 letters, digits, '.', '_' or '-', starting with a letter"
      + " or digit, without '..', and not ending in '.' or '.lock'";

  /** One line of text: no control characters (NUL, line breaks, ...) and no unpaired surrogates. */
  public static final String LINE = "[^\\p{Cc}\\p{Cs}]*";
  static final String LINE_MESSAGE = "must be one line of text, without control characters";
  /** Text of several lines: tabs and line breaks, but no other control characters and no unpaired surrogates. */
  public static final String TEXT = "[^\\x00-\\x08\\x0B\\x0C\\x0E-\\x1F\\x7F\\p{Cs}]*";
  public static final String TEXT_MESSAGE = "must be text without control characters other than tabs and line breaks";

  /** Whether a story id follows the rules of {@link #ID_PATTERN}. */
  public static boolean isValidId(String id) {
    return id != null && id.matches(ID_PATTERN);
  }

  /** The components, {@code backend} when none are given. */
  public List<String> componentsOrDefault() {
    return components == null || components.isEmpty() ? List.of("backend") : components.stream().distinct().toList();
  }
}
