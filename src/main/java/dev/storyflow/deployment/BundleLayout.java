package dev.storyflow.deployment;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Stream;

/**
 * Where each file of a bundle is, relative to the workspace, and which files the bundle must
 * have.
 *
 * @param directory the bundle's folder
 * @param paths the file of each kind
 * @param required the kinds that must exist
 */
public record BundleLayout(String directory, Map<BundleFile, String> paths, Set<BundleFile> required) {

  /** The kinds a story's bundle must have; the ignore files are helpers. */
  static final Set<BundleFile> STORY_BUNDLE = EnumSet.complementOf(EnumSet.of(BundleFile.DOCKER_IGNORE,
      BundleFile.GIT_IGNORE));

  public BundleLayout {
    paths = Map.copyOf(paths);
    required = Set.copyOf(required);
  }

  /** A bundle whose files are all given, as Storyflow's own {@code docker/}. */
  public static BundleLayout of(String directory, Map<BundleFile, String> paths) {
    return new BundleLayout(directory, paths, paths.keySet());
  }

  /**
   * A story's bundle: the files a team already keeps (in the bundle directory or at the usual
   * places, such as a {@code Dockerfile} at the root or a workflow under {@code .github/workflows}),
   * else where Storyflow writes them.
   */
  static BundleLayout locate(Path workspace, DeploymentProperties properties) {
    String directory = properties.directory();
    Map<BundleFile, String> paths = new EnumMap<>(BundleFile.class);
    for (BundleFile file : BundleFile.values()) {
      Optional<String> existing = file == BundleFile.CI_WORKFLOW
          ? workflow(workspace, properties.ciWorkflow())
          : file.candidates(directory).stream().filter(p -> Files.isRegularFile(workspace.resolve(p))).findFirst();
      paths.put(file, existing.orElse(file.defaultPath(properties)));
    }
    String dockerfile = paths.get(BundleFile.DOCKERFILE);
    if (dockerfile.equals(BundleFile.DOCKERFILE.defaultPath(properties))) {
      paths.put(BundleFile.DOCKER_IGNORE, dockerfile + ".dockerignore");
    } else {
      paths.remove(BundleFile.DOCKER_IGNORE);
    }
    return new BundleLayout(directory, paths, STORY_BUNDLE);
  }

  private static Optional<String> workflow(Path workspace, String configured) {
    if (Files.isRegularFile(workspace.resolve(configured))) {
      return Optional.of(configured);
    }
    Path workflows = workspace.resolve(".github/workflows");
    if (!Files.isDirectory(workflows)) {
      return Optional.empty();
    }
    try (Stream<Path> files = Files.list(workflows)) {
      return files.map(f -> f.getFileName().toString()).filter(n -> n.endsWith(".yml") || n.endsWith(".yaml"))
          .sorted().findFirst().map(n -> ".github/workflows/" + n);
    } catch (IOException e) {
      return Optional.empty();
    }
  }

  /** The path of a kind of file; it must be part of the layout. */
  public String path(BundleFile file) {
    String path = paths.get(file);
    if (path == null) {
      throw new IllegalArgumentException("The bundle has no " + file.code());
    }
    return path;
  }

  public Optional<String> find(BundleFile file) {
    return Optional.ofNullable(paths.get(file));
  }

  /** From the folder of the file back to the workspace root, e.g. {@code ..} for {@code deploy/compose.yaml}. */
  String toRoot(BundleFile file) {
    long depth = path(file).chars().filter(c -> c == '/').count();
    return depth == 0 ? "." : String.join("/", java.util.Collections.nCopies((int) depth, ".."));
  }
}
