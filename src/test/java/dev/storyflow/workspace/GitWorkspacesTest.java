package dev.storyflow.workspace;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.storyflow.engineer.BackendEngineerNeededException;
import dev.storyflow.lifecycle.Step;
import dev.storyflow.engineer.StepRequest;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.eclipse.jgit.api.Git;
import org.eclipse.jgit.lib.PersonIdent;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.util.FileSystemUtils;

/** Workspaces are per-story caches of the story branch in the story's repository. */
class GitWorkspacesTest {

  @TempDir
  Path temp;

  MakeProject project;
  GitWorkspaces workspaces;

  @BeforeEach
  void setUp() throws Exception {
    project = MakeProject.create(Files.createDirectory(temp.resolve("calc")));
    workspaces = new GitWorkspaces(new WorkspaceProperties(temp.resolve("workspaces"), null));
  }

  @Test
  void twoStoriesOnOneRepositoryWorkInSeparateWorkspaces() throws Exception {
    // when
    Path first = workspaces.checkout(request("US-1", project.path.toString())).orElseThrow();
    Path second = workspaces.checkout(request("US-2", project.path.toString())).orElseThrow();
    MakeProject.write(first, Map.of("first.txt", "one\n"));
    MakeProject.write(second, Map.of("second.txt", "two\n"));
    workspaces.publish(request("US-1", project.path.toString()), "First story's work");
    workspaces.publish(request("US-2", project.path.toString()), "Second story's work");

    // then
    assertThat(first).isNotEqualTo(second);
    assertThat(first.resolve("second.txt")).doesNotExist();
    assertThat(second.resolve("first.txt")).doesNotExist();
    assertThat(branchOf(first)).isEqualTo("story/US-1");
    assertThat(branchOf(second)).isEqualTo("story/US-2");
    assertThat(project.storyBranchHead("US-1")).isNotNull().isNotEqualTo(project.storyBranchHead("US-2"));
    assertThat(fileOnBranch("story/US-1", "first.txt")).isTrue();
    assertThat(fileOnBranch("story/US-1", "second.txt")).isFalse();
  }

  @Test
  void deletedWorkspaceIsRebuiltFromTheRepositoryWithNothingLost() throws Exception {
    // given work published from the workspace, then the workspace lost
    Path dir = workspaces.checkout(request("US-3", project.path.toString())).orElseThrow();
    MakeProject.write(dir, Map.of("work.txt", "done\n"));
    workspaces.publish(request("US-3", project.path.toString()), "The work");
    FileSystemUtils.deleteRecursively(dir);

    // when
    Path rebuilt = workspaces.checkout(request("US-3", project.path.toString())).orElseThrow();

    // then
    assertThat(rebuilt).isEqualTo(dir);
    assertThat(rebuilt.resolve("work.txt")).hasContent("done");
    assertThat(branchOf(rebuilt)).isEqualTo("story/US-3");
  }

  @Test
  void staleWorkspaceCatchesUpWithTheRepository() throws Exception {
    // given a workspace, then work pushed to the story branch from elsewhere
    Path dir = workspaces.checkout(request("US-4", project.path.toString())).orElseThrow();
    String pushed = project.commitOnStoryBranch("US-4", MakeProject.passingWork(), "Elsewhere", temp);

    // when
    workspaces.checkout(request("US-4", project.path.toString()));

    // then
    assertThat(headOf(dir)).isEqualTo(pushed);
    assertThat(dir.resolve("src/calc.sh")).hasContent(MakeProject.CALC_WITH_SUB.strip());
  }

  @Test
  void unpublishedCommitsInTheWorkspaceAreKeptAndPublishedLater() throws Exception {
    // given a commit made in the workspace and not pushed
    Path dir = workspaces.checkout(request("US-5", project.path.toString())).orElseThrow();
    MakeProject.write(dir, Map.of("local.txt", "local\n"));
    String local;
    try (Git git = Git.open(dir.toFile())) {
      git.add().addFilepattern(".").call();
      PersonIdent me = new PersonIdent("Dana", "dana@example.org");
      local = git.commit().setMessage("Local").setAuthor(me).setCommitter(me).setSign(false).call().getName();
    }

    // when
    workspaces.checkout(request("US-5", project.path.toString()));
    workspaces.publish(request("US-5", project.path.toString()), "nothing left");

    // then
    assertThat(headOf(dir)).isEqualTo(local);
    assertThat(project.storyBranchHead("US-5")).isEqualTo(local);
  }

