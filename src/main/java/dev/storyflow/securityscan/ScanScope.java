package dev.storyflow.securityscan;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.eclipse.jgit.api.Git;
import org.eclipse.jgit.api.Status;
import org.eclipse.jgit.api.errors.GitAPIException;
import org.eclipse.jgit.diff.DiffEntry;
import org.eclipse.jgit.lib.ObjectId;
import org.eclipse.jgit.lib.ObjectReader;
import org.eclipse.jgit.lib.Repository;
import org.eclipse.jgit.revwalk.RevCommit;
import org.eclipse.jgit.revwalk.RevWalk;
import org.eclipse.jgit.revwalk.filter.RevFilter;
import org.eclipse.jgit.storage.file.FileRepositoryBuilder;
import org.eclipse.jgit.treewalk.CanonicalTreeParser;
import org.eclipse.jgit.treewalk.TreeWalk;

/**
 * Which files of a workspace the scan reads. In a git working tree: the files changed since the
 * story branch left its base (committed, staged, modified or new, not ignored), or every tracked
 * and new file for scope {@code all}. In a plain directory: every file. Dependency and build
 * output folders, symbolic links and Storyflow's own {@code .storyflow/} folder are never read.
 */
final class ScanScope {

  /**
   * The files to read, relative with {@code /}, and how they were chosen.
   *
   * @param head the commit checked out, {@code null} outside git or before the first commit
   * @param uncommitted whether the working tree has changes that are not committed
   */
  record Selection(List<String> files, SecurityScanProperties.Scope scope, String base, String note, String head,
      boolean uncommitted) {
  }

  static final Set<String> SKIPPED_DIRECTORIES = Set.of(".git", ".storyflow", "node_modules", "target", "build",
      "dist", "out", ".gradle", ".idea", ".vscode", "__pycache__", ".venv", "venv", ".tox", ".mypy_cache",
      ".pytest_cache", ".next", "coverage");
  static final List<String> DEFAULT_BASES = List.of("refs/remotes/origin/HEAD", "origin/main", "origin/master", "main", "master");

  private final SecurityScanProperties.Scope scope;
  private final String baseRef;

  ScanScope(SecurityScanProperties.Scope scope, String baseRef) {
    this.scope = scope;
    this.baseRef = baseRef == null ? "" : baseRef.trim();
  }

  Selection select(Path root) {
    if (!Files.isDirectory(root.resolve(".git"))) {
      return new Selection(walk(root), SecurityScanProperties.Scope.ALL, null,
          "not a git working tree: every file was scanned", null, false);
    }
    try (Repository repo = new FileRepositoryBuilder().setWorkTree(root.toFile()).setGitDir(root.resolve(".git").toFile())
        .setMustExist(true).build(); Git git = new Git(repo)) {
      ObjectId head = repo.resolve("HEAD^{commit}");
      Status status = git.status().call();
      Set<String> files = new TreeSet<>();
      files.addAll(status.getUntracked());
      files.addAll(status.getAdded());
      files.addAll(status.getChanged());
      files.addAll(status.getModified());
      boolean uncommitted = status.hasUncommittedChanges() || !status.getUntracked().isEmpty();
      String commit = head == null ? null : head.name();
      if (head == null) {
        return new Selection(existing(root, files), SecurityScanProperties.Scope.ALL, null,
            "no commit yet: every file in the working tree was scanned", null, uncommitted);
      }
      if (scope == SecurityScanProperties.Scope.ALL) {
        files.addAll(tracked(repo, head));
        return new Selection(existing(root, files), scope, null, "every tracked and new file was scanned", commit,
            uncommitted);
      }
      String baseName = null;
      ObjectId base = null;
      for (String candidate : baseRef.isEmpty() ? DEFAULT_BASES : List.of(baseRef)) {
        base = repo.resolve(candidate + "^{commit}");
        if (base != null) {
          baseName = candidate;
          break;
        }
      }
      if (base == null) {
        files.addAll(tracked(repo, head));
        return new Selection(existing(root, files), SecurityScanProperties.Scope.ALL, null,
            "no base branch found (" + (baseRef.isEmpty() ? String.join(", ", DEFAULT_BASES) : baseRef)
                + "): every tracked and new file was scanned", commit, uncommitted);
      }
      RevCommit mergeBase = mergeBase(repo, head, base);
      files.addAll(changedSince(repo, mergeBase, head));
      String label = baseName.replace("refs/remotes/", "") + "@" + mergeBase.abbreviate(8).name();
      return new Selection(existing(root, files), scope, label, "files changed since " + label, commit, uncommitted);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (GitAPIException e) {
      throw new IllegalStateException("Cannot read the git working tree", e);
    }
  }

  private static RevCommit mergeBase(Repository repo, ObjectId head, ObjectId base) throws IOException {
    try (RevWalk walk = new RevWalk(repo)) {
      walk.setRevFilter(RevFilter.MERGE_BASE);
      walk.markStart(walk.parseCommit(head));
      walk.markStart(walk.parseCommit(base));
      RevCommit mergeBase = walk.next();
      return mergeBase != null ? mergeBase : walk.parseCommit(base);
    }
  }

  private static List<String> changedSince(Repository repo, RevCommit from, ObjectId head)
      throws IOException, GitAPIException {
    try (ObjectReader reader = repo.newObjectReader(); RevWalk walk = new RevWalk(repo); Git git = new Git(repo)) {
      CanonicalTreeParser oldTree = new CanonicalTreeParser(null, reader, walk.parseCommit(from).getTree());
      CanonicalTreeParser newTree = new CanonicalTreeParser(null, reader, walk.parseCommit(head).getTree());
      return git.diff().setOldTree(oldTree).setNewTree(newTree).setShowNameAndStatusOnly(true).call().stream()
          .filter(d -> d.getChangeType() != DiffEntry.ChangeType.DELETE)
          .map(DiffEntry::getNewPath)
          .toList();
    }
  }

  private static List<String> tracked(Repository repo, ObjectId head) throws IOException {
    List<String> files = new ArrayList<>();
    try (RevWalk walk = new RevWalk(repo); TreeWalk tree = new TreeWalk(repo)) {
      tree.addTree(walk.parseCommit(head).getTree());
      tree.setRecursive(true);
      while (tree.next()) {
        files.add(tree.getPathString());
      }
    }
    return files;
  }

  private static List<String> existing(Path root, Set<String> files) {
    return files.stream()
        .filter(f -> !skipped(f))
        .filter(f -> Files.isRegularFile(root.resolve(f), LinkOption.NOFOLLOW_LINKS))
        .toList();
  }

  private static boolean skipped(String relative) {
    String[] parts = relative.split("/");
    for (int i = 0; i < parts.length - 1; i++) {
      if (SKIPPED_DIRECTORIES.contains(parts[i])) {
        return true;
      }
    }
    return false;
  }

  private static List<String> walk(Path root) {
    List<String> files = new ArrayList<>();
    try {
      Files.walkFileTree(root, new SimpleFileVisitor<>() {
        @Override
        public FileVisitResult preVisitDirectory(Path dir, BasicFileAttributes attrs) {
          return !dir.equals(root) && SKIPPED_DIRECTORIES.contains(dir.getFileName().toString())
              ? FileVisitResult.SKIP_SUBTREE : FileVisitResult.CONTINUE;
        }

        @Override
        public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) {
          if (attrs.isRegularFile()) {
            files.add(root.relativize(file).toString().replace('\\', '/'));
          }
          return FileVisitResult.CONTINUE;
        }
      });
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    files.sort(null);
    return files;
  }
}
