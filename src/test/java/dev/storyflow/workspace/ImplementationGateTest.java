package dev.storyflow.workspace;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.storyflow.engineer.BackendEngineerNeededException;
import dev.storyflow.lifecycle.Step;
import dev.storyflow.engineer.StepRequest;
import dev.storyflow.process.ProcessTable;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.eclipse.jgit.api.Git;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.util.unit.DataSize;

/** The implementation gates on small make-based fixture repositories, without Spring. */
class ImplementationGateTest {

  @TempDir
  Path temp;

  MakeProject project;
  Path root;

  @BeforeEach
  void setUp() throws Exception {
    project = MakeProject.create(Files.createDirectory(temp.resolve("calc")));
    root = temp.resolve("workspaces");
  }

  @Test
  void passingWorkPassesEveryGate() throws Exception {
    // given
    String commit = project.commitOnStoryBranch("US-1", MakeProject.passingWork(), "Subtraction", temp);

    // when
    GateReport result = gate(List.of(), Duration.ofMinutes(2), null).check(request("US-1"), "leftovers");

    // then
    assertThat(result.passed()).as(result.failureReport()).isTrue();
    assertThat(result.failureReport()).isEmpty();
    Map<String, Object> report = result.report();
    assertThat(report).containsEntry("branch", "story/US-1").containsEntry("base", "main")
        .containsEntry("head", commit).containsEntry("commitCount", 1).containsEntry("filesChanged", 2)
        .containsEntry("insertions", 2).containsEntry("deletions", 0);
    assertThat(tests(report)).containsEntry("run", 2).containsEntry("failed", 0).containsEntry("errors", 0);
    assertThat(gateResults(report)).containsExactly("commits=PASSED", "build=PASSED", "tests=PASSED",
        "coverage=SKIPPED");
    try (Git git = Git.open(root.resolve("US-1").toFile())) {
      assertThat(git.status().call().isClean()).as("working tree back to the branch after the build").isTrue();
    }
  }

  @Test
  void failingTestFailsTheGateAndIsNamed() {
    // given
    project.commitOnStoryBranch("US-2", MakeProject.failingWork(), "Subtraction, wrong", temp);

    // when
    GateReport result = gate(List.of(), Duration.ofMinutes(2), null).check(request("US-2"), "leftovers");

    // then
    assertThat(result.passed()).isFalse();
    assertThat(result.failureReport()).contains("test_calc.test_sub").contains("expected 2 but was 8");
    assertThat(tests(result.report())).containsEntry("run", 2).containsEntry("failed", 1);
    assertThat(gateResults(result.report())).contains("build=FAILED", "tests=FAILED");
    assertThat((String) result.report().get("logExcerpt")).contains("FAIL test_calc.test_sub");
  }

  @Test
  void buildWithoutTestsFails() {
    // given
    project.commitOnStoryBranch("US-3", Map.of("Makefile", MakeProject.SILENT_MAKEFILE), "No tests", temp);

    // when
    GateReport result = gate(List.of(), Duration.ofMinutes(2), null).check(request("US-3"), "leftovers");

    // then
    assertThat(result.passed()).isFalse();
    assertThat(gateResults(result.report())).contains("build=PASSED", "tests=FAILED");
    assertThat(result.failureReport()).contains("no JUnit XML test report");
  }

  @Test
  void branchWithoutCommitsFailsWithoutBuilding() {
    // when
    GateReport result = gate(List.of(), Duration.ofMinutes(2), null).check(request("US-4"), "leftovers");

    // then
    assertThat(result.passed()).isFalse();
    assertThat(result.report()).containsEntry("commitCount", 0).doesNotContainKey("build");
    assertThat(gateResults(result.report())).containsExactly("commits=FAILED", "build=SKIPPED", "tests=SKIPPED",
        "coverage=SKIPPED");
    assertThat(result.failureReport()).contains("story/US-4 has no commits beyond main");
  }

  @Test
  void hangingBuildIsKilledAtTheTimeoutAndReported() throws Exception {
    // given a build that starts a daemon holding its output, then hangs
    Path daemonPid = temp.resolve("daemon.pid");
    String makefile = MakeProject.makefile(MakeProject.daemon(daemonPid, true), "sleep 300");
    project.commitOnStoryBranch("US-5", Map.of("Makefile", makefile), "Hangs", temp);

    // when
    GateReport result = gate(List.of(), Duration.ofSeconds(1), null).check(request("US-5"), "leftovers");

    // then the build is reported as killed, and the daemon, an orphan by now, is gone too
    assertThat(result.passed()).isFalse();
    assertThat(build(result.report())).containsEntry("timedOut", true).containsEntry("exitCode", -1);
    assertThat(result.failureReport()).contains("'make test' timed out after 1s and was killed");
    assertThat(ProcessTable.endsWithin(ProcessTable.pidIn(daemonPid), Duration.ofSeconds(3))).as("the daemon ended")
        .isTrue();
  }