  @Test
  void workspaceOfAnotherRepositoryIsRebuilt() throws Exception {
    // given
    MakeProject other = MakeProject.create(Files.createDirectory(temp.resolve("other")));
    Path dir = workspaces.checkout(request("US-6", project.path.toString())).orElseThrow();

    // when the story now names another repository, as a file:// URL
    workspaces.checkout(request("US-6", other.path.toUri().toString()));

    // then
    try (Git git = Git.open(dir.toFile())) {
      assertThat(git.getRepository().getConfig().getString("remote", "origin", "url")).isEqualTo(other.path.toString());
    }
  }

  @Test
  void configuredBaseBranchIsUsed() throws Exception {
    // given a release branch in the repository
    try (Git git = Git.open(project.path.toFile())) {
      git.branchCreate().setName("release").call();
    }
    GitWorkspaces fromRelease = new GitWorkspaces(new WorkspaceProperties(temp.resolve("workspaces"), "release"));

    // when
    StoryWorkspace workspace = fromRelease.open(request("US-7", project.path.toString())).orElseThrow();

    // then
    assertThat(workspace.baseBranch()).isEqualTo("release");
    assertThat(fromRelease.history(workspace).commits()).isEmpty();
  }

  @Test
  void storyWithoutRepositoryHasNoWorkspace() {
    assertThat(workspaces.checkout(new StepRequest(Step.PLAN, "US-8", "pi", Map.of(), false))).isEmpty();
  }

  @Test
  void unusableRepositoriesNeedAHuman() throws Exception {
    Path notGit = Files.createDirectory(temp.resolve("plain"));
    assertThatThrownBy(() -> workspaces.checkout(request("US-9", "https://example.org/team/calc.git")))
        .isInstanceOf(BackendEngineerNeededException.class).hasMessageContaining("is not local");
    assertThatThrownBy(() -> workspaces.checkout(request("US-9", "git@example.org:team/calc.git")))
        .isInstanceOf(BackendEngineerNeededException.class).hasMessageContaining("is not local");
    assertThatThrownBy(() -> workspaces.checkout(request("US-9", temp.resolve("missing").toString())))
        .isInstanceOf(BackendEngineerNeededException.class).hasMessageContaining("does not exist");
    assertThatThrownBy(() -> workspaces.checkout(request("US-9", notGit.toString())))
        .isInstanceOf(BackendEngineerNeededException.class).hasMessageContaining("is not a git repository");
  }

  @Test
  void repositoriesOutsideTheTrustedFoldersAreRefused() throws Exception {
    // given
    Path trusted = Files.createDirectory(temp.resolve("trusted"));
    GitWorkspaces guarded = new GitWorkspaces(new WorkspaceProperties(temp.resolve("workspaces"), null,
        List.of(trusted)));
    Path link = Files.createSymbolicLink(trusted.resolve("calc-link"), project.path);
    MakeProject inside = MakeProject.create(Files.createDirectory(trusted.resolve("calc")));

    // when / then
    assertThat(guarded.checkout(request("US-10", inside.path.toString()))).isPresent();
    assertThatThrownBy(() -> guarded.checkout(request("US-11", project.path.toString())))
        .isInstanceOf(BackendEngineerNeededException.class).hasMessageContaining("not in the trusted repository folders");
    assertThatThrownBy(() -> guarded.checkout(request("US-12", link.toString())))
        .isInstanceOf(BackendEngineerNeededException.class).hasMessageContaining("not in the trusted repository folders");
  }

  @Test
  void aStoryIdThatLeavesTheWorkspaceRootTouchesNothing() throws Exception {
    // intake refuses such ids at every start; the workspaces refuse them again on their own
    Path victim = Files.createDirectories(temp.resolve("victim"));
    Files.writeString(victim.resolve("keep.txt"), "precious");

    for (String storyId : List.of("../victim", "..", ".", "nested/US-1")) {
      assertThatThrownBy(() -> workspaces.checkout(request(storyId, project.path.toString())))
          .as(storyId).isInstanceOf(IllegalArgumentException.class).hasMessageContaining("does not name a folder inside");
    }
    assertThat(victim.resolve("keep.txt")).hasContent("precious");
    assertThat(project.path.resolve(".git")).isDirectory();
  }

  private static StepRequest request(String storyId, String repository) {
    return new StepRequest(Step.IMPLEMENT, storyId, "pi-" + storyId, Map.of("repository", repository), false);
  }

  private static String branchOf(Path dir) throws Exception {
    try (Git git = Git.open(dir.toFile())) {
      return git.getRepository().getBranch();
    }
  }

  private static String headOf(Path dir) throws Exception {
    try (Git git = Git.open(dir.toFile())) {
      return git.getRepository().resolve("HEAD").getName();
    }
  }

  private boolean fileOnBranch(String branch, String file) throws Exception {
    try (Git git = Git.open(project.path.toFile())) {
      return git.getRepository().resolve("refs/heads/" + branch + ":" + file) != null;
    }
  }
}
