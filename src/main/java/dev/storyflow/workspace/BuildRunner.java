package dev.storyflow.workspace;

import dev.storyflow.process.ChildProcess;
import dev.storyflow.process.ProcessResult;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Component;

/**
 * Runs a build in a story's working tree ({@link ChildProcess}): argument lists (no shell), standard
 * input closed, output captured and capped, and a timeout after which the build's whole process
 * group is killed; whatever the build left running in the background is stopped when it ends. The
 * build gets a small environment (PATH, HOME, locale, Java and build-tool homes, {@code CI=true}),
 * never Storyflow's own settings such as database passwords.
 */
@Component
class BuildRunner {

  private static final List<String> PASSED_ENVIRONMENT = List.of("PATH", "HOME", "USER", "LANG", "LC_ALL", "TZ",
      "TMPDIR", "JAVA_HOME", "MAVEN_HOME", "M2_HOME", "MAVEN_OPTS", "GRADLE_HOME", "GRADLE_USER_HOME",
      "NODE_HOME", "NPM_CONFIG_CACHE", "npm_config_cache");

  /**
   * What a build did.
   *
   * @param command the command that ran last (the failing one when the build failed)
   * @param exitCode its exit code; -1 when it could not start or was killed
   * @param timedOut the build ran past its timeout and was killed
   * @param startError why the command could not start, or null
   * @param duration how long the build ran
   */
  record Outcome(List<String> command, int exitCode, boolean timedOut, String startError, Duration duration) {

    boolean succeeded() {
      return exitCode == 0 && !timedOut && startError == null;
    }
  }

  Outcome run(Path dir, BuildPlan plan, Duration timeout, CappedLog log) {
    Instant start = Instant.now();
    Instant deadline = start.plus(timeout);
    Outcome outcome = null;
    for (List<String> command : plan.commands()) {
      outcome = runOne(dir, command, Duration.between(Instant.now(), deadline), timeout, log, start);
      if (!outcome.succeeded()) {
        break;
      }
    }
    return outcome;
  }

  private Outcome runOne(Path dir, List<String> command, Duration remaining, Duration timeout, CappedLog log,
      Instant start) {
    log.note("$ " + String.join(" ", command));
    ProcessResult result;
    try {
      result = new ChildProcess(command).directory(dir).environment(environment()).stdout(log).stderrToStdout()
          .timeout(remaining).run();
    } catch (IOException e) {
      log.note("could not start: " + e.getMessage());
      return new Outcome(command, -1, false, e.getMessage(), Duration.between(start, Instant.now()));
    }
    boolean timedOut = result.timedOut() || result.interrupted();
    if (result.timedOut()) {
      log.note("timed out after " + timeout + "; killed the build and its child processes");
    } else if (result.interrupted()) {
      log.note("interrupted; killed the build and its child processes");
    }
    if (result.leftovers() > 0) {
      log.note("stopped " + result.leftovers() + " process(es) the build left running in the background");
    }
    if (!result.outputComplete()) {
      log.note("a process the build started in the background still holds its output; no longer reading it");
    }
    int exit = timedOut || result.exitCode() == null ? -1 : result.exitCode();
    if (!timedOut) {
      log.note("exit code " + exit);
    }
    return new Outcome(command, exit, timedOut, null, Duration.between(start, Instant.now()));
  }

  /** The variables of Storyflow's own environment a build may see, and {@code CI=true}. */
  private static Map<String, String> environment() {
    Map<String, String> environment = new HashMap<>();
    PASSED_ENVIRONMENT.forEach(name -> {
      String value = System.getenv(name);
      if (value != null) {
        environment.put(name, value);
      }
    });
    environment.put("CI", "true");
    return environment;
  }
}
