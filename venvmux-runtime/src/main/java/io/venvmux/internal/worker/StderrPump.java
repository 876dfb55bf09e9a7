package io.venvmux.internal.worker;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Forwards a worker's stderr, line by line, to the {@code io.venvmux.worker} logger with the env
 * name and pid, at the level Python logged each line at ({@link StderrLevels}), and keeps the last
 * lines for crash reports.
 */
final class StderrPump implements Runnable {
  static final int TAIL_LINES = 50;
  private static final Logger LOG = LoggerFactory.getLogger("io.venvmux.worker");

  private final InputStream in;
  private final String env;
  private final long pid;
  private final ArrayDeque<String> tail = new ArrayDeque<>();
  private final StderrLevels levels = new StderrLevels();

  StderrPump(InputStream in, String env, long pid) {
    this.in = in;
    this.env = env;
    this.pid = pid;
  }

  @Override
  public void run() {
    try (BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
      String line;
      while ((line = r.readLine()) != null) {
        synchronized (tail) {
          if (tail.size() == TAIL_LINES) {
            tail.removeFirst();
          }
          tail.addLast(line);
        }
        LOG.atLevel(levels.levelOf(line)).log("[{} pid {}] {}", env, pid, line);
      }
    } catch (IOException e) {
      // The pipe closed under us: the process is gone, and so is its log.
    }
  }

  /** The last lines the worker wrote, oldest first. */
  List<String> tail() {
    synchronized (tail) {
      return List.copyOf(tail);
    }
  }
}
