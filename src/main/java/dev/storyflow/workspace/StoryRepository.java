package dev.storyflow.workspace;

import dev.storyflow.engineer.BackendEngineerNeededException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * A story's {@code repository}: a local git repository, named by a path or a {@code file://} URL.
 * Remote URLs are refused: the build runs the repository's own code, so only repositories the
 * team keeps on Storyflow's machines (trusted team repositories) can be used.
 *
 * @param path the repository's folder (a working tree or a bare repository), absolute
 */
record StoryRepository(Path path) {

  private static final Pattern REMOTE = Pattern.compile("^([a-zA-Z][a-zA-Z0-9+.-]*://|[^/\\\\]+@[^:]+:).*");

  /**
   * @return the repository named by the variable, or empty when the story has none
   * @throws BackendEngineerNeededException when the variable names no usable local repository
   */
  static Optional<StoryRepository> of(Object variable, List<Path> allowedRoots) {
    if (variable == null || variable instanceof String s && s.isBlank()) {
      return Optional.empty();
    }
    if (!(variable instanceof String text)) {
      throw new BackendEngineerNeededException("The story's repository must be a path or a file:// URL, not "
          + variable.getClass().getSimpleName() + ".");
    }
    String value = text.trim();
    Path path;
    try {
      if (value.regionMatches(true, 0, "file:", 0, 5)) {
        path = Path.of(URI.create(value));
      } else if (REMOTE.matcher(value).matches()) {
        throw new BackendEngineerNeededException("The story's repository '" + value + "' is not local: Storyflow"
            + " works on local git repositories only (a path or a file:// URL).");
      } else {
        path = Path.of(value);
      }
    } catch (IllegalArgumentException e) {
      throw new BackendEngineerNeededException("The story's repository '" + value + "' is not a valid path or"
          + " file:// URL: " + e.getMessage());
    }
    path = path.toAbsolutePath().normalize();
    if (!Files.isDirectory(path)) {
      throw new BackendEngineerNeededException("The story's repository " + path + " does not exist. Fix the"
          + " story's repository variable or create the repository, then complete this task.");
    }
    Path real = realPath(path);
    if (!allowedRoots.isEmpty() && allowedRoots.stream().noneMatch(root -> real.startsWith(realPath(root)))) {
      throw new BackendEngineerNeededException("The story's repository " + path + " is not in the trusted"
          + " repository folders (storyflow.workspace.repository-roots: " + allowedRoots + ").");
    }
    return Optional.of(new StoryRepository(path));
  }

  /** The folder with symbolic links resolved, so that a link cannot lead out of a trusted folder. */
  private static Path realPath(Path path) {
    try {
      return Files.exists(path) ? path.toRealPath() : path;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The URL the workspace clones from and pushes to. */
  String url() {
    return path.toString();
  }
}
