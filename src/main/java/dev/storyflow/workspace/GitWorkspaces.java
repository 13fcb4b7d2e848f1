package dev.storyflow.workspace;

import static dev.storyflow.lifecycle.StoryVariables.REPOSITORY;

import dev.storyflow.engineer.BackendEngineerNeededException;
import dev.storyflow.engineer.StepRequest;
import dev.storyflow.engineer.WorkspaceProvider;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import org.eclipse.jgit.api.Git;
import org.eclipse.jgit.api.ResetCommand.ResetType;
import org.eclipse.jgit.api.errors.GitAPIException;
import org.eclipse.jgit.errors.RepositoryNotFoundException;
import org.eclipse.jgit.lib.ObjectId;
import org.eclipse.jgit.lib.PersonIdent;
import org.eclipse.jgit.lib.Repository;
import org.eclipse.jgit.revwalk.RevWalk;
import org.eclipse.jgit.transport.PushResult;
import org.eclipse.jgit.transport.RefSpec;
import org.eclipse.jgit.transport.RemoteRefUpdate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import org.springframework.util.FileSystemUtils;

/**
 * Story workspaces with JGit: one clone per story under {@code storyflow.workspace.root}, on branch
 * {@code story/{storyId}}. A workspace is a cache of the story branch in the story's repository: a
 * missing, damaged or stale one is rebuilt from the repository, and every step pushes the branch
 * back, so any node (or a fresh disk) can continue the story.
 */
@Component
class GitWorkspaces implements WorkspaceProvider {

  private static final Logger LOG = LoggerFactory.getLogger(GitWorkspaces.class);

  private final WorkspaceProperties properties;
  private final ConcurrentMap<String, Object> locks = new ConcurrentHashMap<>();

  GitWorkspaces(WorkspaceProperties properties) {
    this.properties = properties;
  }

  @Override
  public Optional<Path> checkout(StepRequest request) {
    return open(request).map(StoryWorkspace::dir);
  }

  @Override
  public void publish(StepRequest request, String message) {
    open(request).ifPresent(workspace -> {
      commitLeftovers(workspace, message);
      push(workspace);
    });
  }

  /**
   * Makes the story's workspace ready on its branch, cloning or updating it from the repository.
   *
   * @return the workspace, or empty when the story has no repository
   * @throws BackendEngineerNeededException when the repository cannot be used
   */
  Optional<StoryWorkspace> open(StepRequest request) {
    Optional<StoryRepository> repository = StoryRepository.of(request.variables().get(REPOSITORY),
        properties.repositoryRoots());
    return repository.map(r -> {
      synchronized (lock(request.storyId())) {
        return prepare(request.storyId(), r);
      }
    });
  }

  /** Commits everything left uncommitted in the working tree; returns the new commit, if any. */
  Optional<String> commitLeftovers(StoryWorkspace workspace, String message) {
    synchronized (lock(workspace.storyId())) {
      try (Git git = Git.open(workspace.dir().toFile())) {
        if (git.status().call().isClean()) {
          return Optional.empty();
        }
        git.add().addFilepattern(".").call();
        git.add().addFilepattern(".").setUpdate(true).call();
        PersonIdent storyflow = new PersonIdent("Storyflow", "storyflow@localhost");
        String text = (message == null || message.isBlank() ? "Work on " + workspace.storyId() : message.strip())
            + "\n\nCommitted by Storyflow: changes left uncommitted on " + workspace.branch() + ".";
        String id = git.commit().setMessage(text).setAuthor(storyflow).setCommitter(storyflow).setSign(false)
            .call().getName();
        LOG.info("Committed work left uncommitted in the workspace of {}: {}", workspace.storyId(), id);
        return Optional.of(id);
      } catch (IOException | GitAPIException e) {
        throw new IllegalStateException("Cannot commit in the workspace of " + workspace.storyId() + ": " + e, e);
      }
    }
  }

