package dev.storyflow.workspace;

import java.nio.file.Path;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Where story workspaces live and what story branches start from.
 *
 * @param root the folder holding one git clone per story (a cache of the story branches)
 * @param baseBranch the branch story branches start from; empty means the repository's default branch
 */
@ConfigurationProperties("storyflow.workspace")
record WorkspaceProperties(@DefaultValue("./data/workspaces") Path root, String baseBranch) {
}
