package dev.storyflow.deployment;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The files of a workspace that tell what the service needs: its main sources, configuration and
 * build files. Tests, dependencies, build output and the deployment bundle itself are left out.
 * Paths are relative to the workspace, with {@code /}.
 */
final class SourceTree {

  private static final Set<String> SKIPPED_DIRECTORIES = Set.of(".git", "node_modules", "target", "build", "dist",
      "out", ".gradle", ".mvn", ".idea", ".vscode", "vendor", ".venv", "venv", "__pycache__", ".tox", "coverage",
      "test", "tests", "__tests__", "spec", "e2e");
  private static final Pattern TEST_FILE = Pattern.compile(
      ".*(\\.(test|spec)\\.[cm]?[jt]sx?|_test\\.(py|go)|(^|/)test_[^/]*\\.py|(^|/)conftest\\.py)$");
  private static final int MAX_FILES = 20_000;

  private final Path root;
  private final List<String> files;
  private final long maxFileSize;

  private SourceTree(Path root, List<String> files, long maxFileSize) {
    this.root = root;
    this.files = files;
    this.maxFileSize = maxFileSize;
  }

  /**
   * @param skip folders (relative) left out besides the usual ones, e.g. the bundle directory
   */
  static SourceTree of(Path root, long maxFileSize, Set<String> skip) {
    List<String> files = new ArrayList<>();
    try {
      Files.walkFileTree(root, new SimpleFileVisitor<>() {
        @Override
        public FileVisitResult preVisitDirectory(Path dir, BasicFileAttributes attrs) {
          if (dir.equals(root)) {
            return FileVisitResult.CONTINUE;
          }
          String relative = relative(root, dir);
          boolean skipped = SKIPPED_DIRECTORIES.contains(dir.getFileName().toString())
              || relative.equals("src/test") || skip.contains(relative);
          return skipped ? FileVisitResult.SKIP_SUBTREE : FileVisitResult.CONTINUE;
        }

        @Override
        public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) {
          String relative = relative(root, file);
          if (attrs.isRegularFile() && !TEST_FILE.matcher(relative).matches()) {
            files.add(relative);
          }
          return files.size() < MAX_FILES ? FileVisitResult.CONTINUE : FileVisitResult.TERMINATE;
        }
      });
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot read the workspace " + root, e);
    }
    files.sort(null);
    return new SourceTree(root, List.copyOf(files), maxFileSize);
  }

  private static String relative(Path root, Path path) {
    return root.relativize(path).toString().replace('\\', '/');
  }

  List<String> files() {
    return files;
  }

  boolean exists(String relative) {
    return Files.isRegularFile(root.resolve(relative));
  }

  /** The file's text; empty when it is missing, too large or not UTF-8 text. */
  Optional<String> read(String relative) {
    Path file = root.resolve(relative);
    try {
      if (!Files.isRegularFile(file) || Files.size(file) > maxFileSize) {
        return Optional.empty();
      }
      byte[] bytes = Files.readAllBytes(file);
      for (byte b : bytes) {
        if (b == 0) {
          return Optional.empty();
        }
      }
      return Optional.of(new String(bytes, StandardCharsets.UTF_8));
    } catch (IOException e) {
      return Optional.empty();
    }
  }

  /** The files whose names end with one of the extensions. */
  List<String> withExtension(String... extensions) {
    return files.stream().filter(f -> {
      for (String extension : extensions) {
        if (f.endsWith(extension)) {
          return true;
        }
      }
      return false;
    }).toList();
  }

  /** Spring Boot configuration files: {@code application*.properties|yml|yaml}, {@code bootstrap*}. */
  List<String> springConfiguration() {
    return files.stream().filter(f -> {
      String name = f.substring(f.lastIndexOf('/') + 1);
      return (name.startsWith("application") || name.startsWith("bootstrap"))
          && (name.endsWith(".properties") || name.endsWith(".yml") || name.endsWith(".yaml"));
    }).toList();
  }
}
