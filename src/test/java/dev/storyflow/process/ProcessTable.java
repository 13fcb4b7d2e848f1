package dev.storyflow.process;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * What tests see of the machine's processes, read from {@code /proc} as the kernel has them: not
 * who is whose descendant (an orphan is re-parented to init), but which processes run and in
 * which process group.
 */
public final class ProcessTable {

  private ProcessTable() {
  }

  /** Whether a process runs (a zombie waiting to be reaped does not). */
  public static boolean running(long pid) {
    return stat(pid).map(fields -> !fields[0].equals("Z") && !fields[0].equals("X")).orElse(false);
  }

  /** Whether the process has stopped running within {@code wait}. */
  public static boolean endsWithin(long pid, Duration wait) throws InterruptedException {
    long deadline = System.nanoTime() + wait.toNanos();
    while (running(pid) && System.nanoTime() < deadline) {
      Thread.sleep(50);
    }
    return !running(pid);
  }

  /** The running processes of a process group. */
  public static List<Long> group(long pgid) {
    try (Stream<Path> entries = Files.list(Path.of("/proc"))) {
      return entries.map(p -> p.getFileName().toString()).filter(name -> name.chars().allMatch(Character::isDigit))
          .map(Long::parseLong).filter(pid -> running(pid))
          .filter(pid -> stat(pid).map(fields -> fields[2].equals(Long.toString(pgid))).orElse(false)).toList();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The process group of a running process. */
  public static long groupOf(long pid) {
    return Long.parseLong(stat(pid).orElseThrow()[2]);
  }

  /** A pid a test's process wrote to a file. */
  public static long pidIn(Path file) {
    try {
      return Long.parseLong(Files.readString(file).trim());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The fields of {@code /proc/<pid>/stat} after the command name: state, ppid, pgrp, session, ... */
  private static Optional<String[]> stat(long pid) {
    try {
      String stat = Files.readString(Path.of("/proc", Long.toString(pid), "stat"));
      return Optional.of(stat.substring(stat.lastIndexOf(')') + 2).split(" "));
    } catch (IOException e) {
      // the process is gone
      return Optional.empty();
    }
  }
}
