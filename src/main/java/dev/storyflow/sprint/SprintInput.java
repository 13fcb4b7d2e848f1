package dev.storyflow.sprint;

import dev.storyflow.story.StoryInput;
import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.time.LocalDate;

/** A sprint as the product owner creates it; dates may be left empty until the sprint starts. */
@Schema(description = "A sprint")
public record SprintInput(
    @NotBlank @Pattern(regexp = StoryInput.ID_PATTERN, message = StoryInput.ID_MESSAGE) String sprintId,
    @NotBlank @Size(max = 200) @Pattern(regexp = LINE, message = LINE_MESSAGE) String name,
    @Size(max = 2000) @Pattern(regexp = LINE, message = LINE_MESSAGE) String goal,
    LocalDate startDate,
    LocalDate endDate) {

  static final String LINE = "[^\\p{Cc}\\p{Cs}]*";
  static final String LINE_MESSAGE = "must be one line of text, without control characters";
}
