package dev.storyflow.workspace;

import dev.storyflow.workspace.BranchHistory.CommitInfo;
import dev.storyflow.workspace.BuildRunner.Outcome;
import dev.storyflow.workspace.TestResults.TestFailure;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * Collects the gates' results into the {@code implementation} report and, when a gate failed, a
 * short failure report in words.
 */
final class ImplementationReport {

  static final String PASSED = "PASSED";
  static final String FAILED = "FAILED";
  static final String SKIPPED = "SKIPPED";

  private static final int MAX_COMMITS = 100;
  private static final int MAX_FILES = 200;
  private static final int MAX_FAILURE_REPORT = 3500;
  private static final int FAILURE_LOG_LINES = 25;

  private final Map<String, Object> report = new LinkedHashMap<>();
  private final List<Map<String, Object>> gates = new ArrayList<>();
  private final List<String> problems = new ArrayList<>();
  private final StoryWorkspace workspace;
  private final BranchHistory history;
  private String logExcerpt;

  ImplementationReport(StoryWorkspace workspace, BranchHistory history, String leftoverCommit) {
    this.workspace = workspace;
    this.history = history;
    report.put("passed", false);
    report.put("summary", "");
    report.put("checkedAt", Instant.now().toString());
    report.put("repository", workspace.repository().url());
    report.put("branch", workspace.branch());
    report.put("base", workspace.baseBranch());
    report.put("baseCommit", history.baseCommit());
    report.put("forkPoint", history.forkPoint());
    report.put("head", history.head());
    report.put("leftoverCommit", leftoverCommit);
    report.put("commitCount", history.commits().size());
    report.put("commits", history.commits().stream().limit(MAX_COMMITS).map(ImplementationReport::commit).toList());
    report.put("filesChanged", history.files().size());
    report.put("insertions", history.insertions());
    report.put("deletions", history.deletions());
    report.put("files", history.files().stream().limit(MAX_FILES).toList());
    report.put("gates", gates);
    int count = history.commits().size();
    if (count == 0) {
      gate("commits", FAILED, workspace.branch() + " has no commits beyond " + workspace.baseBranch() + " ("
          + shortId(history.baseCommit()) + ")");
    } else {
      gate("commits", PASSED, count + (count == 1 ? " commit" : " commits") + " beyond " + workspace.baseBranch()
          + ", " + history.files().size() + " files changed (+" + history.insertions() + " / -"
          + history.deletions() + ")");
    }
  }

  void noCommits() {
    skip("build", "nothing to build: no commits");
    skip("tests", "nothing to test: no commits");
    skip("coverage", "nothing to measure: no commits");
  }

  void noBuild() {
    gate("build", FAILED, "no build found: the branch has no pom.xml, build.gradle, package.json or Makefile,"
        + " and storyflow.build.command is not set");
    skip("tests", "no build ran");
    skip("coverage", "no build ran");
  }

  /**
   * @param output what the build printed, capped and with its secrets masked
   * @param droppedBytes how much of the output was left out by the cap
   */
  void built(BuildPlan plan, Outcome outcome, Duration timeout, String output, long droppedBytes, Path logFile) {
    Map<String, Object> build = new LinkedHashMap<>();
    build.put("tool", plan.tool());
    build.put("commands", plan.commands());
    build.put("command", outcome.command());
    build.put("exitCode", outcome.exitCode());
    build.put("timedOut", outcome.timedOut());
    build.put("timeout", timeout.toString());
    build.put("durationSeconds", outcome.duration().toSeconds());
    build.put("logFile", logFile == null ? null : logFile.toString());
    build.put("logBytesLeftOut", droppedBytes);
    report.put("build", build);
    String command = String.join(" ", outcome.command());
    if (outcome.timedOut()) {
      gate("build", FAILED, "'" + command + "' timed out after " + human(timeout) + " and was killed");
    } else if (outcome.startError() != null) {
      gate("build", FAILED, "'" + command + "' could not start: " + outcome.startError());
    } else if (outcome.exitCode() != 0) {
      gate("build", FAILED, "'" + command + "' failed with exit code " + outcome.exitCode());
    } else {
      gate("build", PASSED, "'" + command + "' succeeded");
    }
    if (!outcome.succeeded()) {
      logExcerpt = CappedLog.excerpt(output, 60, 4000);
    }
  }

