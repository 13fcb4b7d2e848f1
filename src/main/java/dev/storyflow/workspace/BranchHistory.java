package dev.storyflow.workspace;

import java.io.IOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.eclipse.jgit.diff.DiffEntry;
import org.eclipse.jgit.diff.DiffFormatter;
import org.eclipse.jgit.diff.Edit;
import org.eclipse.jgit.diff.RawTextComparator;
import org.eclipse.jgit.lib.ObjectId;
import org.eclipse.jgit.lib.Repository;
import org.eclipse.jgit.revwalk.RevCommit;
import org.eclipse.jgit.revwalk.RevWalk;
import org.eclipse.jgit.revwalk.filter.RevFilter;
import org.eclipse.jgit.util.io.DisabledOutputStream;

/**
 * What a story branch has beyond its base: its own commits (newest first) and the diff from the
 * point where it left the base.
 *
 * @param baseCommit the base branch's commit the branch is compared with
 * @param forkPoint where the branch left the base (the merge base)
 * @param head the branch's last commit
 * @param commits the commits on the branch and not on the base, newest first
 * @param files the changed files, with line counts
 */
record BranchHistory(String baseCommit, String forkPoint, String head, List<CommitInfo> commits,
    List<FileChange> files) {

  /** One commit: id, first line of its message, author, time. */
  record CommitInfo(String id, String shortId, String message, String author, Instant time) {
  }

  /** One changed file: path, kind of change (ADD, MODIFY, DELETE, RENAME, COPY), lines added and removed. */
  record FileChange(String path, String change, int insertions, int deletions) {
  }

  int insertions() {
    return files.stream().mapToInt(FileChange::insertions).sum();
  }

  int deletions() {
    return files.stream().mapToInt(FileChange::deletions).sum();
  }

  static BranchHistory read(Repository repo, String branchRef, String baseRef) throws IOException {
    ObjectId headId = repo.resolve(branchRef);
    ObjectId baseId = repo.resolve(baseRef);
    try (RevWalk walk = new RevWalk(repo)) {
      RevCommit head = walk.parseCommit(headId);
      RevCommit base = walk.parseCommit(baseId);

      walk.setRevFilter(RevFilter.MERGE_BASE);
      walk.markStart(head);
      walk.markStart(base);
      RevCommit mergeBase = walk.next();
      RevCommit forkPoint = mergeBase == null ? base : walk.parseCommit(mergeBase);

      walk.reset();
      walk.setRevFilter(RevFilter.ALL);
      walk.markStart(walk.parseCommit(headId));
      walk.markUninteresting(walk.parseCommit(baseId));
      List<CommitInfo> commits = new ArrayList<>();
      for (RevCommit commit : walk) {
        commits.add(new CommitInfo(commit.getName(), commit.getName().substring(0, 7), commit.getShortMessage(),
            commit.getAuthorIdent().getName(), Instant.ofEpochSecond(commit.getCommitTime())));
      }
      return new BranchHistory(base.getName(), forkPoint.getName(), head.getName(), commits,
          diff(repo, forkPoint, walk.parseCommit(headId)));
    }
  }

  private static List<FileChange> diff(Repository repo, RevCommit from, RevCommit to) throws IOException {
    List<FileChange> files = new ArrayList<>();
    try (DiffFormatter formatter = new DiffFormatter(DisabledOutputStream.INSTANCE)) {
      formatter.setRepository(repo);
      formatter.setDiffComparator(RawTextComparator.DEFAULT);
      formatter.setDetectRenames(true);
      for (DiffEntry entry : formatter.scan(from.getTree(), to.getTree())) {
        int insertions = 0;
        int deletions = 0;
        for (Edit edit : formatter.toFileHeader(entry).toEditList()) {
          insertions += edit.getLengthB();
          deletions += edit.getLengthA();
        }
        String path = entry.getChangeType() == DiffEntry.ChangeType.DELETE ? entry.getOldPath() : entry.getNewPath();
        files.add(new FileChange(path, entry.getChangeType().name(), insertions, deletions));
      }
    }
    return files;
  }
}
