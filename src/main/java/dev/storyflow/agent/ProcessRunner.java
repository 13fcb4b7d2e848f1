package dev.storyflow.agent;

import dev.storyflow.engineer.SecretMask;
import dev.storyflow.process.CappedOutput;
import dev.storyflow.process.ChildProcess;
import dev.storyflow.process.ProcessResult;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Component;

/**
 * Runs an agent process ({@link ChildProcess}): an argument list (no shell), a working directory,
 * the work order on stdin, an environment made only of allowed variables, captured and capped
 * stdout and stderr, and a timeout after which its whole process group is stopped: asked to
 * terminate, then killed. Storyflow sees the output only with its secrets masked: the result read
 * from it, the reasons quoting it and the run's stored log.
 */
@Component
class ProcessRunner {

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
    CappedOutput stdout = new CappedOutput(spec.outputLimit());
    CappedOutput stderr = new CappedOutput(spec.outputLimit());
    ChildProcess process = new ChildProcess(spec.command()).directory(spec.directory())
        .environment(spec.environment()).stdin(workOrder(spec.stdin())).stdout(stdout).stderr(stderr)
        .timeout(spec.timeout());
    ProcessResult result;
    try {
      result = process.run();
    } catch (IOException e) {
      throw new AgentMisconfiguredException("The agent command cannot be started: '" + spec.command().get(0)
          + "': " + e.getMessage() + ". Check storyflow.agent.command (is the program installed and on PATH?)", e);
    }
    return new Outcome(result.exitCode(), result.timedOut(), result.interrupted(), secrets.mask(stdout.text()),
        stdout.totalBytes(), stdout.truncated(), secrets.mask(stderr.text()), stderr.totalBytes(), result.duration());
  }

  private static String workOrder(Path file) {
    try {
      return Files.readString(file, StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot read the agent's work order " + file, e);
    }
  }
}
