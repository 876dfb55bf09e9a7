package io.venvmux.internal.process;

import io.venvmux.internal.VenvMuxThreads;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Reads one output stream of a child to its end on a daemon thread of its own, either line by line
 * into the shared tail (and a listener) or whole into a capped buffer. Memory stays bounded
 * whatever the child writes.
 */
final class Drain {
  /** Looked up on first use: a pool starts its workers while logging still initializes. */
  private static final class Log {
    static final Logger LOG = LoggerFactory.getLogger(Drain.class);
  }

  private final InputStream in;
  private final @Nullable LineSplitter lines;
  private final @Nullable ByteArrayOutputStream captured;
  private final Thread thread;
  private final Runnable onDeath;
  private volatile boolean overflowed;

  private Drain(
      InputStream in,
      @Nullable LineSplitter lines,
      @Nullable ByteArrayOutputStream captured,
      String threadName,
      Runnable onDeath) {
    this.in = in;
    this.lines = lines;
    this.captured = captured;
    this.onDeath = onDeath;
    this.thread = VenvMuxThreads.newDaemon(this::run, threadName);
    thread.start();
  }

  /** Each line goes to the tail and to the listener. */
  static Drain lines(
      InputStream in,
      OutputTail tail,
      LineListener listener,
      long pid,
      String threadName,
      Runnable onDeath) {
    LineSplitter splitter =
        new LineSplitter(
            Output.MAX_LINE_BYTES,
            line -> {
              tail.add(line);
              try {
                listener.onLine(pid, line);
              } catch (RuntimeException e) {
                // A broken listener must not stop the draining, or the child blocks on a full pipe.
                Log.LOG.warn("a listener of process {} failed on a line", pid, e);
              }
            });
    return new Drain(in, splitter, null, threadName, onDeath);
  }

  /** The whole stream, up to {@link Output#MAX_CAPTURED_BYTES}; the rest is read and dropped. */
  static Drain capture(InputStream in, String threadName, Runnable onDeath) {
    return new Drain(in, null, new ByteArrayOutputStream(), threadName, onDeath);
  }

  private void run() {
    byte[] buffer = new byte[8192];
    try (in) {
      for (int n; (n = in.read(buffer)) > 0; ) {
        if (lines != null) {
          lines.accept(buffer, 0, n);
        } else {
          keep(buffer, n);
        }
      }
    } catch (IOException e) {
      // The pipe closed under us (the child was killed): what was read is kept.
    } catch (RuntimeException | Error e) {
      // Nobody reads the pipe any more: the child would block on its next write, forever.
      Log.LOG.error("reading the output of a process failed; the process is killed", e);
      onDeath.run();
    } finally {
      if (lines != null) {
        lines.finish();
      }
    }
  }

  private void keep(byte[] buffer, int n) {
    ByteArrayOutputStream out = captured;
    if (out == null || overflowed) {
      return;
    }
    synchronized (out) {
      if (out.size() + n > Output.MAX_CAPTURED_BYTES) {
        overflowed = true;
        out.reset(); // nobody reads a truncated capture: give the memory back at once
      } else {
        out.write(buffer, 0, n);
      }
    }
  }

  /** Waits at most until {@code deadline} ({@link System#nanoTime()}); true once it ended. */
  boolean join(long deadline) throws InterruptedException {
    long left = deadline - System.nanoTime();
    if (left > 0) {
      thread.join(Math.max(1, left / 1_000_000));
    }
    return !thread.isAlive();
  }

  /** The captured text; empty for a line drain. */
  String text() {
    ByteArrayOutputStream out = captured;
    if (out == null) {
      return "";
    }
    synchronized (out) {
      return out.toString(StandardCharsets.UTF_8);
    }
  }

  /** Whether a capture had more than it may keep. */
  boolean overflowed() {
    return overflowed;
  }
}