  void tested(TestResults results) {
    Map<String, Object> tests = new LinkedHashMap<>();
    tests.put("reports", results.reports());
    tests.put("total", results.total());
    tests.put("run", results.run());
    tests.put("passed", results.passed());
    tests.put("failed", results.failed());
    tests.put("errors", results.errors());
    tests.put("skipped", results.skipped());
    tests.put("failures", results.failures());
    if (!results.unreadable().isEmpty()) {
      tests.put("unreadableReports", results.unreadable());
    }
    report.put("tests", tests);
    if (results.reports() == 0) {
      gate("tests", FAILED, "no JUnit XML test report was written: the build ran no tests, or its test runner"
          + " writes no JUnit XML (configure a JUnit XML reporter)");
    } else if (results.run() == 0) {
      gate("tests", FAILED, "no test ran (" + results.total() + " found, " + results.skipped() + " skipped)");
    } else if (results.failed() + results.errors() > 0) {
      gate("tests", FAILED, (results.failed() + results.errors()) + " of " + results.run() + " tests failed: "
          + String.join(", ", results.failures().stream().limit(10).map(TestFailure::test).toList()));
    } else {
      gate("tests", PASSED, results.run() + " tests ran, none failed" + (results.skipped() > 0
          ? " (" + results.skipped() + " skipped)" : ""));
    }
  }

  void covered(Optional<LineCoverage> coverage, Double minLine) {
    coverage.ifPresent(c -> {
      Map<String, Object> line = new LinkedHashMap<>();
      line.put("line", Math.round(c.ratio() * 10_000) / 10_000.0);
      line.put("coveredLines", c.covered());
      line.put("missedLines", c.missed());
      line.put("minLine", minLine);
      line.put("reports", c.reports());
      report.put("coverage", line);
    });
    if (minLine == null) {
      skip("coverage", coverage.map(c -> "line coverage " + percent(c.ratio()) + "; no threshold configured")
          .orElse("no threshold configured"));
    } else if (coverage.isEmpty()) {
      gate("coverage", FAILED, "line coverage of at least " + percent(minLine) + " is required, but the build"
          + " wrote no JaCoCo XML report");
    } else if (coverage.get().ratio() + 1e-9 < minLine) {
      gate("coverage", FAILED, "line coverage " + percent(coverage.get().ratio()) + " is below the required "
          + percent(minLine));
    } else {
      gate("coverage", PASSED, "line coverage " + percent(coverage.get().ratio()) + " (at least "
          + percent(minLine) + " required)");
    }
  }

  GateReport result() {
    boolean passed = problems.isEmpty();
    report.put("passed", passed);
    report.put("summary", summary(passed));
    if (logExcerpt != null) {
      report.put("logExcerpt", logExcerpt);
    }
    return new GateReport(passed, passed ? "" : failureReport(), report);
  }

  private String summary(boolean passed) {
    int count = history.commits().size();
    String where = workspace.branch() + " (" + count + (count == 1 ? " commit" : " commits") + " beyond "
        + workspace.baseBranch() + ", head " + shortId(history.head()) + ")";
    return passed ? "All implementation gates passed on " + where + "."
        : "Implementation gates failed on " + where + ": " + String.join("; ", problems) + ".";
  }

  private String failureReport() {
    StringBuilder text = new StringBuilder("The implementation gates failed on ").append(workspace.branch())
        .append(" of ").append(workspace.repository().url()).append(" (head ").append(shortId(history.head()))
        .append("):\n");
    problems.forEach(p -> text.append("- ").append(p).append('\n'));
    Object tests = report.get("tests");
    if (tests instanceof Map<?, ?> t && t.get("failures") instanceof List<?> failures && !failures.isEmpty()) {
      text.append("Failing tests:\n");
      failures.stream().limit(10).map(TestFailure.class::cast).forEach(f -> text.append("- ").append(f.test())
          .append(f.message().isBlank() ? "" : ": " + f.message()).append('\n'));
    }
    if (logExcerpt != null) {
      List<String> lines = logExcerpt.lines().toList();
      text.append("Build log (end):\n")
          .append(String.join("\n", lines.subList(Math.max(0, lines.size() - FAILURE_LOG_LINES), lines.size())));
    }
    return text.length() <= MAX_FAILURE_REPORT ? text.toString()
        : text.substring(0, MAX_FAILURE_REPORT - 40) + "\n... (see the implementation report)";
  }

  private void gate(String name, String result, String detail) {
    Map<String, Object> gate = new LinkedHashMap<>();
    gate.put("gate", name);
    gate.put("result", result);
    gate.put("detail", detail);
    gates.add(gate);
    if (FAILED.equals(result)) {
      problems.add(name + ": " + detail);
    }
  }

  private void skip(String name, String detail) {
    gate(name, SKIPPED, detail);
  }

  private static Map<String, Object> commit(CommitInfo commit) {
    Map<String, Object> map = new LinkedHashMap<>();
    map.put("id", commit.id());
    map.put("shortId", commit.shortId());
    map.put("message", commit.message());
    map.put("author", commit.author());
    map.put("time", commit.time().toString());
    return map;
  }

  private static String shortId(String id) {
    return id == null ? "none" : id.substring(0, Math.min(7, id.length()));
  }

  private static String percent(double ratio) {
    return String.format(Locale.ROOT, "%.1f %%", ratio * 100);
  }

  private static String human(Duration duration) {
    return duration.toString().substring(2).toLowerCase(Locale.ROOT);
  }
}
