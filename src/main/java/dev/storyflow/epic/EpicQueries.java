package dev.storyflow.epic;

import dev.storyflow.lifecycle.Status;
import dev.storyflow.story.StoryQueries;
import dev.storyflow.story.StorySummary;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.springframework.stereotype.Component;

/** Reads imported epics, with their stories' statuses as Storyflow knows them (through {@link StoryQueries}). */
@Component
class EpicQueries {

  /** A story of the epic as Storyflow knows it: its current title and status code. */
  private record Known(String title, String status) {
  }

  private final EpicStore epics;
  private final EpicParser parser;
  private final StoryQueries stories;

  EpicQueries(EpicStore epics, EpicParser parser, StoryQueries stories) {
    this.epics = epics;
    this.parser = parser;
    this.stories = stories;
  }

  List<EpicView> list() {
    return epics.list().stream().map(epic -> new EpicView(epic.epicId(), epic.title(), epic.version(), null, null,
        null, null, null, epic.storyCount(), epic.importedBy(), epic.importedAt(), null)).toList();
  }

  /**
   * @throws EpicNotFoundException when no epic has this id
   */
  EpicView find(String epicId) {
    EpicRecord epic = epics.find(epicId).orElseThrow(() -> new EpicNotFoundException(epicId));
    EpicFile file = parser.parse(epic.markdown());
    Map<String, Known> known = known(file);
    List<EpicView.Story> storyViews = file.storyIds().stream().map(id -> {
      Known story = known.get(id);
      String status = story == null ? null : story.status();
      return new EpicView.Story(id, story != null ? story.title() : fileTitle(file, id), status,
          Status.ofCode(status).map(Status::label).orElse(null), fileStatus(file, id));
    }).toList();
    return new EpicView(epic.epicId(), epic.title(), epic.version(), file.asA(), file.iWant(), file.soThat(),
        file.description(), file.criteria().stream().map(c -> new EpicView.Criterion(c.text(), c.met())).toList(),
        epic.storyCount(), epic.importedBy(), epic.importedAt(), storyViews);
  }

  /**
   * The epic file as imported, with each story's status and checkboxes up to date ({@link EpicExport}).
   *
   * @throws EpicNotFoundException when no epic has this id
   */
  String markdown(String epicId) {
    EpicRecord epic = epics.find(epicId).orElseThrow(() -> new EpicNotFoundException(epicId));
    EpicFile file = parser.parse(epic.markdown());
    Map<String, Status> statuses = new HashMap<>();
    known(file).forEach((id, story) -> Status.ofCode(story.status()).ifPresent(status -> statuses.put(id, status)));
    return EpicExport.withStatuses(epic.markdown(), file, statuses);
  }

  /**
   * The file's stories that Storyflow knows: those the import started, listed by their epic at once,
   * and any other (started before, or whose epic was revised) one by one.
   */
  private Map<String, Known> known(EpicFile file) {
    Map<String, Known> known = new HashMap<>();
    for (StorySummary story : stories.list(null, null, file.epicId())) {
      known.putIfAbsent(story.storyId(), new Known(story.title(), story.status()));
    }
    file.storyIds().stream().filter(id -> !known.containsKey(id)).forEach(id -> stories.find(id)
        .ifPresent(story -> known.put(id, new Known(story.title(), story.status()))));
    return known;
  }

  private static String fileTitle(EpicFile file, String id) {
    return file.stories().stream().filter(s -> s.storyId().equals(id)).map(EpicStory::title).findFirst()
        .orElseGet(() -> file.table().stream().filter(r -> r.storyId().equals(id)).map(TableRow::title)
            .filter(Objects::nonNull).findFirst().orElse(null));
  }

  private static String fileStatus(EpicFile file, String id) {
    Optional<EpicStory> story = file.stories().stream().filter(s -> s.storyId().equals(id)).findFirst();
    if (story.isPresent() && story.get().status().isWritten()) {
      return story.get().status().value().text();
    }
    return file.table().stream().filter(r -> r.storyId().equals(id) && r.status() != null)
        .map(r -> r.status().text()).findFirst().orElse(story.isPresent() ? Status.DRAFT.label() : null);
  }
}
