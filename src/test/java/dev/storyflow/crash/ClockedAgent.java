package dev.storyflow.crash;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A command agent for crash tests: it writes a line when it starts and one when it ends (its pid,
 * its parent's pid, the time, the story and the step) to a clock file, works for a given number of
 * seconds, leaves a file of its work in its working directory (the story's workspace), and answers
 * {@code done}. A killed run has a start and no end.
 */
public final class ClockedAgent {

  private static final String SCRIPT = """
      import json, os, sys, time
      clock, seconds, story, step = sys.argv[1], float(sys.argv[2]), sys.argv[3], sys.argv[4]
      def mark(what):
          with open(clock, "a") as f:
              f.write("%s %d %d %d %s %s\\n" % (what, os.getpid(), os.getppid(), time.time_ns() // 1000000, story, step))
      mark("start")
      sys.stdin.read()
      time.sleep(seconds)
      with open("agent-%s.txt" % step, "a") as f:
          f.write("%s of %s\\n" % (step, story))
      mark("end")
      print(json.dumps({"status": "done", "summary": "Did %s of %s" % (step, story), "changedFiles": []}))
      """;

  private final Path script;
  private final Path clock;

  private ClockedAgent(Path script, Path clock) {
    this.script = script;
    this.clock = clock;
  }

  /** An agent in {@code dir}, with its clock file there. */
  public static ClockedAgent in(Path dir) {
    try {
      Files.createDirectories(dir);
      Path script = dir.resolve("clocked-agent.py");
      Files.writeString(script, SCRIPT);
      return new ClockedAgent(script, dir.resolve("clock.txt"));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** {@code storyflow.agent.command} for runs of {@code seconds} each. */
  public String command(double seconds) {
    return String.join(",", "python3", script.toString(), clock.toString(), Double.toString(seconds), "{storyId}",
        "{step}");
  }

  /**
   * One run as the clock file has it.
   *
   * @param end when it ended, {@code null} when it never did (killed)
   */
  public record Run(long pid, long parentPid, String storyId, String step, long start, Long end) {

    /** Whether two runs were alive at the same moment. */
    public boolean overlaps(Run other) {
      long thisEnd = end == null ? Long.MAX_VALUE : end;
      long otherEnd = other.end == null ? Long.MAX_VALUE : other.end;
      return start < otherEnd && other.start < thisEnd;
    }
  }

  /** The runs so far, in the order they started. */
  public List<Run> runs() {
    Map<Long, Run> byPid = new LinkedHashMap<>();
    try {
      if (!Files.exists(clock)) {
        return List.of();
      }
      for (String line : Files.readAllLines(clock)) {
        String[] f = line.split(" ");
        long pid = Long.parseLong(f[1]);
        if (f[0].equals("start")) {
          byPid.put(pid, new Run(pid, Long.parseLong(f[2]), f[4], f[5], Long.parseLong(f[3]), null));
        } else {
          Run started = byPid.get(pid);
          byPid.put(pid, new Run(pid, started.parentPid(), started.storyId(), started.step(), started.start(),
              Long.parseLong(f[3])));
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return new ArrayList<>(byPid.values());
  }

  public List<Run> runs(String storyId) {
    return runs().stream().filter(r -> r.storyId().equals(storyId)).toList();
  }
}
