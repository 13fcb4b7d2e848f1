package dev.storyflow.epic;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;

/**
 * Limits of an epic import.
 *
 * @param maxFileSize the largest epic file {@code POST /api/epics/import} reads (413 above)
 * @param maxStories the most stories one epic file may hold, sections and table rows (400 above)
 */
@ConfigurationProperties("storyflow.epics")
record EpicProperties(
    @DefaultValue("1MB") DataSize maxFileSize,
    @DefaultValue("500") int maxStories) {

  EpicProperties {
    if (maxFileSize.toBytes() < 1 || maxFileSize.toBytes() > Integer.MAX_VALUE - 1) {
      throw new IllegalArgumentException("storyflow.epics.max-file-size must be between 1B and 2GB");
    }
    if (maxStories < 1) {
      throw new IllegalArgumentException("storyflow.epics.max-stories must be at least 1");
    }
  }
}
