package dev.storyflow.process;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Real processes, checked the way the kernel sees them: by process group and by pid, never by
 * who is whose descendant, since an orphan is re-parented to init and no longer counts as one.
 */
class ChildProcessTest {

  @TempDir
  Path temp;

  @Test
  void childLeadsAProcessGroupOfItsOwn() throws IOException {
    // when
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    ProcessResult result = new ChildProcess(sh("cut -d' ' -f5,6 /proc/$$/stat")).stdout(out).run();

    // then its process group and session are its own pid
    assertThat(text(out).trim()).isEqualTo(result.pid() + " " + result.pid());
  }

  @Test
  void daemonHoldingStdoutIsStoppedWhenTheRunEndsAndDoesNotBlockIt() throws Exception {
    // given a program that leaves a background child holding its stdout
    ByteArrayOutputStream out = new ByteArrayOutputStream();

    // when
    ProcessResult result = new ChildProcess(sh("sleep 300 & echo $!; echo done")).stdout(out).run();

    // then the run ends at once, with all its output, and the child is gone with its group
    long daemon = Long.parseLong(text(out).lines().findFirst().orElseThrow());
    assertThat(result.exitCode()).isZero();
    assertThat(result.timedOut()).isFalse();
    assertThat(result.outputComplete()).isTrue();
    assertThat(result.duration()).isLessThan(Duration.ofSeconds(4));
    assertThat(text(out)).endsWith("done\n");
    assertThat(result.leftovers()).isEqualTo(1);
    assertThat(ProcessTable.running(daemon)).isFalse();
    assertThat(ProcessTable.group(result.pid())).isEmpty();
  }

  @Test
  void daemonInASessionOfItsOwnIsStoppedToo() throws Exception {
    // given a program whose background child leaves the process group (setsid) and closes its output
    ByteArrayOutputStream out = new ByteArrayOutputStream();

    // when
    ProcessResult result = new ChildProcess(sh("setsid sleep 300 </dev/null >/dev/null 2>&1 & echo $!"))
        .stdout(out).run();

    // then it is found by the run's token and stopped
    long daemon = Long.parseLong(text(out).trim());
    assertThat(result.leftovers()).isEqualTo(1);
    assertThat(ProcessTable.running(daemon)).isFalse();
  }

  @Test
  void timeoutStopsTheWholeGroup() throws Exception {
    // given a program that daemonizes a grandchild holding its stdout (a subshell starts it and
    // exits, so init adopts it), starts a child, and hangs
    Path daemon = temp.resolve("daemon.pid");
    ByteArrayOutputStream out = new ByteArrayOutputStream();

    // when
    ProcessResult result = new ChildProcess(sh("(sleep 300 & echo $! > " + daemon + "); echo started; "
        + "sleep 300 & wait")).stdout(out).timeout(Duration.ofSeconds(1)).run();

    // then no process of its group is left, the daemon neither
    assertThat(result.timedOut()).isTrue();
    assertThat(result.exitCode()).isNotNull();
    assertThat(result.leftovers()).isEqualTo(2);
    assertThat(result.outputComplete()).isTrue();
    assertThat(text(out)).isEqualTo("started\n");
    assertThat(ProcessTable.group(result.pid())).isEmpty();
    assertThat(ProcessTable.running(ProcessTable.pidIn(daemon))).isFalse();
  }

  @Test
  void processesIgnoringSigtermAreKilledAfterTheGrace() throws Exception {
    // given a program whose children ignore SIGTERM
    Duration grace = Duration.ofMillis(500);

    // when
    ProcessResult result = new ChildProcess(sh("trap '' TERM; sleep 300 & sleep 300 & wait"))
        .timeout(Duration.ofMillis(500)).grace(grace).run();

    // then they are killed once the grace is over
    assertThat(result.timedOut()).isTrue();
    assertThat(result.duration()).isGreaterThanOrEqualTo(Duration.ofMillis(1000)).isLessThan(Duration.ofSeconds(5));
    assertThat(ProcessTable.group(result.pid())).isEmpty();
  }

  @Test
  void interruptStopsTheGroupAndKeepsTheFlag() throws Exception {
    // given a run in a thread of its own
    AtomicReference<ProcessResult> result = new AtomicReference<>();
    AtomicBoolean flagAfterwards = new AtomicBoolean();
    Thread runner = new Thread(() -> {
      try {
        result.set(new ChildProcess(sh("sleep 300 & wait")).timeout(Duration.ofMinutes(1)).run());
        flagAfterwards.set(Thread.currentThread().isInterrupted());
      } catch (IOException e) {
        throw new IllegalStateException(e);
      }
    });
    runner.start();
    Thread.sleep(500);

    // when
    runner.interrupt();
    runner.join(10_000);

    // then
    assertThat(result.get().interrupted()).isTrue();
    assertThat(result.get().timedOut()).isFalse();
    assertThat(flagAfterwards).isTrue();
    assertThat(ProcessTable.group(result.get().pid())).isEmpty();
  }

