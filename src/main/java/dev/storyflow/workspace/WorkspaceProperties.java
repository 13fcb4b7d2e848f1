package dev.storyflow.workspace;

import java.nio.file.Path;
import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.ConstructorBinding;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Where story workspaces live and what story branches start from.
 *
 * @param root the folder holding one git clone per story (a cache of the story branches)
 * @param baseBranch the branch story branches start from; empty means the repository's default branch
 * @param repositoryRoots folders that story repositories must lie in (the team's trusted
 *     repositories); empty allows any local repository
 */
@ConfigurationProperties("storyflow.workspace")
record WorkspaceProperties(@DefaultValue("./data/workspaces") Path root, String baseBranch,
    List<Path> repositoryRoots) {

  @ConstructorBinding
  WorkspaceProperties {
    repositoryRoots = repositoryRoots == null ? List.of()
        : repositoryRoots.stream().map(p -> p.toAbsolutePath().normalize()).toList();
  }

  /** Without trusted folders: any local repository. */
  WorkspaceProperties(Path root, String baseBranch) {
    this(root, baseBranch, List.of());
  }
}
