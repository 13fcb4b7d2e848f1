package dev.storyflow.process;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One run of an external program, the way agents, builds and scanners are run: an argument list
 * (never a shell string), a working directory, an environment, text on stdin, stdout and stderr
 * copied to the caller's (capped) streams, and a timeout.
 * <p>
 * The program runs in a session and process group of its own ({@link ProcessGroup}). At the
 * timeout, when the waiting thread is interrupted, and also when the program ends by itself, every
 * process of that group still running is asked to terminate and killed after a grace period: a
 * build's daemon or an agent's background job never outlives the run, and output held open by
 * one never blocks it. When this JVM dies without a chance to stop them (kill -9), the
 * {@link Lifeline} watchdog stops them.
 */
public final class ChildProcess {

  private static final Logger LOG = LoggerFactory.getLogger(ChildProcess.class);
  private static final Duration DRAIN = Duration.ofSeconds(5);

  private final List<String> command;
  private Path directory;
  private Map<String, String> environment;
  private String stdin;
  private OutputStream stdout;
  private OutputStream stderr;
  private boolean stderrToStdout;
  private Duration timeout = Duration.ofMinutes(10);
  private Duration grace = Duration.ofSeconds(5);

  /** @param command the program and its arguments, each passed as it is */
  public ChildProcess(List<String> command) {
    if (command.isEmpty() || command.get(0).isBlank()) {
      throw new IllegalArgumentException("no program to run");
    }
    this.command = List.copyOf(command);
  }

  /** The working directory; Storyflow's own when not set. */
  public ChildProcess directory(Path directory) {
    this.directory = directory;
    return this;
  }

  /** The complete environment of the program; Storyflow's own environment when not set. */
  public ChildProcess environment(Map<String, String> environment) {
    this.environment = Map.copyOf(environment);
    return this;
  }

  /** Text given on stdin (UTF-8); stdin is closed at once when not set. */
  public ChildProcess stdin(String text) {
    this.stdin = text;
    return this;
  }

  /** Where stdout goes; discarded when not set. */
  public ChildProcess stdout(OutputStream sink) {
    this.stdout = sink;
    return this;
  }

  /** Where stderr goes; discarded when not set. */
  public ChildProcess stderr(OutputStream sink) {
    this.stderr = sink;
    return this;
  }

  /** Stderr goes to the stdout sink, interleaved as the program prints. */
  public ChildProcess stderrToStdout() {
    this.stderrToStdout = true;
    return this;
  }

  /** How long the program may run; zero or less stops it at once. */
  public ChildProcess timeout(Duration timeout) {
    this.timeout = timeout;
    return this;
  }

  /** How long the group's processes get between SIGTERM and SIGKILL. */
  public ChildProcess grace(Duration grace) {
    this.grace = grace;
    return this;
  }

  /**
   * Runs the program to its end, or until the timeout or an interrupt stops it.
   *
   * @throws IOException when it cannot be started (a missing or not executable program, a
   *     missing working directory)
   */
  public ProcessResult run() throws IOException {
    String token = Lifeline.newToken();
    ProcessBuilder builder = builder(token);
    Instant started = Instant.now();
    long startNanos = System.nanoTime();
    Process process = builder.start();
    ProcessGroup group = new ProcessGroup(process, token);
    List<Pump> pumps = new ArrayList<>();
    boolean timedOut = false;
    boolean interrupted = false;
    int leftovers;
    try {
      if (stdout != null) {
        pumps.add(new Pump(process.getInputStream(), stdout, "process-" + process.pid() + "-stdout"));
      }
      if (stderr != null && !stderrToStdout) {
        pumps.add(new Pump(process.getErrorStream(), stderr, "process-" + process.pid() + "-stderr"));
      }
      feed(process);
      if (!process.waitFor(Math.max(0, timeout.toNanos()), TimeUnit.NANOSECONDS)) {
        timedOut = true;
        LOG.warn("{} (pid {}) ran past its timeout of {}; stopping its process group", command.get(0),
            process.pid(), timeout);
      }
    } catch (InterruptedException e) {
      interrupted = true;
      LOG.warn("Interrupted while {} (pid {}) ran; stopping its process group", command.get(0), process.pid());
    } finally {
      leftovers = group.stop(grace);
    }
    interrupted |= Thread.interrupted();
    if (leftovers > 0) {
      LOG.info("Stopped {} process(es) that {} (pid {}) left running", leftovers, command.get(0), process.pid());
    }
    Duration duration = Duration.ofNanos(System.nanoTime() - startNanos);
    Integer exitCode = process.isAlive() ? null : process.exitValue();

    boolean outputComplete = true;
    for (Pump pump : pumps) {
      outputComplete &= pump.awaitEnd(DRAIN);
    }
    interrupted |= Thread.interrupted();
    if (interrupted) {
      Thread.currentThread().interrupt();
    }
    return new ProcessResult(process.pid(), exitCode, timedOut, interrupted, leftovers, outputComplete, started,
        duration);
  }

