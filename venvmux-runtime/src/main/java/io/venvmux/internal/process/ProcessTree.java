package io.venvmux.internal.process;

import java.util.List;

/** Kills a process together with its descendants (an installer's compilers, a worker's pool). */
public final class ProcessTree {
  private ProcessTree() {}

  /**
   * Kills {@code root} and every process below it at once; returns without waiting. The descendants
   * are listed before the root dies (after that they no longer count as its descendants), the root
   * goes first so it starts no more, then each listed one with whatever it started meanwhile.
   */
  public static void kill(ProcessHandle root) {
    List<ProcessHandle> below = root.descendants().toList();
    root.destroyForcibly();
    for (ProcessHandle p : below) {
      p.descendants().forEach(ProcessHandle::destroyForcibly);
      p.destroyForcibly();
    }
  }
}
