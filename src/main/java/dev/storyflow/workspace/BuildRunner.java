package dev.storyflow.workspace;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Runs a build in a story's working tree: argument lists (no shell), standard input closed, output
 * captured and capped, and a timeout after which the build's whole process tree is killed. The
 * build gets a small environment (PATH, HOME, locale, Java and build-tool homes, {@code CI=true}),
 * never Storyflow's own settings such as database passwords.
 */
@Component
class BuildRunner {

  private static final Logger LOG = LoggerFactory.getLogger(BuildRunner.class);
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
    ProcessBuilder builder = new ProcessBuilder(command).directory(dir.toFile()).redirectErrorStream(true);
    Map<String, String> environment = builder.environment();
    Map<String, String> own = Map.copyOf(environment);
    environment.clear();
    PASSED_ENVIRONMENT.stream().filter(own::containsKey).forEach(name -> environment.put(name, own.get(name)));
    environment.put("CI", "true");
    Process process;
    try {
      process = builder.start();
    } catch (IOException e) {
      log.note("could not start: " + e.getMessage());
      return new Outcome(command, -1, false, e.getMessage(), Duration.between(start, Instant.now()));
    }
    closeQuietly(process);
    Thread reader = new Thread(() -> copy(process.getInputStream(), log), "build-output-" + process.pid());
    reader.setDaemon(true);
    reader.start();
    boolean timedOut = false;
    try {
      if (remaining.isNegative() || !process.waitFor(remaining.toMillis(), TimeUnit.MILLISECONDS)) {
        timedOut = true;
        log.note("timed out after " + timeout + "; killing the build and its child processes");
        LOG.warn("Build {} in {} timed out after {}; killing it", command, dir, timeout);
        killTree(process.toHandle());
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      timedOut = true;
      killTree(process.toHandle());
    }
    try {
      // the output ends when every process that holds it has ended
      reader.join(TimeUnit.SECONDS.toMillis(10));
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    if (reader.isAlive()) {
      log.note("a process the build started in the background still holds its output; no longer reading it");
      process.destroyForcibly();
    }
    int exit = timedOut ? -1 : process.exitValue();
    if (!timedOut) {
      log.note("exit code " + exit);
    }
    return new Outcome(command, exit, timedOut, null, Duration.between(start, Instant.now()));
  }

  /** Kills the process and everything it started that is still running. */
  private static void killTree(ProcessHandle process) {
    List<ProcessHandle> descendants = process.descendants().toList();
    process.destroyForcibly();
    descendants.forEach(ProcessHandle::destroyForcibly);
    try {
      process.onExit().get(10, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    } catch (ExecutionException | TimeoutException e) {
      LOG.warn("Build process {} did not end after being killed", process.pid());
    }
  }

  private static void copy(InputStream output, CappedLog log) {
    byte[] buffer = new byte[8192];
    try (output) {
      int read;
      while ((read = output.read(buffer)) != -1) {
        log.write(buffer, 0, read);
      }
    } catch (IOException e) {
      log.note("output closed: " + e.getMessage());
    }
  }

  private static void closeQuietly(Process process) {
    try {
      process.getOutputStream().close();
    } catch (IOException e) {
      LOG.debug("Closing the build's standard input: {}", e.getMessage());
    }
  }
}
