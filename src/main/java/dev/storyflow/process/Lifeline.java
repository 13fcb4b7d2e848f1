package dev.storyflow.process;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Stops the processes this JVM started when the JVM dies, however it dies: {@code kill -9}, an
 * out-of-memory kill or a crash leave no shutdown hook to run, and a child that leads a session of
 * its own ({@code setsid}) would live on and keep working on a story that another node has taken
 * over meanwhile. Linux's {@code PR_SET_PDEATHSIG} is out of Java's reach, so a small watchdog
 * process does it: started once per JVM, it waits on a pipe that only this JVM holds open. The
 * kernel closes the pipe when the JVM is gone, whatever the cause; the watchdog then stops every
 * process that carries this JVM's mark in its environment (every process of every run has it,
 * see {@link ProcessGroup#TOKEN_VARIABLE}) together with its process group: asked to terminate,
 * then killed.
 */
final class Lifeline {

  private static final Logger LOG = LoggerFactory.getLogger(Lifeline.class);

  /** This JVM's mark, the first part of the token of each of its runs. */
  private static final String MARK = "jvm" + ProcessHandle.current().pid() + "-" + UUID.randomUUID().toString()
      .substring(0, 8);

  /**
   * The watchdog, in POSIX sh. Its standard input is the pipe from this JVM: {@code read} returns
   * at the pipe's end. Then, in rounds two seconds apart (SIGTERM first, then SIGKILL), it finds the
   * marked processes in /proc and signals each with its process group, never its own group.
   */
  private static final String WATCHDOG = """
      trap '' INT HUP
      mark="$1"
      while read -r _; do :; done
      own=$(sed 's/.*) //' /proc/$$/stat | cut -d' ' -f3)
      for signal in TERM KILL KILL KILL KILL; do
        pids=$(grep -las "$mark" /proc/[0-9]*/environ | sed 's|/proc/\\([0-9]*\\)/environ|\\1|')
        [ -z "$pids" ] && exit 0
        for pid in $pids; do
          group=$(sed 's/.*) //' /proc/$pid/stat 2>/dev/null | cut -d' ' -f3)
          [ -n "$group" ] && [ "$group" != "$own" ] && kill -s $signal -- "-$group" 2>/dev/null
          kill -s $signal "$pid" 2>/dev/null
        done
        sleep 2
      done
      """;

  private static OutputStream pipe;
  private static boolean tried;

  private Lifeline() {
  }

  /** The token for a new run: this JVM's mark and a part of the run's own. */
  static String newToken() {
    ensureWatchdog();
    return MARK + "-" + UUID.randomUUID();
  }

  private static synchronized void ensureWatchdog() {
    if (tried) {
      return;
    }
    tried = true;
    if (!Files.isDirectory(Path.of("/proc"))) {
      LOG.info("No /proc here: the processes of a run outlive this JVM if it is killed");
      return;
    }
    try {
      Process watchdog = new ProcessBuilder(List.of("sh", "-c", WATCHDOG, "storyflow-lifeline",
          ProcessGroup.TOKEN_VARIABLE + "=" + MARK))
          .redirectOutput(ProcessBuilder.Redirect.DISCARD)
          .redirectError(ProcessBuilder.Redirect.DISCARD)
          .start();
      // held for the JVM's life: the pipe may close only when the JVM is gone
      pipe = watchdog.getOutputStream();
      LOG.debug("Lifeline watchdog {} guards the processes of this JVM ({})", watchdog.pid(), MARK);
    } catch (IOException e) {
      LOG.warn("Cannot start the lifeline watchdog ({}): the processes of a run outlive this JVM if it is killed",
          e.getMessage());
    }
  }
}
