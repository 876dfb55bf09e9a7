package io.venvmux.internal.dispatch;

import io.venvmux.internal.VenvMuxThreads;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.atomic.AtomicInteger;

/** Names the pool's threads {@code venvmux-<role>-<n>}; see {@link VenvMuxThreads}. */
final class DaemonThreads implements ThreadFactory {
  private static final ThreadLocal<DaemonThreads> MADE_BY = new ThreadLocal<>();

  private final String prefix;
  private final AtomicInteger count = new AtomicInteger();

  DaemonThreads(String role) {
    this.prefix = "venvmux-" + role + "-";
  }

  @Override
  public Thread newThread(Runnable r) {
    return VenvMuxThreads.newDaemon(
        () -> {
          MADE_BY.set(this);
          r.run();
        },
        prefix + count.incrementAndGet());
  }

  /** Whether the calling thread is one of this factory's. */
  boolean madeCurrentThread() {
    return MADE_BY.get() == this;
  }
}
