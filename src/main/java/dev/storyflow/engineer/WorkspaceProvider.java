package dev.storyflow.engineer;

import java.nio.file.Path;
import java.util.Optional;

/**
 * The story's git workspace, for agents and gates that work on code. Workspaces are caches: the
 * story branch in the story's repository is the source of truth. Inject it with
 * {@code ObjectProvider<WorkspaceProvider>}: a deployment without workspace support has none.
 */
public interface WorkspaceProvider {

  /**
   * Makes the story's working tree ready, with branch {@code story/{storyId}} checked out,
   * rebuilding it from the repository when it is missing or stale.
   *
   * @return the working tree, or empty when the story has no {@code repository}
   */
  Optional<Path> checkout(StepRequest request);

  /**
   * Commits what was left uncommitted (with {@code message}) and pushes the story branch back to
   * the story's repository.
   */
  void publish(StepRequest request, String message);
}
