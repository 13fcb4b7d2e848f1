package dev.storyflow.workspace;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;

/**
 * Line coverage from the JaCoCo XML reports a build wrote: the {@code LINE} counters of each
 * report's top level, added up over all reports (one per module).
 *
 * @param covered lines covered by tests
 * @param missed lines not covered
 * @param reports the report files read, relative to the working tree
 */
record LineCoverage(long covered, long missed, List<String> reports) {

  /** Covered lines out of all lines, 0 to 1. */
  double ratio() {
    long lines = covered + missed;
    return lines == 0 ? 0 : (double) covered / lines;
  }

  static Optional<LineCoverage> read(Path dir, Instant since) {
    long covered = 0;
    long missed = 0;
    List<Path> files = ReportFiles.find(dir, since, Set.of("report"));
    List<String> read = new ArrayList<>();
    for (Path file : files) {
      try (InputStream in = Files.newInputStream(file)) {
        long[] counter = topLevelLines(in);
        if (counter != null) {
          covered += counter[0];
          missed += counter[1];
          read.add(dir.relativize(file).toString());
        }
      } catch (IOException | XMLStreamException e) {
        // not a JaCoCo report after all
      }
    }
    return read.isEmpty() ? Optional.empty() : Optional.of(new LineCoverage(covered, missed, List.copyOf(read)));
  }

  /** The covered and missed lines of the report's own LINE counter, or null when it has none. */
  private static long[] topLevelLines(InputStream in) throws XMLStreamException {
    XMLStreamReader reader = ReportFiles.xmlInput().createXMLStreamReader(in);
    try {
      int depth = 0;
      while (reader.hasNext()) {
        int event = reader.next();
        if (event == XMLStreamConstants.START_ELEMENT) {
          depth++;
          if (depth == 2 && "counter".equals(reader.getLocalName())
              && "LINE".equals(reader.getAttributeValue(null, "type"))) {
            return new long[] {Long.parseLong(reader.getAttributeValue(null, "covered")),
                Long.parseLong(reader.getAttributeValue(null, "missed"))};
          }
        } else if (event == XMLStreamConstants.END_ELEMENT) {
          depth--;
        }
      }
      return null;
    } catch (NumberFormatException e) {
      return null;
    } finally {
      reader.close();
    }
  }
}
