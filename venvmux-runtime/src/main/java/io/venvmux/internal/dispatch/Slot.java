package io.venvmux.internal.dispatch;

import io.venvmux.internal.wire.Hello;
import io.venvmux.internal.worker.WorkerProcess;

/** A ready worker as its env's dispatcher sees it. Fields are guarded by the dispatcher's lock. */
final class Slot {
  final WorkerProcess proc;
  final Hello hello;

  /** The env generation it was started in. */
  final int generation;

  /** When its start began (System.nanoTime). */
  final long startedNanos;

  /** Calls sent and not yet ended on the Java side. */
  int inflight;

  /** Being stopped (reload, idle, stopEnv): gets no new calls. */
  boolean retiring;

  /** Being killed (a call on it timed out): gets no new calls, is replaced at once. */
  boolean killed;

  Slot(WorkerProcess proc, Hello hello, int generation, long startedNanos) {
    this.proc = proc;
    this.hello = hello;
    this.generation = generation;
    this.startedNanos = startedNanos;
  }

  boolean live() {
    return !retiring && !killed && !proc.exited();
  }
}
