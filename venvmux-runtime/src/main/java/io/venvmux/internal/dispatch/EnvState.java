package io.venvmux.internal.dispatch;

import io.venvmux.CallException;
import io.venvmux.EnvSpec;
import io.venvmux.EnvStats;
import io.venvmux.PoolClosedException;
import io.venvmux.QueueFullException;
import io.venvmux.internal.wire.Hello;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import org.jspecify.annotations.Nullable;

/**
 * The queue and the workers of one env as plain state: which slot a call takes, when workers start,
 * crash-loop protection, sizing, stop and reload. Each transition returns the {@link Actions} to
 * carry out; it does no I/O and starts nothing itself. Times are {@link System#nanoTime} values
 * passed in, so tests drive it with a fake clock. Not thread-safe: the dispatcher calls it under
 * its lock.
 *
 * <p>Which worker takes a call is {@link Slots}' job; a call that never started on its worker (it
 * waited in the pipe) goes back to the queue if the worker dies.
 *
 * <p>Crash-loop protection: when a worker fails before its hello, the queued calls fail with that
 * error and no worker is started again until the next call (or a reload) asks for one.
 */
final class EnvState {
  private final String name;
  private final EnvSpec spec;
  private final boolean fixed;
  private final Autoscaler autoscaler;
  private final ArrayDeque<Call> queue = new ArrayDeque<>();
  private final Slots slots;
  private final EnvCounters counters = new EnvCounters();
  private int starting;
  private int target;
  private int generation;
  private boolean active;
  private boolean closed;
  private boolean startBlocked;
  private @Nullable CompletableFuture<Hello> helloWaiter;
  private @Nullable Long lastStartFailureNanos;

  EnvState(String name, EnvSpec spec, long nowNanos) {
    this.name = name;
    this.spec = spec;
    this.fixed = spec.workers().isPresent();
    this.target = spec.minWorkers();
    this.autoscaler = new Autoscaler(spec, nowNanos);
    this.slots = new Slots(spec);
  }

  // ---------------------------------------------------------------- queries

  /** Closed for good: takes no calls, starts nothing. */
  boolean closed() {
    return closed;
  }

  /** Whether a start decided in generation {@code gen} is still wanted. */
  boolean wants(int gen) {
    return !closed && gen == generation;
  }

  /** Calls waiting to run: in the queue, or in a pipe behind the calls their worker runs. */
  int queued() {
    return queue.size() + slots.waitingInPipes();
  }

  /** A snapshot of the env's counters. */
  EnvStats stats() {
    return new EnvStats(
        slots.live().size(),
        slots.busy(),
        queued(),
        counters.callsEnded(),
        counters.failures(),
        counters.timeouts(),
        counters.restarts(),
        counters.percentile(0.50),
        counters.percentile(0.99));
  }

  int starting() {
    return starting;
  }

  int target() {
    return target;
  }

  /** The live workers (not stopping, not killed, not exited), oldest first. */
  List<Slot> liveSlots() {
    return slots.live();
  }

  /** The slot of {@code worker}, if it still has one. */
  @Nullable Slot slotOf(Worker worker) {
    return slots.of(worker);
  }

  /** Why calls that will not run now fail: the pool closed, or the env was stopped. */
  String stoppedWhy(boolean poolClosed) {
    return poolClosed || closed ? "the pool was closed" : "env '" + name + "' was stopped";
  }

  // ---------------------------------------------------------------- calls

  /** A new call (the env must not be closed): it takes a free slot, or waits in the queue. */
  Actions submit(Call call, long nowNanos) {
    Actions.Builder b = new Actions.Builder();
    active = true;
    startBlocked = false;
    autoscaler.activity(nowNanos);
    Slot free = queue.isEmpty() ? slots.free(call) : null;
    if (free != null) {
      slots.assign(call, free);
      b.send(call);
    } else if (call.bounded && queue.size() >= spec.maxQueued()) {
      b.fail(
          call,
          new QueueFullException(
              call.describe()
                  + " was refused: "
                  + queue.size()
                  + " calls already wait for a worker (maxQueued); slow down, use map, or give"
                  + " the env more workers",
              spec.maxQueued()));
    } else {
      queue.addLast(call);
    }
    ensureWorkers(b);
    return b.build();
  }

  /**
   * Sending {@code call} to {@code slot} found the worker gone: the call goes back to the head of
   * the queue, or fails when the env was stopped or closed meanwhile (nothing would run it).
   */
  Actions sendFailed(Call call, Slot slot, boolean poolClosed) {
    Actions.Builder b = new Actions.Builder();
    // A call that ended meanwhile had its slot released by ended(); only a live one moves back.
    if (!call.isDone() && call.slot == slot) {
      call.slot = null;
      call.released = false;
      slots.detach(call, slot);
      call.mayHaveStarted = false;
      if (poolClosed || closed || !active) {
        b.fail(
            call,
            new PoolClosedException(
                stoppedWhy(poolClosed) + " before " + call.describe() + " was sent"));
      } else {
        queue.addFirst(call);
        ensureWorkers(b);
      }
    }
    pump(b);
    return b.build();
  }