  /** The program as the leader of a session of its own, every process of it carrying {@code token}. */
  private ProcessBuilder builder(String token) throws IOException {
    ProcessBuilder builder = new ProcessBuilder(ProcessGroup.leaderCommand(command, directory));
    if (directory != null) {
      builder.directory(directory.toFile());
    }
    if (environment != null) {
      builder.environment().clear();
      builder.environment().putAll(environment);
    }
    builder.environment().put(ProcessGroup.TOKEN_VARIABLE, token);
    builder.redirectOutput(stdout == null ? ProcessBuilder.Redirect.DISCARD : ProcessBuilder.Redirect.PIPE);
    if (stderrToStdout) {
      builder.redirectErrorStream(true);
    } else {
      builder.redirectError(stderr == null ? ProcessBuilder.Redirect.DISCARD : ProcessBuilder.Redirect.PIPE);
    }
    return builder;
  }

  /** Writes the stdin text in a thread of its own: a program that does not read it must not block the run. */
  private void feed(Process process) {
    if (stdin == null) {
      try {
        process.getOutputStream().close();
      } catch (IOException e) {
        LOG.debug("Closing the stdin of {}: {}", process.pid(), e.getMessage());
      }
      return;
    }
    byte[] bytes = stdin.getBytes(StandardCharsets.UTF_8);
    Thread writer = new Thread(() -> {
      try (OutputStream in = process.getOutputStream()) {
        in.write(bytes);
      } catch (IOException e) {
        // the program ended or closed its stdin without reading all of it
      }
    }, "process-" + process.pid() + "-stdin");
    writer.setDaemon(true);
    writer.start();
  }

  /**
   * Copies one output stream of the process to its sink until the stream ends. Once the run has
   * given up waiting for it, the sink is left alone.
   */
  private static final class Pump implements Runnable {

    private final InputStream in;
    private final OutputStream sink;
    private final Thread thread;
    private boolean detached;

    Pump(InputStream in, OutputStream sink, String name) {
      this.in = in;
      this.sink = sink;
      this.thread = new Thread(this, name);
      thread.setDaemon(true);
      thread.start();
    }

    @Override
    public void run() {
      byte[] buffer = new byte[8192];
      try (in) {
        int n;
        while ((n = in.read(buffer)) != -1) {
          write(buffer, n);
        }
      } catch (IOException e) {
        // the stream was closed: keep what was read
      }
    }

    private synchronized void write(byte[] buffer, int n) throws IOException {
      if (!detached) {
        sink.write(buffer, 0, n);
      }
    }

    /** Waits for the end of the stream; returns whether it ended, and detaches from the sink if not. */
    boolean awaitEnd(Duration wait) {
      try {
        thread.join(wait.toMillis());
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
      synchronized (this) {
        detached = thread.isAlive();
        return !detached;
      }
    }
  }
}