  /** Pushes the story branch back to the story's repository (never forced). */
  void push(StoryWorkspace workspace) {
    synchronized (lock(workspace.storyId())) {
      try (Git git = Git.open(workspace.dir().toFile())) {
        Iterable<PushResult> results = git.push().setRemote("origin")
            .setRefSpecs(new RefSpec(workspace.branchRef() + ":" + workspace.branchRef())).call();
        for (PushResult result : results) {
          for (RemoteRefUpdate update : result.getRemoteUpdates()) {
            if (update.getStatus() != RemoteRefUpdate.Status.OK
                && update.getStatus() != RemoteRefUpdate.Status.UP_TO_DATE) {
              throw new IllegalStateException("The repository " + workspace.repository().url() + " refused "
                  + workspace.branch() + ": " + update.getStatus()
                  + (update.getMessage() == null ? "" : " (" + update.getMessage() + ")"));
            }
          }
        }
      } catch (IOException | GitAPIException e) {
        throw new IllegalStateException("Cannot push " + workspace.branch() + " to "
            + workspace.repository().url() + ": " + e, e);
      }
    }
  }

  /** Puts the working tree back to the branch's last commit: what a build wrote is removed. */
  void restore(StoryWorkspace workspace) {
    synchronized (lock(workspace.storyId())) {
      try (Git git = Git.open(workspace.dir().toFile())) {
        git.reset().setMode(ResetType.HARD).call();
        git.clean().setCleanDirectories(true).call();
      } catch (IOException | GitAPIException e) {
        throw new IllegalStateException("Cannot clean the workspace of " + workspace.storyId() + ": " + e, e);
      }
    }
  }

  /** Whether the working tree has changes that are not committed yet. */
  boolean hasUncommittedChanges(StoryWorkspace workspace) {
    try (Git git = Git.open(workspace.dir().toFile())) {
      return !git.status().call().isClean();
    } catch (IOException | GitAPIException e) {
      throw new IllegalStateException("Cannot read the workspace of " + workspace.storyId() + ": " + e, e);
    }
  }

  /** The story branch's commits beyond its base, and what they change. */
  BranchHistory history(StoryWorkspace workspace) {
    try (Git git = Git.open(workspace.dir().toFile())) {
      return BranchHistory.read(git.getRepository(), workspace.branchRef(), workspace.baseRef());
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot read the history of " + workspace.branch(), e);
    }
  }

  private StoryWorkspace prepare(String storyId, StoryRepository repository) {
    String base = baseBranch(repository);
    String branch = "story/" + storyId;
    Path dir = underRoot(storyId);
    StoryWorkspace workspace = new StoryWorkspace(storyId, repository, dir, branch, base);
    try (Git git = cloneOrReuse(dir, repository)) {
      git.fetch().setRemote("origin").setRemoveDeletedRefs(true)
          .setRefSpecs(new RefSpec("+refs/heads/*:refs/remotes/origin/*")).call();
      ObjectId baseTip = git.getRepository().resolve(workspace.baseRef());
      if (baseTip == null) {
        throw new BackendEngineerNeededException("The repository " + repository.url() + " has no commit on its base"
            + " branch '" + base + "', so story branch " + branch + " cannot start from it.");
      }
      syncBranch(git, workspace, baseTip);
      return workspace;
    } catch (IOException | GitAPIException e) {
      throw new IllegalStateException("Cannot prepare the workspace of " + storyId + " from "
          + repository.url() + ": " + e, e);
    }
  }

  /**
   * The story's workspace folder: a direct child of the workspace root named by the story id.
   * Anything else (an id that climbs out, names the root, or nests) is refused before any folder
   * is touched, since a workspace may be deleted and rebuilt.
   */
  private Path underRoot(String storyId) {
    Path root = properties.root().toAbsolutePath().normalize();
    Path dir = root.resolve(storyId).normalize();
    if (!dir.startsWith(root) || !root.equals(dir.getParent()) || !dir.getFileName().toString().equals(storyId)) {
      throw new IllegalArgumentException("Story id " + storyId + " does not name a folder inside " + root);
    }
    return dir;
  }

