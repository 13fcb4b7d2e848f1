package dev.storyflow.workspace;

import dev.storyflow.engineer.BackendEngineerNeededException;
import dev.storyflow.engineer.SecretMask;
import dev.storyflow.engineer.StepRequest;
import dev.storyflow.workspace.BuildRunner.Outcome;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * The implementation gates, run on the story branch whoever did the work (an agent or a human):
 * <ol>
 *   <li>the branch has commits beyond its base (work left uncommitted is committed first);</li>
 *   <li>the build and its unit tests run (configured or detected command, with a timeout);</li>
 *   <li>its JUnit XML reports show at least one test run and none failed or errored;</li>
 *   <li>line coverage from JaCoCo meets {@code storyflow.coverage.min-line}, when set.</li>
 * </ol>
 * The branch is pushed to the story's repository before the build, so the work is safe whatever
 * the gates say. Agents' bridges call {@link #check} after each run and hand the failure report
 * back to the agent. What the build printed (its log, the failure messages of its test reports) is
 * masked for secrets before it is written anywhere.
 */
@Component
public class ImplementationGate {

  private static final Logger LOG = LoggerFactory.getLogger(ImplementationGate.class);

  private final GitWorkspaces workspaces;
  private final BuildRunner builds;
  private final BuildProperties buildProperties;
  private final CoverageProperties coverageProperties;
  private final WorkspaceProperties workspaceProperties;
  private final SecretMask secrets;

  ImplementationGate(GitWorkspaces workspaces, BuildRunner builds, BuildProperties buildProperties,
      CoverageProperties coverageProperties, WorkspaceProperties workspaceProperties, SecretMask secrets) {
    this.workspaces = workspaces;
    this.builds = builds;
    this.buildProperties = buildProperties;
    this.coverageProperties = coverageProperties;
    this.workspaceProperties = workspaceProperties;
    this.secrets = secrets;
  }

  /**
   * Runs the gates on the story branch.
   *
   * @param leftoverMessage the commit message for work left uncommitted in the workspace (an
   *     agent's summary, for instance)
   * @throws BackendEngineerNeededException when the story has no usable repository to check
   */
  public GateReport check(StepRequest request, String leftoverMessage) {
    StoryWorkspace workspace = workspaces.open(request).orElseThrow(() -> new BackendEngineerNeededException(
        "Story " + request.storyId() + " has no repository, so its implementation cannot be checked."));
    Optional<String> leftovers = workspaces.commitLeftovers(workspace, leftoverMessage);
    BranchHistory history = workspaces.history(workspace);
    ImplementationReport report = new ImplementationReport(workspace, history, leftovers.orElse(null));
    if (history.commits().isEmpty()) {
      report.noCommits();
      return report.result();
    }
    workspaces.push(workspace);

    Optional<BuildPlan> plan = BuildPlan.of(workspace.dir(), buildProperties.command());
    if (plan.isEmpty()) {
      report.noBuild();
      return report.result();
    }
    CappedLog log = new CappedLog((int) Math.min(Integer.MAX_VALUE, buildProperties.logLimit().toBytes()));
    Instant started = Instant.now();
    LOG.info("Building {} of story {} with {}", workspace.branch(), workspace.storyId(), plan.get().commands());
    Outcome outcome = builds.run(workspace.dir(), plan.get(), buildProperties.timeout(), log);
    TestResults tests = TestResults.read(workspace.dir(), started).withMessages(secrets::mask);
    Optional<LineCoverage> coverage = LineCoverage.read(workspace.dir(), started);
    workspaces.restore(workspace);
    String output = secrets.mask(log.toString());
    report.built(plan.get(), outcome, buildProperties.timeout(), output, log.droppedBytes(),
        writeLog(workspace, output));
    report.tested(tests);
    report.covered(coverage, coverageProperties.minLine());
    GateReport result = report.result();
    LOG.info("Implementation gates on {} of story {}: {}", workspace.branch(), workspace.storyId(),
        result.passed() ? "passed" : "failed");
    return result;
  }

  /** Keeps the capped build log next to the workspaces, for the human who looks into a failure. */
  private Path writeLog(StoryWorkspace workspace, String output) {
    Path file = workspaceProperties.root().resolve(".logs").resolve(workspace.storyId() + "-build.log")
        .toAbsolutePath().normalize();
    try {
      Files.createDirectories(file.getParent());
      Files.writeString(file, output);
      return file;
    } catch (IOException e) {
      LOG.warn("Cannot write the build log of {} to {}: {}", workspace.storyId(), file, e.getMessage());
      return null;
    }
  }
}
