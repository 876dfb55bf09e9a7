package io.venvmux.internal.process;

import java.util.ArrayDeque;
import java.util.List;

/** The last lines a process wrote, oldest first; shared by the threads draining its streams. */
final class OutputTail {
  private final int maxLines;
  private final ArrayDeque<String> lines = new ArrayDeque<>();

  OutputTail(int maxLines) {
    this.maxLines = maxLines;
  }

  synchronized void add(String line) {
    if (maxLines == 0) {
      return;
    }
    if (lines.size() == maxLines) {
      lines.removeFirst();
    }
    lines.addLast(line);
  }

  synchronized List<String> lines() {
    return List.copyOf(lines);
  }
}
