package dev.storyflow.sprint;

import dev.storyflow.sprint.ChangeLog.StoryLog;
import java.time.LocalDate;
import java.util.List;

/** A sprint file as read back: the header fields, the change log per story and the notes. */
public record SprintFile(String title, LocalDate startDate, LocalDate endDate, String goal, List<StoryLog> changeLog,
    List<String> notes) {
}
