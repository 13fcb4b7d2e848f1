package dev.storyflow.securityscan;

import dev.storyflow.engineer.StepRequest;
import dev.storyflow.engineer.WorkspaceProvider;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import org.eclipse.jgit.api.Git;
import org.eclipse.jgit.api.errors.GitAPIException;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Primary;

/**
 * A {@link WorkspaceProvider} for tests: a story's workspace is the git working tree at its
 * {@code repository} path, a directory per story made by {@link #create}. The branch
 * {@code story/{storyId}} starts from {@code main}; tests commit to it like an agent or a human
 * backend engineer would.
 */
@TestConfiguration(proxyBeanMethods = false)
class TestWorkspaces {

  /** Publishes recorded, so tests can see that nothing asked for one. */
  static final List<String> PUBLISHED = new CopyOnWriteArrayList<>();

  @Bean
  @Primary
  WorkspaceProvider directoryWorkspaces() {
    return new WorkspaceProvider() {
      @Override
      public Optional<Path> checkout(StepRequest request) {
        Object repository = request.variables().get("repository");
        return repository instanceof String path && Files.isDirectory(Path.of(path))
            ? Optional.of(Path.of(path)) : Optional.empty();
      }

      @Override
      public void publish(StepRequest request, String message) {
        PUBLISHED.add(request.storyId() + ": " + message);
      }
    };
  }

  /** A repository with a clean base on {@code main} and {@code story/{storyId}} checked out. */
  static Path create(Path root, String storyId) {
    Path dir = root.resolve(storyId);
    try (Git git = Git.init().setDirectory(dir.toFile()).setInitialBranch("main").call()) {
      write(dir, Map.of(
          "README.md", "# Orders\n\nThe orders service.\n",
          "src/main/java/com/acme/orders/Orders.java", "package com.acme.orders;\n\npublic class Orders {\n}\n"));
      commit(git, "Base");
      git.checkout().setCreateBranch(true).setName("story/" + storyId).call();
      return dir;
    } catch (GitAPIException e) {
      throw new IllegalStateException(e);
    }
  }

  /** Writes files on the story branch and commits them, as the one doing the work would. */
  static void commitFiles(Path dir, Map<String, String> files, String message) {
    try (Git git = Git.open(dir.toFile())) {
      write(dir, files);
      commit(git, message);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (GitAPIException e) {
      throw new IllegalStateException(e);
    }
  }

  private static void commit(Git git, String message) throws GitAPIException {
    git.add().addFilepattern(".").call();
    git.commit().setMessage(message).setAuthor("Test", "test@example.org").setCommitter("Test", "test@example.org")
        .setSign(false).call();
  }

  private static void write(Path dir, Map<String, String> files) {
    files.forEach((path, content) -> {
      try {
        Path file = dir.resolve(path);
        Files.createDirectories(file.getParent());
        Files.writeString(file, content, StandardCharsets.UTF_8);
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    });
  }
}
