package dev.storyflow.workspace;

import java.io.ByteArrayOutputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;

/**
 * A build's output, capped: the first quarter of the limit and the last three quarters are kept,
 * what lies between is counted and left out. Thread-safe; the build's reader writes while the gate waits.
 */
final class CappedLog extends OutputStream {

  private final int headLimit;
  private final byte[] tail;
  private final ByteArrayOutputStream head = new ByteArrayOutputStream();
  private int tailStart;
  private int tailLength;
  private long droppedBytes;

  CappedLog(int limit) {
    int capped = Math.max(limit, 1024);
    this.headLimit = capped / 4;
    this.tail = new byte[capped - headLimit];
  }

  @Override
  public synchronized void write(int b) {
    write(new byte[] {(byte) b}, 0, 1);
  }

  @Override
  public synchronized void write(byte[] bytes, int offset, int length) {
    int toHead = Math.min(length, headLimit - head.size());
    if (toHead > 0) {
      head.write(bytes, offset, toHead);
    }
    for (int i = offset + Math.max(toHead, 0); i < offset + length; i++) {
      if (tailLength == tail.length) {
        tailStart = (tailStart + 1) % tail.length;
        tailLength--;
        droppedBytes++;
      }
      tail[(tailStart + tailLength) % tail.length] = bytes[i];
      tailLength++;
    }
  }

  synchronized void note(String line) {
    byte[] bytes = ("\n[storyflow] " + line + "\n").getBytes(StandardCharsets.UTF_8);
    write(bytes, 0, bytes.length);
  }

  synchronized long droppedBytes() {
    return droppedBytes;
  }

  @Override
  public synchronized String toString() {
    byte[] kept = new byte[tailLength];
    for (int i = 0; i < tailLength; i++) {
      kept[i] = tail[(tailStart + i) % tail.length];
    }
    String middle = droppedBytes == 0 ? "" : "\n[storyflow] ... " + droppedBytes + " bytes of output left out ...\n";
    return head.toString(StandardCharsets.UTF_8) + middle + new String(kept, StandardCharsets.UTF_8);
  }

  /** The last lines of the output, at most {@code maxChars} characters. */
  String excerpt(int maxLines, int maxChars) {
    return excerpt(toString(), maxLines, maxChars);
  }

  /** The last lines of an output, at most {@code maxChars} characters. */
  static String excerpt(String output, int maxLines, int maxChars) {
    String text = output.stripTrailing();
    String[] lines = text.split("\r?\n");
    int from = Math.max(0, lines.length - maxLines);
    String excerpt = String.join("\n", java.util.Arrays.copyOfRange(lines, from, lines.length));
    return excerpt.length() <= maxChars ? excerpt : "..." + excerpt.substring(excerpt.length() - maxChars);
  }
}
