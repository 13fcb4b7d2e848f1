package dev.storyflow.agent;

import dev.storyflow.engineer.StepRequest;
import dev.storyflow.engineer.WorkspaceProvider;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.Optional;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * Prepares the directories of one run under {@code storyflow.workspace.root}: a private directory
 * for the work order and system prompt files, and the working directory: the story's workspace
 * from the {@link WorkspaceProvider}, or a fresh empty directory when there is none.
 */
@Component
class RunDirectory {

  private static final Logger LOG = LoggerFactory.getLogger(RunDirectory.class);

  private final Path root;
  private final ObjectProvider<WorkspaceProvider> workspaces;

  RunDirectory(@Value("${storyflow.workspace.root:./data/workspaces}") Path root,
      ObjectProvider<WorkspaceProvider> workspaces) {
    this.root = root.toAbsolutePath().normalize();
    this.workspaces = workspaces;
  }

  Prepared prepare(StepRequest request) {
    try {
      Path files = Files.createDirectories(root.resolve(".agent-runs")
          .resolve(request.storyId() + "-" + request.step().code() + "-" + UUID.randomUUID()));
      Optional<Path> workspace = Optional.ofNullable(workspaces.getIfAvailable())
          .flatMap(provider -> provider.checkout(request));
      if (workspace.isPresent()) {
        return new Prepared(files, workspace.get().toAbsolutePath(), true);
      }
      return new Prepared(files, Files.createDirectory(files.resolve("workspace")), false);
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot prepare the agent's directories under " + root, e);
    }
  }

  /** Pushes the agent's work back to the story's repository, when it worked in the story's workspace. */
  void publish(StepRequest request, boolean storyWorkspace, String message) {
    WorkspaceProvider provider = workspaces.getIfAvailable();
    if (storyWorkspace && provider != null) {
      provider.publish(request, message);
    }
  }

  /**
   * @param files the run's private directory (work order, system prompt), removed after the run
   * @param workspace the agent's working directory
   * @param storyWorkspace whether the workspace is the story's own (else a scratch directory
   *     inside {@code files})
   */
  record Prepared(Path files, Path workspace, boolean storyWorkspace) implements AutoCloseable {

    Path workOrderFile() {
      return files.resolve("work-order.json");
    }

    Path systemPromptFile() {
      return files.resolve("system-prompt.md");
    }

    @Override
    public void close() {
      try {
        Files.walkFileTree(files, new SimpleFileVisitor<>() {
          @Override
          public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) throws IOException {
            Files.deleteIfExists(file);
            return FileVisitResult.CONTINUE;
          }

          @Override
          public FileVisitResult postVisitDirectory(Path dir, IOException e) throws IOException {
            Files.deleteIfExists(dir);
            return FileVisitResult.CONTINUE;
          }
        });
      } catch (IOException e) {
        LOG.warn("Could not remove the agent run directory {}: {}", files, e.getMessage());
      }
    }
  }
}
