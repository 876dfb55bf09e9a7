package io.venvmux.internal.dispatch;

import io.venvmux.internal.wire.Hello;
import java.util.ArrayList;
import java.util.List;

/** A ready worker as its env's state sees it. Fields are guarded by the dispatcher's lock. */
final class Slot {
  final Worker worker;
  final Hello hello;

  /** The env generation it was started in. */
  final int generation;

  /** When its start began (System.nanoTime). */
  final long startedNanos;

  /**
   * Calls holding the slot: sent and not yet ended on the Java side, or cancelled and still held by
   * the worker. At most {@link io.venvmux.EnvSpec#inflight()} run; the rest wait in its pipe.
   */
  int inflight;

  /** The calls holding the slot, in the order they were sent (the order the worker starts them). */
  final List<Call> calls = new ArrayList<>();

  /** Takes pipelined calls: set when half its pipe drained, cleared when it is full again. */
  boolean refilling = true;

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
