package io.venvmux.internal.worker;

import java.io.IOException;
import java.io.OutputStream;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.ReentrantLock;

/** A worker's stdin: one writer at a time, one flush per line, no writes once it is closed. */
final class StdinWriter {
  private final OutputStream out;
  private final ReentrantLock lock = new ReentrantLock();

  /** Guarded by lock. */
  private boolean closed;

  StdinWriter(OutputStream out) {
    this.out = out;
  }

  /**
   * Writes a '\n'-terminated line and flushes it; false, writing nothing, once stdin was closed.
   *
   * @throws IOException the pipe broke: the process is dying
   */
  boolean write(byte[] line) throws IOException {
    return write(List.of(line));
  }

  /**
   * Writes several '\n'-terminated lines as one frame, with one flush; false, writing nothing, once
   * stdin was closed.
   *
   * @throws IOException the pipe broke: the process is dying
   */
  boolean write(List<byte[]> lines) throws IOException {
    lock.lock();
    try {
      if (closed) {
        return false;
      }
      for (byte[] line : lines) {
        out.write(line);
      }
      out.flush();
      return true;
    } finally {
      lock.unlock();
    }
  }

  /**
   * Closes stdin, the worker's signal to finish. A write blocked on a full pipe (a worker that no
   * longer reads) holds the lock; then this gives up after {@code wait} and the caller escalates.
   */
  void close(Duration wait) {
    try {
      if (!lock.tryLock(wait.toNanos(), TimeUnit.NANOSECONDS)) {
        return;
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return;
    }
    try {
      closed = true;
      out.close();
    } catch (IOException e) {
      // Already closed or broken: the process is on its way out either way.
    } finally {
      lock.unlock();
    }
  }
}
