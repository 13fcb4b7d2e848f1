package dev.storyflow.workspace;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;

/**
 * Finds the XML reports a build wrote: files under the working tree written since the build
 * started (older ones are left over from earlier builds), whose root element has a given name.
 * Reports are the repository's output, so they are read without DTDs or external entities.
 */
final class ReportFiles {

  private static final Set<String> SKIPPED_FOLDERS = Set.of(".git", "node_modules", ".gradle", ".idea");
  private static final long MAX_SIZE = 64L * 1024 * 1024;
  private static final int MAX_FILES = 10_000;

  private ReportFiles() {
  }

  static XMLInputFactory xmlInput() {
    XMLInputFactory factory = XMLInputFactory.newFactory();
    factory.setProperty(XMLInputFactory.SUPPORT_DTD, false);
    factory.setProperty(XMLInputFactory.IS_SUPPORTING_EXTERNAL_ENTITIES, false);
    factory.setProperty(XMLInputFactory.IS_COALESCING, true);
    return factory;
  }

  /** The XML files under {@code dir} written since {@code since} whose root element is one of {@code roots}. */
  static List<Path> find(Path dir, Instant since, Set<String> roots) {
    List<Path> found = new ArrayList<>();
    long sinceMillis = since.toEpochMilli() / 1000 * 1000;
    try {
      Files.walkFileTree(dir, new SimpleFileVisitor<>() {
        @Override
        public FileVisitResult preVisitDirectory(Path folder, BasicFileAttributes attributes) {
          return SKIPPED_FOLDERS.contains(String.valueOf(folder.getFileName())) ? FileVisitResult.SKIP_SUBTREE
              : FileVisitResult.CONTINUE;
        }

        @Override
        public FileVisitResult visitFile(Path file, BasicFileAttributes attributes) {
          if (attributes.isRegularFile() && file.getFileName().toString().endsWith(".xml")
              && attributes.size() <= MAX_SIZE && attributes.lastModifiedTime().toMillis() >= sinceMillis
              && roots.contains(rootElement(file))) {
            found.add(file);
          }
          return found.size() >= MAX_FILES ? FileVisitResult.TERMINATE : FileVisitResult.CONTINUE;
        }

        @Override
        public FileVisitResult visitFileFailed(Path file, IOException e) {
          return FileVisitResult.CONTINUE;
        }
      });
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot look for reports under " + dir, e);
    }
    found.sort(null);
    return found;
  }

  private static String rootElement(Path file) {
    try (InputStream in = Files.newInputStream(file)) {
      XMLStreamReader reader = xmlInput().createXMLStreamReader(in);
      try {
        while (reader.hasNext()) {
          if (reader.next() == XMLStreamConstants.START_ELEMENT) {
            return reader.getLocalName();
          }
        }
        return "";
      } finally {
        reader.close();
      }
    } catch (IOException | XMLStreamException e) {
      return "";
    }
  }
}
