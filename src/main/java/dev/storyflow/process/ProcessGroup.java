package dev.storyflow.process;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The processes of one run: the child, started through {@code setsid} so that it leads a session
 * and process group of its own, and everything it started. A member is found in {@code /proc} by
 * its session or process group (the child's pid), or by the run's token in its environment, which
 * catches a daemon that started a session of its own too. Nothing depends on the child still
 * being alive or on who is whose parent: an orphan re-parented to init is still found.
 */
final class ProcessGroup {

  /** The environment variable that carries the run's token to every process of the run. */
  static final String TOKEN_VARIABLE = "STORYFLOW_PROCESS_GROUP";

  private static final Logger LOG = LoggerFactory.getLogger(ProcessGroup.class);
  private static final Path PROC = Path.of("/proc");
  private static final Optional<Path> SETSID = Stream.of("/usr/bin/setsid", "/bin/setsid").map(Path::of)
      .filter(Files::isExecutable).findFirst();
  private static final long POLL_MILLIS = 50;
  private static final Duration KILL_WAIT = Duration.ofSeconds(5);
  private static final long SELF = ProcessHandle.current().pid();

  private final Process root;
  private final String token;

  ProcessGroup(Process root, String token) {
    this.root = root;
    this.token = TOKEN_VARIABLE + "=" + token;
  }

  /**
   * The command that starts {@code command} as the leader of a new session: {@code setsid} in
   * front, the program resolved the way {@link ProcessBuilder} resolves it (on Storyflow's own
   * PATH), so that a missing program is an error here, not an exit code of {@code setsid}.
   *
   * @throws IOException when the program or the working directory does not exist
   */
  static List<String> leaderCommand(List<String> command, Path directory) throws IOException {
    if (directory != null && !Files.isDirectory(directory)) {
      throw new IOException("the working directory " + directory + " does not exist");
    }
    if (SETSID.isEmpty()) {
      return command;
    }
    List<String> leader = new ArrayList<>(List.of(SETSID.get().toString(), "--wait", "--",
        executable(command.get(0), directory)));
    leader.addAll(command.subList(1, command.size()));
    return leader;
  }

  private static String executable(String program, Path directory) throws IOException {
    Path cwd = directory == null ? Path.of("") : directory;
    if (program.contains("/")) {
      if (!isExecutable(cwd.resolve(program))) {
        throw new IOException("Cannot run program \"" + program + "\": no such executable file");
      }
      return program;
    }
    String path = Optional.ofNullable(System.getenv("PATH")).orElse("/bin:/usr/bin");
    for (String dir : path.split(":", -1)) {
      Path candidate = (dir.isEmpty() ? cwd : Path.of(dir)).resolve(program);
      if (isExecutable(candidate)) {
        return candidate.toString();
      }
    }
    throw new IOException("Cannot run program \"" + program + "\": not found on the PATH");
  }

  private static boolean isExecutable(Path file) {
    return Files.isRegularFile(file) && Files.isExecutable(file);
  }

  /**
   * Stops every process of the group that still runs, the child too: asks them to terminate
   * (SIGTERM), and kills (SIGKILL) those still running after {@code grace}. Processes started
   * meanwhile are found and stopped as well.
   *
   * @return how many processes other than the child were stopped
   */
  int stop(Duration grace) {
    Set<Long> stopped = new HashSet<>();
    boolean interrupted = false;
    long deadline = System.nanoTime() + grace.toNanos();
    List<ProcessHandle> alive = alive();
    while (!alive.isEmpty() && System.nanoTime() < deadline) {
      alive.stream().filter(p -> stopped.add(p.pid())).forEach(ProcessHandle::destroy);
      interrupted |= pause();
      alive = alive();
    }
    deadline = System.nanoTime() + KILL_WAIT.toNanos();
    while (!alive.isEmpty() && System.nanoTime() < deadline) {
      alive.forEach(p -> {
        stopped.add(p.pid());
        p.destroyForcibly();
      });
      interrupted |= pause();
      alive = alive();
    }
    if (!alive.isEmpty()) {
      LOG.warn("Processes {} of the group of {} survived SIGKILL", alive.stream().map(ProcessHandle::pid).toList(),
          root.pid());
    }
    if (interrupted) {
      Thread.currentThread().interrupt();
    }
    stopped.remove(root.pid());
    return stopped.size();
  }

  /** The processes of the group that still run, the child among them while it runs. */
  List<ProcessHandle> alive() {
    List<ProcessHandle> alive = new ArrayList<>();
    if (root.isAlive()) {
      alive.add(root.toHandle());
    }
    if (!Files.isDirectory(PROC)) {
      root.descendants().forEach(alive::add);
      return alive;
    }
    try (DirectoryStream<Path> processes = Files.newDirectoryStream(PROC, ProcessGroup::isPid)) {
      for (Path process : processes) {
        long pid = Long.parseLong(process.getFileName().toString());
        if (pid != root.pid() && pid != SELF && isMember(process)) {
          ProcessHandle.of(pid).ifPresent(alive::add);
        }
      }
    } catch (IOException e) {
      LOG.warn("Cannot list the processes in {}: {}", PROC, e.getMessage());
    }
    return alive;
  }

  /** Whether a process is in the child's session or process group, or carries the run's token. */
  private boolean isMember(Path process) {
    String stat = read(process.resolve("stat"));
    int end = stat.lastIndexOf(')');
    if (end < 0) {
      return false;
    }
    // after the command name: state, ppid, pgrp, session, ...
    String[] fields = stat.substring(end + 2).split(" ", 5);
    if (fields.length < 4 || fields[0].equals("Z") || fields[0].equals("X")) {
      return false;
    }
    String leader = Long.toString(root.pid());
    return fields[2].equals(leader) || fields[3].equals(leader) || read(process.resolve("environ")).contains(token);
  }

  private static boolean isPid(Path entry) {
    return entry.getFileName().toString().chars().allMatch(Character::isDigit);
  }

  /** A file of {@code /proc}, or an empty text when the process is gone or not ours to read. */
  private static String read(Path file) {
    try {
      return new String(Files.readAllBytes(file), StandardCharsets.ISO_8859_1);
    } catch (IOException e) {
      return "";
    }
  }

  /** Waits a little; returns whether the wait was interrupted, keeping the flag cleared meanwhile. */
  private static boolean pause() {
    try {
      Thread.sleep(POLL_MILLIS);
      return false;
    } catch (InterruptedException e) {
      return true;
    }
  }
}
