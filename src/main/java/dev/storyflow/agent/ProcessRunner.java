package dev.storyflow.agent;

import dev.storyflow.engineer.SecretMask;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Runs an agent process: an argument list (no shell), a working directory, stdin from a file, an
 * environment made only of allowed variables, captured and capped stdout and stderr, and a
 * timeout after which the whole process tree is stopped: asked to terminate, then killed.
 * Storyflow sees the output only with its secrets masked: the result read from it, the reasons
 * quoting it and the run's stored log.
 */
@Component
class ProcessRunner {

  private static final Logger LOG = LoggerFactory.getLogger(ProcessRunner.class);
  private static final Duration GRACE = Duration.ofSeconds(5);
  private static final Duration DRAIN = Duration.ofSeconds(5);

  private final SecretMask secrets;

  ProcessRunner(SecretMask secrets) {
    this.secrets = secrets;
  }

  /**
   * @param command the arguments, the program first
   * @param directory the working directory
   * @param stdin the file given on standard input
   * @param environment the complete environment of the process
   * @param timeout how long the process may run
   * @param outputLimit bytes kept of each of stdout and stderr
   */
  record Spec(List<String> command, Path directory, Path stdin, Map<String, String> environment,
      Duration timeout, int outputLimit) {
  }

  /**
   * @param exitCode the exit code, {@code null} when the process did not end
   * @param timedOut the process ran past its timeout and was killed with its children
   * @param interrupted Storyflow stopped while the process ran; the process was killed
   * @param stdout what the process printed on stdout (capped, secrets masked)
   * @param stdoutBytes how many bytes it printed on stdout
   * @param stdoutTruncated stdout was longer than the cap
   * @param stderr what it printed on stderr (capped, secrets masked)
   * @param stderrBytes how many bytes it printed on stderr
   * @param duration how long it ran
   */
  record Outcome(Integer exitCode, boolean timedOut, boolean interrupted, String stdout,
      long stdoutBytes, boolean stdoutTruncated, String stderr, long stderrBytes, Duration duration) {
  }

  /**
   * @throws AgentMisconfiguredException when the process cannot be started (a missing or not
   *     executable program, a missing working directory)
   */
  Outcome run(Spec spec) {
    ProcessBuilder builder = new ProcessBuilder(spec.command())
        .directory(spec.directory().toFile())
        .redirectInput(spec.stdin().toFile());
    builder.environment().clear();
    builder.environment().putAll(spec.environment());

    long started = System.nanoTime();
    Process process;
    try {
      process = builder.start();
    } catch (IOException e) {
      throw new AgentMisconfiguredException("The agent command cannot be started: '" + spec.command().get(0)
          + "': " + e.getMessage() + ". Check storyflow.agent.command (is the program installed and on PATH?)", e);
    }
    CappedOutput stdout = new CappedOutput(process.getInputStream(), spec.outputLimit());
    CappedOutput stderr = new CappedOutput(process.getErrorStream(), spec.outputLimit());
    Thread stdoutReader = reader(stdout, "agent-stdout-" + process.pid());
    Thread stderrReader = reader(stderr, "agent-stderr-" + process.pid());

    boolean timedOut = false;
    boolean interrupted = false;
    try {
      if (!process.waitFor(spec.timeout().toMillis(), TimeUnit.MILLISECONDS)) {
        timedOut = true;
        LOG.warn("Agent process {} ran past its timeout of {}; stopping it and its children", process.pid(), spec.timeout());
        stopTree(process);
      }
    } catch (InterruptedException e) {
      interrupted = true;
      LOG.warn("Interrupted while agent process {} ran; stopping it and its children", process.pid());
      stopTree(process);
    }
    join(stdoutReader);
    join(stderrReader);
    if (interrupted) {
      Thread.currentThread().interrupt();
    }
    Integer exitCode = process.isAlive() ? null : process.exitValue();
    Duration duration = Duration.ofNanos(System.nanoTime() - started);
    return new Outcome(exitCode, timedOut, interrupted, secrets.mask(stdout.text()), stdout.totalBytes(),
        stdout.truncated(), secrets.mask(stderr.text()), stderr.totalBytes(), duration);
  }

  /**
   * Stops the process and every descendant: the tree is listed before anything is stopped, since
   * children of a stopped parent are no longer its descendants.
   */
  void stopTree(Process process) {
    List<ProcessHandle> tree = new ArrayList<>(process.descendants().toList());
    tree.add(process.toHandle());
    tree.forEach(ProcessHandle::destroy);
    long deadline = System.nanoTime() + GRACE.toNanos();
    while (System.nanoTime() < deadline && tree.stream().anyMatch(ProcessHandle::isAlive)) {
      process.descendants().filter(h -> !tree.contains(h)).forEach(tree::add);
      sleepQuietly(50);
    }
    process.descendants().forEach(tree::add);
    tree.stream().filter(ProcessHandle::isAlive).forEach(ProcessHandle::destroyForcibly);
    try {
      process.waitFor(GRACE.toMillis(), TimeUnit.MILLISECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  private static Thread reader(CappedOutput output, String name) {
    Thread thread = new Thread(output, name);
    thread.setDaemon(true);
    thread.start();
    return thread;
  }

  /** Waits for a reader; a grandchild that escaped and holds the pipe open must not block Storyflow. */
  private static void join(Thread reader) {
    try {
      reader.join(DRAIN.toMillis());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  private static void sleepQuietly(long millis) {
    try {
      Thread.sleep(millis);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
