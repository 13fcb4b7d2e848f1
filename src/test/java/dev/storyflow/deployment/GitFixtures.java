package dev.storyflow.deployment;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.stream.Stream;
import org.eclipse.jgit.api.Git;
import org.eclipse.jgit.api.errors.GitAPIException;
import org.eclipse.jgit.lib.ObjectId;
import org.eclipse.jgit.lib.PersonIdent;
import org.eclipse.jgit.lib.Repository;
import org.eclipse.jgit.revwalk.RevCommit;
import org.eclipse.jgit.revwalk.RevWalk;
import org.eclipse.jgit.treewalk.TreeWalk;

/** Git repositories for the tests, made and read with JGit. */
final class GitFixtures {

  static final PersonIdent TEAM = new PersonIdent("Team", "team@example.com");

  private GitFixtures() {
  }

  /** A repository on {@code main} with one commit holding the files the fixture writes. */
  static Path repository(Path dir, Consumer<Path> fixture) {
    fixture.accept(dir);
    try (Git git = Git.init().setDirectory(dir.toFile()).setInitialBranch("main").call()) {
      git.add().addFilepattern(".").call();
      git.commit().setMessage("The service").setAuthor(TEAM).setCommitter(TEAM).setSign(false).call();
      return dir;
    } catch (GitAPIException e) {
      throw new IllegalStateException(e);
    }
  }

  /** Commits files to a branch of the repository, as a human does who pushes a fix. */
  static void commitTo(Path repository, String branch, Path scratch, Map<String, String> files) {
    try (Git git = Git.cloneRepository().setURI(repository.toUri().toString()).setDirectory(scratch.toFile()).call()) {
      git.checkout().setCreateBranch(true).setName(branch).setStartPoint("origin/" + branch).call();
      Fixtures.write(scratch, files);
      git.add().addFilepattern(".").call();
      git.commit().setMessage("Fix the deployment bundle").setAuthor(TEAM).setCommitter(TEAM).setSign(false).call();
      git.push().setRemote("origin").add(branch).call();
    } catch (GitAPIException e) {
      throw new IllegalStateException(e);
    }
  }

  /** The commit a branch points at, if the branch exists. */
  static Optional<ObjectId> head(Path repository, String branch) {
    try (Git git = Git.open(repository.toFile())) {
      return Optional.ofNullable(git.getRepository().resolve("refs/heads/" + branch));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The paths of the files at the tip of a branch. */
  static List<String> files(Path repository, String branch) {
    try (Git git = Git.open(repository.toFile()); RevWalk walk = new RevWalk(git.getRepository())) {
      RevCommit commit = walk.parseCommit(git.getRepository().resolve("refs/heads/" + branch));
      List<String> paths = new ArrayList<>();
      try (TreeWalk tree = new TreeWalk(git.getRepository())) {
        tree.addTree(commit.getTree());
        tree.setRecursive(true);
        while (tree.next()) {
          paths.add(tree.getPathString());
        }
      }
      return paths;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The text of a file at the tip of a branch. */
  static String read(Path repository, String branch, String path) {
    try (Git git = Git.open(repository.toFile()); RevWalk walk = new RevWalk(git.getRepository())) {
      Repository repo = git.getRepository();
      RevCommit commit = walk.parseCommit(repo.resolve("refs/heads/" + branch));
      try (TreeWalk tree = TreeWalk.forPath(repo, path, commit.getTree())) {
        return new String(repo.open(tree.getObjectId(0)).getBytes(), StandardCharsets.UTF_8);
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The message of the last commit of a branch. */
  static String lastMessage(Path repository, String branch) {
    try (Git git = Git.open(repository.toFile()); RevWalk walk = new RevWalk(git.getRepository())) {
      return walk.parseCommit(git.getRepository().resolve("refs/heads/" + branch)).getFullMessage();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static void delete(Path dir) {
    if (!Files.exists(dir)) {
      return;
    }
    try (Stream<Path> paths = Files.walk(dir)) {
      paths.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
