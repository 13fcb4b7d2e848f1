package dev.storyflow.deployment;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.springframework.stereotype.Component;

/**
 * Writes the deployment bundle into a workspace from the service's facts. A file that exists is
 * never overwritten: it is reported as {@code unchanged} when it is what Storyflow would write, else
 * as {@code kept}. Generating twice changes nothing. Works on any directory.
 */
@Component
public class BundleGenerator {

  /** What happened to one file of the bundle. */
  public enum Action {
    CREATED, UNCHANGED, KEPT, MISSING;

    public String code() {
      return name().toLowerCase(Locale.ROOT);
    }
  }

  /** One file of the bundle and what happened to it. */
  public record FileOutcome(BundleFile file, String path, Action action) {
  }

  /** The bundle after generation. */
  public record Generation(BundleLayout layout, List<FileOutcome> files) {

    /** Whether files were written, so that there is something to commit. */
    public boolean changed() {
      return files.stream().anyMatch(f -> f.action() == Action.CREATED);
    }
  }

  private static final String DOCKER_IGNORE = "# Kept out of the image build context.\n"
      + ".git\n**/.env\n**/node_modules\ntarget\nbuild\ndist\n.venv\n**/__pycache__\n";
  private static final String GIT_IGNORE = "# The real environment values stay out of git.\n.env\n";

  /** The workspace would make Storyflow write outside it, e.g. through a linked folder. */
  public static class UnsafeWorkspaceException extends RuntimeException {

    UnsafeWorkspaceException(String message) {
      super(message);
    }
  }

  private final DeploymentProperties properties;

  public BundleGenerator(DeploymentProperties properties) {
    this.properties = properties;
  }

  public Generation generate(Path workspace, ServiceFacts facts) {
    BundleLayout layout = BundleLayout.locate(workspace, properties);
    List<FileOutcome> outcomes = new ArrayList<>();
    for (Map.Entry<BundleFile, String> entry : new TreeMap<>(layout.paths()).entrySet()) {
      BundleFile file = entry.getKey();
      String path = entry.getValue();
      Optional<String> content = content(file, facts, layout);
      outcomes.add(new FileOutcome(file, path, write(workspace, workspace.resolve(path), content)));
    }
    return new Generation(layout, List.copyOf(outcomes));
  }

  private Optional<String> content(BundleFile file, ServiceFacts facts, BundleLayout layout) {
    boolean buildKnown = facts.build().tool() != BuildTool.UNKNOWN;
    return switch (file) {
      case DOCKERFILE -> buildKnown ? Optional.of(DockerfileTemplate.render(facts, layout.path(file))) : Optional.empty();
      case COMPOSE -> Optional.of(ComposeTemplate.render(facts, layout, properties));
      case KUBERNETES_DEPLOYMENT -> Optional.of(KubernetesTemplate.deployment(facts, properties));
      case KUBERNETES_SERVICE -> Optional.of(KubernetesTemplate.service(facts));
      case ENV_EXAMPLE -> Optional.of(EnvExampleTemplate.render(facts));
      case CI_WORKFLOW -> Optional.of(CiWorkflowTemplate.render(facts, layout));
      case DOCKER_IGNORE -> Optional.of(DOCKER_IGNORE);
      case GIT_IGNORE -> Optional.of(GIT_IGNORE);
    };
  }

  /** Writes a missing file; never through a symbolic link, never outside the workspace. */
  private static Action write(Path workspace, Path target, Optional<String> content) {
    try {
      if (Files.isSymbolicLink(target)) {
        return Action.KEPT;
      }
      if (Files.exists(target)) {
        boolean same = content.isPresent()
            && Arrays.equals(Files.readAllBytes(target), content.get().getBytes(StandardCharsets.UTF_8));
        return same ? Action.UNCHANGED : Action.KEPT;
      }
      if (content.isEmpty()) {
        return Action.MISSING;
      }
      Files.createDirectories(target.getParent());
      if (!target.getParent().toRealPath().startsWith(workspace.toRealPath())) {
        throw new UnsafeWorkspaceException("The folder of " + workspace.relativize(target)
            + " is a link that leads out of the workspace; Storyflow writes nothing there.");
      }
      Files.writeString(target, content.get(), StandardCharsets.UTF_8, StandardOpenOption.CREATE_NEW);
      return Action.CREATED;
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot write " + target, e);
    }
  }
}