  @Test
  void killingTheJvmStopsTheGroupAndItsDaemons() throws Exception {
    // given a JVM running a program that started a child and a daemon in a session of its own
    Path leader = temp.resolve("leader.pid");
    Path daemon = temp.resolve("daemon.pid");
    Process jvm = new ProcessBuilder(ProcessHandle.current().info().command().orElse("java"), "-cp",
        System.getProperty("java.class.path"), Probe.class.getName(), leader.toString(), daemon.toString())
        .redirectErrorStream(true).redirectOutput(temp.resolve("probe.log").toFile()).start();
    try {
      awaitFile(leader);
      awaitFile(daemon);
      long group = ProcessTable.pidIn(leader);
      assertThat(ProcessTable.group(group)).hasSizeGreaterThanOrEqualTo(2);

      // when the JVM is killed with no chance to clean up
      jvm.destroyForcibly().waitFor();

      // then its lifeline stops the whole group, and the daemon that left it
      assertThat(ProcessTable.endsWithin(group, Duration.ofSeconds(15))).as("the run's leader").isTrue();
      assertThat(ProcessTable.endsWithin(ProcessTable.pidIn(daemon), Duration.ofSeconds(15))).as("the daemon").isTrue();
      assertThat(ProcessTable.group(group)).isEmpty();
    } finally {
      jvm.destroyForcibly();
    }
  }

  /** The JVM that {@link #killingTheJvmStopsTheGroupAndItsDaemons} kills: runs a program that waits. */
  static final class Probe {

    public static void main(String[] args) throws IOException {
      new ChildProcess(sh("setsid sleep 300 </dev/null >/dev/null 2>&1 & echo $! > " + args[1] + "; "
          + "echo $$ > " + args[0] + "; sleep 300 & wait")).timeout(Duration.ofMinutes(5)).run();
    }
  }

  private static void awaitFile(Path file) throws InterruptedException {
    long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
    while (!(java.nio.file.Files.exists(file) && !text(file).isBlank()) && System.nanoTime() < deadline) {
      Thread.sleep(50);
    }
    assertThat(file).exists();
  }

  private static String text(Path file) {
    try {
      return java.nio.file.Files.readString(file);
    } catch (IOException e) {
      return "";
    }
  }

  @Test
  void outputIsCappedAndCounted() throws IOException {
    // given
    CappedOutput out = new CappedOutput(1024);

    // when
    ProcessResult result = new ChildProcess(List.of("head", "-c", "1000000", "/dev/zero")).stdout(out).run();

    // then
    assertThat(result.exitCode()).isZero();
    assertThat(out.totalBytes()).isEqualTo(1_000_000);
    assertThat(out.bytes()).hasSize(1024);
    assertThat(out.truncated()).isTrue();
    assertThat(out.text()).endsWith("[storyflow: output truncated: kept the first 1024 of 1000000 bytes]\n");
  }

  @Test
  void argumentsStdinDirectoryAndEnvironmentReachTheProgramAsGiven() throws IOException {
    // given
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    String argument = "  two words; $(touch pwned) 'quoted' \"double\"  ";

    // when
    ProcessResult result = new ChildProcess(sh("printf '%s|%s|%s\\n' \"$1\" \"$PWD\" \"$(cat)\"; env | sort", argument))
        .directory(temp).environment(Map.of("ONLY", "this")).stdin("from stdin").stdout(out).run();

    // then
    assertThat(result.exitCode()).isZero();
    assertThat(text(out)).startsWith(argument + "|" + temp.toRealPath() + "|from stdin\n");
    assertThat(text(out).lines().skip(1).filter(l -> !l.startsWith("PWD=") && !l.startsWith(ProcessGroup.TOKEN_VARIABLE)))
        .containsExactly("ONLY=this");
    assertThat(temp.resolve("pwned")).doesNotExist();
  }

  @Test
  void stderrIsKeptApartOrInterleaved() throws IOException {
    // given
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    ByteArrayOutputStream both = new ByteArrayOutputStream();

    // when
    new ChildProcess(sh("echo out; echo err >&2; exit 3")).stdout(out).stderr(err).run();
    ProcessResult result = new ChildProcess(sh("echo out; echo err >&2; exit 3")).stdout(both).stderrToStdout().run();

    // then
    assertThat(text(out)).isEqualTo("out\n");
    assertThat(text(err)).isEqualTo("err\n");
    assertThat(text(both)).isEqualTo("out\nerr\n");
    assertThat(result.exitCode()).isEqualTo(3);
  }

  @Test
  void missingProgramOrDirectoryCannotStart() {
    assertThatThrownBy(() -> new ChildProcess(List.of("/nonexistent/tool")).run())
        .isInstanceOf(IOException.class).hasMessageContaining("/nonexistent/tool");
    assertThatThrownBy(() -> new ChildProcess(List.of("no-such-tool-on-the-path")).run())
        .isInstanceOf(IOException.class).hasMessageContaining("no-such-tool-on-the-path");
    assertThatThrownBy(() -> new ChildProcess(List.of("true")).directory(temp.resolve("missing")).run())
        .isInstanceOf(IOException.class).hasMessageContaining("missing");
  }

  private static List<String> sh(String script, String... arguments) {
    return Stream.concat(Stream.of("sh", "-c", script, "sh"), Stream.of(arguments)).toList();
  }

  private static String text(ByteArrayOutputStream out) {
    return out.toString(StandardCharsets.UTF_8);
  }
}
