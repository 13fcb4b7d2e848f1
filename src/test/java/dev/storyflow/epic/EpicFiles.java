package dev.storyflow.epic;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

/** The epic files of {@code src/test/resources/epics}, as text and parsed. */
final class EpicFiles {

  private EpicFiles() {
  }

  static String text(String name) {
    try (InputStream in = EpicFiles.class.getResourceAsStream("/epics/" + name)) {
      if (in == null) {
        throw new IllegalArgumentException("No test epic " + name);
      }
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static EpicFile parse(String name) {
    return new EpicParser().parse(text(name));
  }

  static EpicStory story(EpicFile file, String storyId) {
    return file.stories().stream().filter(s -> s.storyId().equals(storyId)).findFirst().orElseThrow();
  }
}
