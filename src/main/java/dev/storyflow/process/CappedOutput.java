package dev.storyflow.process;

import java.io.ByteArrayOutputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;

/**
 * What a process printed on one stream, capped: the first {@code limit} bytes are kept, the rest
 * is only counted. Memory stays bounded however much the process prints. Thread-safe: the reader
 * writes while the caller waits.
 */
public final class CappedOutput extends OutputStream {

  private final int limit;
  private final ByteArrayOutputStream kept = new ByteArrayOutputStream();
  private long total;

  public CappedOutput(int limit) {
    this.limit = limit;
  }

  @Override
  public synchronized void write(int b) {
    write(new byte[] {(byte) b}, 0, 1);
  }

  @Override
  public synchronized void write(byte[] bytes, int offset, int length) {
    total += length;
    int room = limit - kept.size();
    if (room > 0) {
      kept.write(bytes, offset, Math.min(room, length));
    }
  }

  public synchronized long totalBytes() {
    return total;
  }

  public synchronized boolean truncated() {
    return total > limit;
  }

  /** The bytes kept. */
  public synchronized byte[] bytes() {
    return kept.toByteArray();
  }

  /** What was kept, as UTF-8 text, with a marker at the end when more was printed than kept. */
  public synchronized String text() {
    String text = kept.toString(StandardCharsets.UTF_8);
    if (truncated()) {
      text += "\n[storyflow: output truncated: kept the first " + kept.size() + " of " + total + " bytes]\n";
    }
    return text;
  }
}
