package io.venvmux.internal.process;

/** Told each line a process writes to a drained stream, on that stream's drain thread. */
@FunctionalInterface
public interface LineListener {
  /**
   * @param pid the process that wrote the line, for log prefixes
   * @param line the line without its line break, cut to {@link Output#MAX_LINE_BYTES}
   */
  void onLine(long pid, String line);
}
