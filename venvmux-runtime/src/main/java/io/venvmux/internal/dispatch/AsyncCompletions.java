package io.venvmux.internal.dispatch;

import java.util.Queue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.Executor;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Completes async calls' futures on the callback executor, many to a task: a burst of replies costs
 * a few thread hops instead of one per call. A future with dependents (a {@code thenApply}, a
 * thread waiting in {@code join}) still gets a task of its own, so one user callback never delays
 * or blocks another's; a future with none is completed in the draining task itself, which then runs
 * no user code. Either way nothing completes on the thread that read the reply.
 */
final class AsyncCompletions {
  /** A drain hands the executor back after this many, so it never holds a thread for long. */
  private static final int MAX_PER_DRAIN = 4096;

  private record Completion(CompletableFuture<?> future, Runnable complete) {}

  private final Queue<Completion> queue = new ConcurrentLinkedQueue<>();
  private final AtomicBoolean draining = new AtomicBoolean();
  private final Executor executor;

  /**
   * @param executor runs the drains and the completions of futures with dependents; it must never
   *     be an I/O thread
   */
  AsyncCompletions(Executor executor) {
    this.executor = executor;
  }

  /** Runs {@code complete}, which completes {@code future}, on the callback executor. */
  void complete(CompletableFuture<?> future, Runnable complete) {
    queue.add(new Completion(future, complete));
    scheduleDrain();
  }

  private void scheduleDrain() {
    if (draining.compareAndSet(false, true)) {
      executor.execute(this::drain);
    }
  }

  private void drain() {
    try {
      for (int i = 0; i < MAX_PER_DRAIN; i++) {
        Completion c = queue.poll();
        if (c == null) {
          break;
        }
        if (c.future().getNumberOfDependents() > 0) {
          executor.execute(c.complete()); // user code may run: a task of its own
        } else {
          // Nothing attached: a plain completion. A dependent attached at this very instant runs
          // here, still on the callback executor.
          c.complete().run();
        }
      }
    } finally {
      draining.set(false);
    }
    if (!queue.isEmpty()) {
      scheduleDrain(); // what came meanwhile, or the rest past MAX_PER_DRAIN
    }
  }
}