  /** The configured base branch, or the branch the repository's HEAD names. */
  private String baseBranch(StoryRepository repository) {
    if (properties.baseBranch() != null && !properties.baseBranch().isBlank()) {
      return properties.baseBranch().strip();
    }
    try (Git source = Git.open(repository.path().toFile())) {
      String head = source.getRepository().getFullBranch();
      if (head != null && head.startsWith("refs/heads/")) {
        return Repository.shortenRefName(head);
      }
      throw new BackendEngineerNeededException("The repository " + repository.url() + " has a detached HEAD, so it"
          + " has no default branch; set storyflow.workspace.base-branch.");
    } catch (RepositoryNotFoundException e) {
      throw new BackendEngineerNeededException("The story's repository " + repository.url()
          + " is not a git repository.");
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot read the repository " + repository.url(), e);
    }
  }

  private Git cloneOrReuse(Path dir, StoryRepository repository) throws IOException, GitAPIException {
    if (Files.isDirectory(dir.resolve(".git"))) {
      try {
        Git git = Git.open(dir.toFile());
        String origin = git.getRepository().getConfig().getString("remote", "origin", "url");
        if (repository.url().equals(origin)) {
          return git;
        }
        git.close();
        LOG.info("Workspace {} is a clone of {}, not of {}; rebuilding it", dir, origin, repository.url());
      } catch (IOException e) {
        LOG.warn("Workspace {} is damaged ({}); rebuilding it", dir, e.getMessage());
      }
    }
    if (Files.exists(dir)) {
      FileSystemUtils.deleteRecursively(dir);
    }
    Files.createDirectories(dir.getParent());
    LOG.info("Building workspace {} from {}", dir, repository.url());
    return Git.cloneRepository().setURI(repository.url()).setDirectory(dir.toFile()).call();
  }

  /**
   * Puts the working tree on the story branch. The repository wins: a workspace behind it (stale)
   * or diverged from it is reset to it; a workspace ahead of it keeps its unpublished commits.
   */
  private void syncBranch(Git git, StoryWorkspace workspace, ObjectId baseTip) throws IOException, GitAPIException {
    Repository repo = git.getRepository();
    ObjectId local = repo.resolve(workspace.branchRef());
    ObjectId remote = repo.resolve("refs/remotes/origin/" + workspace.branch());
    if (local == null) {
      ObjectId start = remote != null ? remote : baseTip;
      git.branchCreate().setName(workspace.branch()).setStartPoint(start.name()).call();
      git.checkout().setName(workspace.branch()).setForced(true).call();
      git.clean().setCleanDirectories(true).call();
      return;
    }
    if (!workspace.branchRef().equals(repo.getFullBranch())) {
      git.checkout().setName(workspace.branch()).setForced(true).call();
    }
    if (remote == null || remote.equals(local)) {
      return;
    }
    if (isAncestor(repo, remote, local)) {
      LOG.info("Workspace of {} has commits not yet in {}; keeping them", workspace.storyId(), workspace.repository().url());
      return;
    }
    if (!isAncestor(repo, local, remote)) {
      LOG.warn("Workspace of {} diverged from {} (local {}, repository {}); the repository wins",
          workspace.storyId(), workspace.repository().url(), local.name(), remote.name());
    }
    git.reset().setMode(ResetType.HARD).setRef(remote.name()).call();
    git.clean().setCleanDirectories(true).call();
  }

  private static boolean isAncestor(Repository repo, ObjectId ancestor, ObjectId descendant) throws IOException {
    try (RevWalk walk = new RevWalk(repo)) {
      return walk.isMergedInto(walk.parseCommit(ancestor), walk.parseCommit(descendant));
    }
  }

  private Object lock(String storyId) {
    return locks.computeIfAbsent(storyId, id -> new Object());
  }
}