  @Test
  void daemonsLeftByAPassingBuildAreStoppedWithoutWaitingForTheirOutput() throws Exception {
    // given a build that starts two daemons, one holding its output, one in a session of its own
    Path holding = temp.resolve("holding.pid");
    Path detached = temp.resolve("detached.pid");
    String makefile = MakeProject.makefile(MakeProject.daemon(holding, true), MakeProject.daemon(detached, false),
        "sh tests/run.sh");
    project.commitOnStoryBranch("US-10", Map.of("Makefile", makefile, "src/calc.sh", MakeProject.CALC_WITH_SUB),
        "Daemons", temp);

    // when
    long started = System.nanoTime();
    GateReport result = gate(List.of(), Duration.ofMinutes(2), null).check(request("US-10"), "leftovers");

    // then the gate passes at once, and both daemons are gone
    assertThat(result.passed()).as(result.failureReport()).isTrue();
    assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(8));
    assertThat(ProcessTable.endsWithin(ProcessTable.pidIn(holding), Duration.ofSeconds(3))).as("holding daemon ended")
        .isTrue();
    assertThat(ProcessTable.endsWithin(ProcessTable.pidIn(detached), Duration.ofSeconds(3))).as("detached daemon ended")
        .isTrue();
    assertThat(Path.of((String) build(result.report()).get("logFile")))
        .content().contains("stopped 2 process(es) the build left running in the background");
  }

  @Test
  void workLeftUncommittedInTheWorkspaceIsCommittedAndPushed() throws Exception {
    // given a workspace where someone worked without committing
    GitWorkspaces workspaces = new GitWorkspaces(new WorkspaceProperties(root, null));
    Path dir = workspaces.checkout(request("US-6")).orElseThrow();
    MakeProject.write(dir, MakeProject.passingWork());

    // when
    GateReport result = gate(List.of(), Duration.ofMinutes(2), null).check(request("US-6"), "Subtraction by hand");

    // then
    assertThat(result.passed()).as(result.failureReport()).isTrue();
    assertThat(result.report().get("leftoverCommit")).isEqualTo(project.storyBranchHead("US-6"));
    assertThat(commits(result.report())).singleElement().extracting(c -> c.get("message"))
        .isEqualTo("Subtraction by hand");
  }

  @Test
  void configuredCommandAndCoverageThreshold() throws Exception {
    // given a build that writes a JaCoCo report with 3 of 4 lines covered
    String jacoco = """
        <?xml version="1.0" encoding="UTF-8" standalone="yes"?>
        <!DOCTYPE report PUBLIC "-//JACOCO//DTD Report 1.1//EN" "report.dtd">
        <report name="calc"><package name="calc"><counter type="LINE" missed="9" covered="1"/></package>
        <counter type="INSTRUCTION" missed="1" covered="9"/><counter type="LINE" missed="1" covered="3"/></report>
        """;
    project.commitOnStoryBranch("US-7", Map.of("jacoco.txt", jacoco,
        "build.mk", "check:\n\tsh tests/run.sh\n\tcp jacoco.txt reports/jacoco.xml\n"), "Coverage", temp);

    // when
    GateReport strict = gate(List.of("make", "-f", "build.mk", "check"), Duration.ofMinutes(2), 0.8)
        .check(request("US-7"), "leftovers");
    GateReport lenient = gate(List.of("make", "-f", "build.mk", "check"), Duration.ofMinutes(2), 0.75)
        .check(request("US-7"), "leftovers");

    // then
    assertThat(strict.passed()).isFalse();
    assertThat(strict.failureReport()).contains("line coverage 75.0 % is below the required 80.0 %");
    assertThat(build(strict.report())).containsEntry("tool", "configured");
    assertThat(lenient.passed()).as(lenient.failureReport()).isTrue();
    assertThat(lenient.report().get("coverage")).asString().contains("line=0.75");
  }

  @Test
  void repositoryWithoutBuildFails() {
    // given
    project.commitOnStoryBranch("US-8", Map.of("README.md", "notes\n"), "Docs", temp);
    GitWorkspaces workspaces = new GitWorkspaces(new WorkspaceProperties(root, null));
    Path dir = workspaces.checkout(request("US-8")).orElseThrow();

    // when: the Makefile is gone from the branch
    MakeProject.write(dir, Map.of());
    dir.resolve("Makefile").toFile().delete();
    GateReport result = gate(List.of(), Duration.ofMinutes(2), null).check(request("US-8"), "Remove the build");

    // then
    assertThat(result.passed()).isFalse();
    assertThat(result.failureReport()).contains("no build found");
  }

  @Test
  void storyWithoutRepositoryCannotBeChecked() {
    StepRequest request = new StepRequest(Step.IMPLEMENT, "US-9", "pi", Map.of(), false);
    assertThatThrownBy(() -> gate(List.of(), Duration.ofMinutes(1), null).check(request, "x"))
        .isInstanceOf(BackendEngineerNeededException.class).hasMessageContaining("has no repository");
  }

  // ------------------------------------------------------------------ helpers

  private ImplementationGate gate(List<String> command, Duration timeout, Double minLine) {
    WorkspaceProperties workspace = new WorkspaceProperties(root, null);
    return new ImplementationGate(new GitWorkspaces(workspace), new BuildRunner(),
        new BuildProperties(command, timeout, DataSize.ofKilobytes(64)), new CoverageProperties(minLine), workspace,
        text -> text);
  }

  private StepRequest request(String storyId) {
    return new StepRequest(Step.IMPLEMENT, storyId, "pi-" + storyId,
        Map.of("repository", project.path.toString()), false);
  }

  @SuppressWarnings("unchecked")
  static Map<String, Object> tests(Map<String, Object> report) {
    return (Map<String, Object>) report.get("tests");
  }

  @SuppressWarnings("unchecked")
  static Map<String, Object> build(Map<String, Object> report) {
    return (Map<String, Object>) report.get("build");
  }

  @SuppressWarnings("unchecked")
  static List<Map<String, Object>> commits(Map<String, Object> report) {
    return (List<Map<String, Object>>) report.get("commits");
  }

  @SuppressWarnings("unchecked")
  static List<String> gateResults(Map<String, Object> report) {
    return ((List<Map<String, Object>>) report.get("gates")).stream()
        .map(g -> g.get("gate") + "=" + g.get("result")).toList();
  }
}