  /** A call ended (reply, error, timeout, cancellation, shutdown): its slot frees. */
  Actions ended(Call call, long nowNanos) {
    counters.ended(call, nowNanos);
    Actions.Builder b = new Actions.Builder();
    Slot s = call.slot;
    if (s == null) {
      queue.remove(call);
      return Actions.NONE;
    }
    if (call.cancelled && !call.released) {
      // Python still runs it (or will): the slot stays taken (the bound holds) until released().
      call.orphan = true;
      return Actions.NONE;
    }
    boolean kill = call.timedOut && !s.killed;
    if (kill) {
      s.killed = true; // before detach: a killed worker starts nothing more
    }
    slots.detach(call, s);
    b.forget(s);
    if (kill) {
      ensureWorkers(b); // the dispatcher kills it; a replacement starts now
    }
    autoscaler.activity(nowNanos);
    pump(b);
    return b.build();
  }

  /** A call cancelled in flight left its worker: its slot takes the next queued call. */
  Actions released(Call call, long nowNanos) {
    Slot s = call.slot;
    if (!call.orphan || s == null) {
      return Actions.NONE;
    }
    call.orphan = false;
    slots.detach(call, s);
    autoscaler.activity(nowNanos);
    Actions.Builder b = new Actions.Builder();
    pump(b);
    return b.build();
  }

  /**
   * The worker of {@code call} died before replying: a call it never started goes back to the
   * queue, in submission order, and a worker starts for it; true if it did.
   */
  boolean requeue(Call call, Actions.Builder b) {
    Slot s = call.slot;
    if (call.isDone() || s == null || call.mayHaveStarted || closed || !active) {
      return false;
    }
    slots.detach(call, s);
    call.slot = null;
    call.released = false;
    List<Call> ordered = new ArrayList<>(queue);
    int at = 0;
    while (at < ordered.size() && ordered.get(at).id < call.id) {
      at++;
    }
    ordered.add(at, call);
    queue.clear();
    queue.addAll(ordered);
    ensureWorkers(b);
    pump(b);
    return true;
  }

  /** Gives queued calls, in order, to free slots. */
  private void pump(Actions.Builder b) {
    while (!queue.isEmpty()) {
      Slot s = slots.free(queue.peekFirst());
      if (s == null) {
        return;
      }
      Call c = queue.pollFirst();
      if (!c.isDone()) {
        slots.assign(c, s);
        b.send(c);
      }
    }
  }

  // ---------------------------------------------------------------- workers

  /** Starts the minimum workers ahead of the first call (a pool does at build). */
  Actions startMinWorkers() {
    if (closed || spec.minWorkers() == 0) {
      return Actions.NONE;
    }
    active = true;
    Actions.Builder b = new Actions.Builder();
    ensureWorkers(b);
    return b.build();
  }

  /** Asks for a worker (a caller waits for its hello): starts one if none is up or starting. */
  Actions wantWorker() {
    active = true;
    startBlocked = false;
    if (!fixed && target == 0) {
      target = 1;
    }
    Actions.Builder b = new Actions.Builder();
    ensureWorkers(b);
    return b.build();
  }

  /** The hello of a live worker, if one is up. */
  @Nullable Hello liveHello() {
    return slots.liveHello();
  }

  /** The future the next ready worker's hello completes (or a failed start fails). */
  CompletableFuture<Hello> helloWaiter() {
    if (helloWaiter == null) {
      helloWaiter = new CompletableFuture<>();
    }
    return helloWaiter;
  }

  /** Adds the workers to start now, counted as starting in this generation. */
  private void ensureWorkers(Actions.Builder b) {
    if (closed || !active || startBlocked) {
      return;
    }
    int live = starting + slots.live().size();
    if (!fixed && target == 0 && (!queue.isEmpty() || slots.held() > 0)) {
      target = 1;
    }
    int want = fixed ? spec.workers().getAsInt() : target;
    int n = Math.max(0, want - live);
    if (n > 0) {
      starting += n;
      b.start(n, generation);
    }
  }

  /** A start could not even be scheduled (the pool is closing). */
  void startNotScheduled(int gen) {
    if (gen == generation) {
      starting--;
    }
  }

  /**
   * A worker said hello. Unwanted (its env was stopped or reloaded meanwhile), it is to be stopped;
   * else it takes queued calls and answers the hello waiter.
   */
  Actions started(Slot slot) {
    Actions.Builder b = new Actions.Builder();
    if (!wants(slot.generation)) {
      return b.stop(slot).build();
    }
    starting--;
    slots.add(slot);
    b.answer(helloWaiter, slot.hello);
    helloWaiter = null;
    pump(b);
    return b.build();
  }

