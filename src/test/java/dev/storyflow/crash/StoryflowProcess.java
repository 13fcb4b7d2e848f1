package dev.storyflow.crash;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.function.BooleanSupplier;
import java.util.stream.Collectors;

/**
 * Storyflow as a real operating-system process for crash tests: the application's own {@code main}
 * in a JVM of its own, on the test's class path less the test classes (so: what {@code mvn package}
 * puts in the jar), with its output in a log file. It can be killed with {@code SIGKILL}, which no Spring context in
 * the test's JVM can be.
 */
public final class StoryflowProcess implements AutoCloseable {

  private static final Duration START_TIMEOUT = Duration.ofMinutes(3);

  private final String name;
  private final Process process;
  private final Path log;

  private StoryflowProcess(String name, Process process, Path log) {
    this.name = name;
    this.process = process;
    this.log = log;
  }

  /** Starts {@code dev.storyflow.StoryflowApplication} with the arguments; its log goes to {@code logDir/name.log}. */
  public static StoryflowProcess start(String name, Path logDir, List<String> arguments) {
    return start(name, logDir, null, arguments);
  }

  /**
   * The same, in the working directory {@code workDir} ({@code null}: the test's), as an operator
   * would start it there: its relative paths ({@code ./data/}: the H2 file, the workspaces) are there.
   */
  public static StoryflowProcess start(String name, Path logDir, Path workDir, List<String> arguments) {
    List<String> command = new ArrayList<>(List.of(ProcessHandle.current().info().command().orElse("java"),
        "-Xmx512m", "-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1", "-cp", applicationClassPath(),
        "dev.storyflow.StoryflowApplication"));
    command.addAll(arguments);
    try {
      Files.createDirectories(logDir);
      Path log = logDir.toAbsolutePath().resolve(name + ".log");
      Process process = new ProcessBuilder(command).directory(workDir == null ? null : workDir.toFile())
          .redirectErrorStream(true)
          .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile())).start();
      StoryflowProcess started = new StoryflowProcess(name, process, log);
      Runtime.getRuntime().addShutdownHook(new Thread(process::destroyForcibly));
      return started;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The test's class path without the test classes: what the packaged jar holds (and test-scoped jars). */
  static String applicationClassPath() {
    return Arrays.stream(System.getProperty("java.class.path").split(File.pathSeparator))
        .filter(entry -> !Path.of(entry).endsWith(Path.of("target", "test-classes")))
        .map(entry -> Path.of(entry).toAbsolutePath().toString())
        .collect(Collectors.joining(File.pathSeparator));
  }

  /** A free TCP port for a node. */
  public static int freePort() {
    try (ServerSocket socket = new ServerSocket(0)) {
      return socket.getLocalPort();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  public long pid() {
    return process.pid();
  }

  public boolean isAlive() {
    return process.isAlive();
  }

  /** Waits until {@code ready} holds; fails with the log's end if the process dies or takes too long. */
  public StoryflowProcess awaitReady(BooleanSupplier ready) {
    long deadline = System.nanoTime() + START_TIMEOUT.toNanos();
    while (System.nanoTime() < deadline) {
      if (!process.isAlive()) {
        throw new AssertionError(name + " ended with " + process.exitValue() + ":\n" + logTail());
      }
      if (ready.getAsBoolean()) {
        return this;
      }
      sleep(250);
    }
    throw new AssertionError(name + " did not get ready within " + START_TIMEOUT + ":\n" + logTail());
  }

  /** Waits until the log has a line containing {@code text}. */
  public StoryflowProcess awaitLog(String text) {
    return awaitReady(() -> log().contains(text));
  }

  /** {@code kill -9}: no shutdown hook, no clean-up. */
  public void kill() throws InterruptedException {
    process.destroyForcibly().waitFor();
  }

  public String log() {
    try {
      return Files.exists(log) ? Files.readString(log, StandardCharsets.UTF_8) : "";
    } catch (IOException e) {
      return "";
    }
  }

  public String logTail() {
    String text = log();
    return text.substring(Math.max(0, text.length() - 6000));
  }

  @Override
  public void close() throws InterruptedException {
    process.destroy();
    if (!process.waitFor(30, java.util.concurrent.TimeUnit.SECONDS)) {
      process.destroyForcibly().waitFor();
    }
  }

  static void sleep(long millis) {
    try {
      Thread.sleep(millis);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }
}
