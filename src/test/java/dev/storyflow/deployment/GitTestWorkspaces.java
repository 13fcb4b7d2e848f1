package dev.storyflow.deployment;

import dev.storyflow.engineer.StepRequest;
import dev.storyflow.engineer.WorkspaceProvider;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Optional;
import org.eclipse.jgit.api.Git;
import org.eclipse.jgit.api.errors.GitAPIException;
import org.eclipse.jgit.lib.PersonIdent;

/**
 * A {@link WorkspaceProvider} for tests: the story's {@code repository} is the path of a local git
 * repository; every checkout is a fresh clone on branch {@code story/{storyId}} (from the
 * repository's branch when it has one), and {@code publish} commits and pushes that branch back.
 */
class GitTestWorkspaces implements WorkspaceProvider {

  private static final PersonIdent STORYFLOW = new PersonIdent("Storyflow", "storyflow@localhost");

  private final Path root;

  GitTestWorkspaces(Path root) {
    this.root = root;
  }

  @Override
  public Optional<Path> checkout(StepRequest request) {
    Object repository = request.variables().get("repository");
    if (repository == null || repository.toString().isBlank()) {
      return Optional.empty();
    }
    Path dir = root.resolve(request.storyId());
    GitFixtures.delete(dir);
    String branch = branch(request);
    try (Git git = Git.cloneRepository().setURI(Path.of(repository.toString()).toUri().toString())
        .setDirectory(dir.toFile()).call()) {
      boolean pushedBefore = git.getRepository().findRef("refs/remotes/origin/" + branch) != null;
      git.checkout().setCreateBranch(true).setName(branch).setStartPoint(pushedBefore ? "origin/" + branch : "HEAD")
          .call();
      return Optional.of(dir);
    } catch (GitAPIException | IOException e) {
      throw new IllegalStateException("Cannot check out " + repository, e);
    }
  }

  @Override
  public void publish(StepRequest request, String message) {
    try (Git git = Git.open(root.resolve(request.storyId()).toFile())) {
      git.add().addFilepattern(".").call();
      if (!git.status().call().isClean()) {
        git.commit().setMessage(message).setAuthor(STORYFLOW).setCommitter(STORYFLOW).setSign(false).call();
      }
      git.push().setRemote("origin").add(branch(request)).call();
    } catch (GitAPIException | IOException e) {
      throw new IllegalStateException("Cannot publish the workspace of " + request.storyId(), e);
    }
  }

  private static String branch(StepRequest request) {
    return "story/" + request.storyId();
  }
}
