package io.venvmux.internal.dispatch;

import io.venvmux.EnvSpec;
import io.venvmux.internal.wire.Hello;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * The ready workers of one env and the calls each holds: which slot a call takes, and what a call
 * leaving frees. Plain state like {@link EnvState}, which owns it.
 *
 * <p>Each worker takes up to {@link EnvSpec#inflight()} calls it runs plus {@link
 * EnvSpec#pipelined()} that wait in its pipe; the least-loaded worker is chosen first, and a worker
 * whose pipe is full is refilled only once half of it drained, so calls queued meanwhile go out
 * together. A call with a timeout is never pipelined: it goes to a worker only when that worker can
 * start it at once, so its timeout always means Python ran past it.
 */
final class Slots implements Iterable<Slot> {
  private final List<Slot> slots = new ArrayList<>();
  private final int inflight;

  /** Calls a slot holds at most: those it runs plus those waiting in its pipe. */
  private final int capacity;

  /** A slot whose pipe drained to this many calls takes pipelined calls again. */
  private final int refillAt;

  Slots(EnvSpec spec) {
    this.inflight = spec.inflight();
    this.capacity = spec.inflight() + spec.pipelined();
    this.refillAt = spec.inflight() + spec.pipelined() / 2;
  }

  @Override
  public Iterator<Slot> iterator() {
    return slots.iterator();
  }

  void add(Slot slot) {
    slots.add(slot);
  }

  void remove(Slot slot) {
    slots.remove(slot);
  }

  /** Takes every slot out, returning them oldest first. */
  List<Slot> clear() {
    List<Slot> all = new ArrayList<>(slots);
    slots.clear();
    return all;
  }

  /** The live workers (not stopping, not killed, not exited), oldest first. */
  List<Slot> live() {
    List<Slot> out = new ArrayList<>();
    for (Slot s : slots) {
      if (s.live()) {
        out.add(s);
      }
    }
    return out;
  }

  /** The slot of {@code worker}, if it still has one. */
  @Nullable Slot of(Worker worker) {
    for (Slot s : slots) {
      if (s.worker.equals(worker)) {
        return s;
      }
    }
    return null;
  }

  /** The hello of a live worker, if one is up. */
  @Nullable Hello liveHello() {
    for (Slot s : slots) {
      if (s.live()) {
        return s.hello;
      }
    }
    return null;
  }

  /** Calls that wait in a pipe behind the calls their worker runs. */
  int waitingInPipes() {
    int waiting = 0;
    for (Slot s : slots) {
      for (Call c : s.calls) {
        if (!c.mayHaveStarted && !c.isDone()) {
          waiting++;
        }
      }
    }
    return waiting;
  }

  /** Calls a worker may be running now. */
  int busy() {
    int busy = 0;
    for (Slot s : slots) {
      for (Call c : s.calls) {
        if (c.mayHaveStarted) {
          busy++;
        }
      }
    }
    return busy;
  }

  /** Calls the slots hold, running or waiting in pipes. */
  int held() {
    int held = 0;
    for (Slot s : slots) {
      held += s.inflight;
    }
    return held;
  }

  /**
   * Gives {@code call} to {@code slot}; it may start at once when the slot runs fewer than its
   * inflight.
   */
  void assign(Call call, Slot slot) {
    call.slot = slot;
    slot.inflight++;
    slot.calls.add(call);
    if (slot.calls.size() <= inflight) {
      call.mayHaveStarted = true;
    }
    if (slot.inflight >= capacity) {
      slot.refilling = false;
    }
  }

  /** A call leaves its slot; on a live worker the next waiting call in its pipe may start. */
  void detach(Call call, Slot slot) {
    slot.inflight--;
    slot.calls.remove(call);
    if (slot.live()) {
      for (int i = 0; i < Math.min(inflight, slot.calls.size()); i++) {
        slot.calls.get(i).mayHaveStarted = true;
      }
    }
    if (slot.inflight <= refillAt) {
      slot.refilling = true;
    }
  }

  /**
   * The live slot with the fewest calls that can start {@code call} at once; else, unless the call
   * has a timeout, the least-loaded one with room in its pipe that is refilling.
   */
  @Nullable Slot free(Call call) {
    Slot best = null;
    for (Slot s : slots) {
      if (s.live() && s.inflight < inflight && (best == null || s.inflight < best.inflight)) {
        best = s;
      }
    }
    if (best != null || capacity == inflight || call.timeout != null) {
      return best;
    }
    for (Slot s : slots) {
      if (s.live()
          && s.refilling
          && s.inflight < capacity
          && (best == null || s.inflight < best.inflight)) {
        best = s;
      }
    }
    return best;
  }

  /** What auto sizing looks at, {@code starting} workers and whether calls are queued added. */
  Autoscaler.Observed observe(int starting, boolean queued) {
    int live = 0;
    int busy = 0;
    boolean allSaturated = true;
    boolean waiting = queued;
    for (Slot s : slots) {
      busy += s.inflight;
      waiting |= s.inflight > inflight;
      if (s.live()) {
        live++;
        allSaturated &= s.inflight >= inflight;
      }
    }
    return new Autoscaler.Observed(live, busy, starting, allSaturated, waiting);
  }

  /** Takes the oldest {@code count} live workers out of service and returns them, to stop. */
  List<Slot> retireOldest(int count) {
    List<Slot> out = new ArrayList<>();
    for (Slot s : slots) {
      if (out.size() < count && s.live()) {
        s.retiring = true;
        out.add(s);
      }
    }
    slots.removeAll(out);
    return out;
  }
}
