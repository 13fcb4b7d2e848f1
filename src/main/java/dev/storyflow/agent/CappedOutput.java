package dev.storyflow.agent;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;

/**
 * Reads one output stream of an agent process to its end, keeping at most {@code limit} bytes and
 * counting the rest. Memory stays bounded however much the agent prints.
 */
final class CappedOutput implements Runnable {

  private final InputStream in;
  private final int limit;
  private final ByteArrayOutputStream kept = new ByteArrayOutputStream();
  private long total;

  CappedOutput(InputStream in, int limit) {
    this.in = in;
    this.limit = limit;
  }

  @Override
  public void run() {
    byte[] buffer = new byte[8192];
    try (in) {
      int n;
      while ((n = in.read(buffer)) != -1) {
        append(buffer, n);
      }
    } catch (IOException e) {
      // the process is gone or the stream was closed: keep what was read
    }
  }

  private synchronized void append(byte[] buffer, int n) {
    total += n;
    int room = limit - kept.size();
    if (room > 0) {
      kept.write(buffer, 0, Math.min(room, n));
    }
  }

  synchronized long totalBytes() {
    return total;
  }

  synchronized boolean truncated() {
    return total > limit;
  }

  /** What was kept, with a marker at the end when more was printed than kept. */
  synchronized String text() {
    String text = kept.toString(StandardCharsets.UTF_8);
    if (truncated()) {
      text += "\n[storyflow: output truncated: kept the first " + kept.size() + " of " + total + " bytes]\n";
    }
    return text;
  }
}
