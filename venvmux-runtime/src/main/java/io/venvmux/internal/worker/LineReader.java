package io.venvmux.internal.worker;

import java.io.IOException;
import java.io.InputStream;
import java.util.Arrays;

/**
 * Reads '\n'-terminated lines as bytes into one reused buffer (no per-line String). A line longer
 * than the limit is not kept: its head is, the rest is skipped up to its newline, and {@link
 * #oversized()} says so; the stream stays in step for the next line.
 */
final class LineReader {
  private static final int MAX_KEPT = 1 << 20;

  /** How much of an oversized line is kept: enough for its id and a message quoting it. */
  static final int OVERSIZED_HEAD = 4096;

  private final InputStream in;
  private final long maxLineBytes;
  private long total;
  private byte[] buf = new byte[64 * 1024];
  private int start;
  private int end;
  private byte[] line = new byte[8 * 1024];
  private int lineLength;

  LineReader(InputStream in) {
    this(in, Long.MAX_VALUE);
  }

  /**
   * @param maxLineBytes lines longer than this are skipped, their head kept
   */
  LineReader(InputStream in, long maxLineBytes) {
    this.in = in;
    this.maxLineBytes = maxLineBytes;
  }

  /** Reads the next line; false at end of stream. A last line without '\n' still counts. */
  boolean next() throws IOException {
    lineLength = 0;
    total = 0;
    if (line.length > MAX_KEPT) {
      line = new byte[8 * 1024]; // do not hold on to the memory of one huge reply
    }
    while (true) {
      for (int i = start; i < end; i++) {
        if (buf[i] == '\n') {
          append(start, i - start);
          start = i + 1;
          return true;
        }
      }
      append(start, end - start);
      start = 0;
      end = in.read(buf, 0, buf.length);
      if (end <= 0) {
        end = 0;
        return lineLength > 0;
      }
    }
  }

  private void append(int from, int n) {
    total += n;
    if (total > maxLineBytes) {
      n = Math.min(n, Math.max(0, OVERSIZED_HEAD - lineLength)); // keep only the head
    }
    if (n == 0) {
      return;
    }
    if (lineLength + n > line.length) {
      line = Arrays.copyOf(line, Math.max(line.length * 2, lineLength + n));
    }
    System.arraycopy(buf, from, line, lineLength, n);
    lineLength += n;
  }

  /** The current line's bytes, valid until the next {@link #next()}. */
  byte[] bytes() {
    return line;
  }

  /** The current line's length, without the '\n' (of its head only, when it is oversized). */
  int length() {
    return lineLength;
  }

  /** Whether the current line was longer than the limit: only its head was kept. */
  boolean oversized() {
    return total > maxLineBytes;
  }

  /** The current line's full length, without the '\n'. */
  long fullLength() {
    return total;
  }
}
