package io.venvmux.internal.dispatch;

import io.venvmux.internal.wire.Hello;

/** A ready worker as its env's state sees it. Fields are guarded by the dispatcher's lock. */
final class Slot {
  final Worker worker;
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

  Slot(Worker worker, Hello hello, int generation, long startedNanos) {
    this.worker = worker;
    this.hello = hello;
    this.generation = generation;
    this.startedNanos = startedNanos;
  }

  boolean live() {
    return !retiring && !killed && !worker.exited();
  }
}
