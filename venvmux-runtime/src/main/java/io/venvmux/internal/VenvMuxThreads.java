package io.venvmux.internal;

/**
 * Makes every thread venvmux runs: daemons, in a thread group of venvmux's own.
 *
 * <p>The group hangs off the JVM's root group, not off the group of whichever thread created the
 * pool. Launchers that run {@code main} in a group of their own and wait for that group's threads
 * when {@code main} returns (Maven's {@code exec:java} waits 15 s, then warns and tries to stop
 * them) would otherwise hold the program for the pool's threads, which end only when the pool
 * closes, at JVM exit.
 */
public final class VenvMuxThreads {
  private static final ThreadGroup GROUP = new ThreadGroup(rootGroup(), "venvmux");

  private VenvMuxThreads() {}

  /** A daemon thread named {@code name} in venvmux's thread group, not yet started. */
  public static Thread newDaemon(Runnable task, String name) {
    Thread t = new Thread(GROUP, task, name);
    t.setDaemon(true);
    return t;
  }

  /** venvmux's thread group, for tests that look for threads left behind. */
  public static ThreadGroup group() {
    return GROUP;
  }

  private static ThreadGroup rootGroup() {
    ThreadGroup g = Thread.currentThread().getThreadGroup();
    while (g.getParent() != null) {
      g = g.getParent();
    }
    return g;
  }
}
