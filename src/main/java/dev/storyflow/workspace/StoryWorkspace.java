package dev.storyflow.workspace;

import java.nio.file.Path;

/**
 * A story's working tree, ready on the story branch.
 *
 * @param storyId the story
 * @param repository the story's repository, the source of truth for the story branch
 * @param dir the working tree (a clone of the repository used by this story only)
 * @param branch the story branch, {@code story/{storyId}}
 * @param baseBranch the branch the story branch started from
 */
record StoryWorkspace(String storyId, StoryRepository repository, Path dir, String branch, String baseBranch) {

  String branchRef() {
    return "refs/heads/" + branch;
  }

  /** The base as last fetched from the repository. */
  String baseRef() {
    return "refs/remotes/origin/" + baseBranch;
  }
}