  /**
   * A start attempt of generation {@code gen} that began at {@code began} failed ({@code
   * wasStarting}: it was counted as starting; else its worker died right after its hello). Ignored
   * unless {@link #wants} it. If no worker is up, the queued calls fail with its error. An attempt
   * that began before an earlier failure is stale: it fails only the calls queued before that
   * earlier failure, since later calls form a new burst with an attempt of their own (and get one
   * here if none is left).
   */
  Actions startFailed(int gen, long began, CallException e, boolean wasStarting, long nowNanos) {
    if (!wants(gen)) {
      return Actions.NONE;
    }
    if (wasStarting) {
      starting--;
    }
    startBlocked = true;
    Actions.Builder b = new Actions.Builder();
    if (!liveSlots().isEmpty()) {
      return b.build();
    }
    boolean stale = lastStartFailureNanos != null && began - lastStartFailureNanos < 0;
    long threshold = stale ? lastStartFailureNanos : nowNanos;
    lastStartFailureNanos = nowNanos;
    queue.removeIf(
        c -> {
          boolean before = c.submittedNanos - threshold <= 0;
          if (before) {
            b.fail(c, Failures.copy(e));
          }
          return before;
        });
    if (helloWaiter != null) {
      b.answer(helloWaiter, Failures.copy(e));
      helloWaiter = null;
    }
    if (!queue.isEmpty() && starting == 0) {
      startBlocked = false;
      ensureWorkers(b);
    }
    return b.build();
  }

  /** Takes a slot out (its worker exited). */
  void remove(Slot slot) {
    slots.remove(slot);
  }

  /** A worker exited (not while starting): its slot goes, and a replacement starts if wanted. */
  Actions exited(Worker worker) {
    Slot gone = slotOf(worker);
    if (gone != null && !gone.retiring) {
      counters.restarted(); // crashed, or killed after a timeout: replaced below
    }
    if (gone != null) {
      slots.remove(gone);
    }
    if (startBlocked && !queue.isEmpty() && starting == 0 && liveSlots().isEmpty()) {
      // Calls still wait and no worker is left to serve them: try once more (failing, it fails
      // them).
      startBlocked = false;
    }
    Actions.Builder b = new Actions.Builder();
    ensureWorkers(b);
    return b.build();
  }

  /** One autoscaling check: grows under sustained saturation, retires idle workers. */
  Actions tick(long nowNanos) {
    Actions.Builder b = new Actions.Builder();
    if (closed || !active) {
      return b.build();
    }
    Autoscaler.Decision decision =
        autoscaler.decide(slots.observe(starting, !queue.isEmpty()), nowNanos);
    if (decision.grows()) {
      target = decision.growTo();
      ensureWorkers(b);
    }
    if (decision.stop() > 0 && starting == 0) {
      slots.retireOldest(decision.stop()).forEach(b::stop);
      target = spec.minWorkers();
    }
    return b.build();
  }

  // ---------------------------------------------------------------- lifecycle

  /**
   * Replaces the workers, keeping the count (the env must not be closed): the old ones are to be
   * stopped (they finish their in-flight calls); queued calls wait for the new ones.
   */
  Actions reload() {
    Actions.Builder b = new Actions.Builder();
    generation++;
    starting = 0;
    int count = 0;
    for (Slot s : slots.clear()) {
      s.retiring = true;
      b.stop(s);
      if (!s.killed) {
        count++;
      }
    }
    if (!fixed) {
      target = Math.max(spec.minWorkers(), Math.max(target, count));
    }
    startBlocked = false;
    ensureWorkers(b);
    return b.build();
  }

  /**
   * Stops the env: queued calls fail (those waiting in a worker's pipe too), the workers are to be
   * stopped, a hello waiter fails. The next call starts it again; with {@code closing}, never
   * again.
   */
  Actions stop(boolean closing) {
    if (closing) {
      closed = true;
    }
    generation++;
    starting = 0;
    active = false;
    startBlocked = false;
    target = spec.minWorkers();
    autoscaler.reset();
    String why = stoppedWhy(false);
    Actions.Builder b = new Actions.Builder();
    for (Call c : queue) {
      b.fail(c, new PoolClosedException(why + " before " + c.describe() + " was sent"));
    }
    queue.clear();
    for (Slot s : slots.clear()) {
      s.retiring = true;
      b.stop(s);
      // Calls still waiting in its pipe count as queued: they fail too (a reply is dropped).
      for (Call c : s.calls) {
        if (!c.mayHaveStarted && !c.isDone()) {
          b.fail(c, new PoolClosedException(why + " before " + c.describe() + " started"));
        }
      }
    }
    if (helloWaiter != null) {
      b.answer(helloWaiter, new PoolClosedException(why + " while a worker was starting"));
      helloWaiter = null;
    }
    return b.build();
  }
}
