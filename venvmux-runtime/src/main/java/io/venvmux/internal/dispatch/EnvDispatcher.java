package io.venvmux.internal.dispatch;

import io.venvmux.CallException;
import io.venvmux.EnvSpec;
import io.venvmux.EnvStats;
import io.venvmux.PoolClosedException;
import io.venvmux.internal.env.ResolvedEnv;
import io.venvmux.internal.wire.Hello;
import io.venvmux.internal.wire.StreamLines;
import io.venvmux.internal.worker.PendingCall;
import io.venvmux.internal.worker.WorkerProcess;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The queue and the workers of one env. Calls wait in a FIFO queue until a worker has a free slot
 * (at most {@link EnvSpec#inflight()} calls each). Workers start with the pool ({@link
 * #startMinWorkers}) or on demand, are replaced when they die, and in auto mode grow under
 * sustained saturation and shrink after idleness.
 *
 * <p>It takes its lock, asks its {@link EnvState} what to do, and does it after releasing the lock:
 * sends calls, fails them, starts workers (through its {@link WorkerStarter}) and stops them.
 * Everything slow (resolving the env, which may build a venv; starting and stopping processes) runs
 * on the pool's background threads, so it never blocks other envs or the I/O threads.
 */
public final class EnvDispatcher {
  /** Looked up on first use: a pool starts its workers while logging still initializes. */
  private static final class Log {
    static final Logger LOG = LoggerFactory.getLogger(EnvDispatcher.class);
  }

  /** A worker that dies on its own this soon after its hello, before any call, failed to start. */
  private static final Duration EARLY_DEATH = Duration.ofSeconds(3);

  private final String name;
  private final String module;
  private final EnvSpec spec;
  private final PoolRuntime rt;
  private final WorkerStarter starter;
  private final Object lock = new Object();
  private final EnvState state; // guarded by lock
  private final Call.Listener callEnds = new CallEnds();
  private final @Nullable ScheduledFuture<?> ticker;

  public EnvDispatcher(String name, String module, EnvSpec spec, PoolRuntime rt) {
    this(name, module, spec, rt, rt.resolver::resolve);
  }

  /** With another way to resolve the env (tests use it to make resolution fail). */
  EnvDispatcher(
      String name,
      String module,
      EnvSpec spec,
      PoolRuntime rt,
      Function<EnvSpec, ResolvedEnv> resolver) {
    this.name = name;
    this.module = module;
    this.spec = spec;
    this.rt = rt;
    this.starter = new WorkerStarter(name, module, spec, rt, resolver, this::onExit);
    this.state = new EnvState(name, spec, System.nanoTime());
    this.ticker =
        spec.workers().isPresent()
            ? null
            : rt.timer.scheduleWithFixedDelay(
                this::safeTick,
                PoolRuntime.TICK.toMillis(),
                PoolRuntime.TICK.toMillis(),
                TimeUnit.MILLISECONDS);
  }

  public String name() {
    return name;
  }

  public String module() {
    return module;
  }

  public EnvSpec spec() {
    return spec;
  }

  /** Where this env's calls report their end. */
  Call.Listener callEnds() {
    return callEnds;
  }

  private boolean closedLocked() {
    return state.closed() || rt.closed();
  }

  /** Runs one transition of the state under the lock. */
  private Actions locked(Function<EnvState, Actions> transition) {
    synchronized (lock) {
      return transition.apply(state);
    }
  }

  // ---------------------------------------------------------------- calls

  /** Queues a call, or sends it at once from the calling thread when a worker has a free slot. */
  void submit(Call call) {
    Actions a;
    synchronized (lock) {
      a = closedLocked() ? null : state.submit(call, System.nanoTime());
    }
    if (a == null) {
      call.fail(
          new PoolClosedException("the pool is closed; " + call.describe() + " was not sent"));
      return;
    }
    call.scheduleTimeout(rt.timer);
    act(a, true);
  }

  /**
   * Sends a call to its assigned worker; if that worker turned out to be gone, queues it again for
   * another one, or fails it when the env was stopped or closed meanwhile (nothing would run it).
   */
  void sendTo(Slot slot, Call call) {
    if (call instanceof StreamCall && !slot.hello.supports(StreamLines.FEATURE)) {
      call.fail(StreamCall.unsupported(call, slot.hello));
      return;
    }
    if (slot.worker.send(call)) {
      return;
    }
    act(locked(s -> s.sendFailed(call, slot, rt.closed())), false);
  }

  /** Writes a control line for a call to the worker it was given to, if it was given one. */
  void sendControl(Call call, byte[] line) {
    Slot slot;
    synchronized (lock) {
      slot = call.slot;
    }
    if (slot != null) {
      slot.worker.sendControl(line);
    }
  }

  /**
   * Bookkeeping when a call ends (before its outcome is published) or its worker released it. A
   * call that timed out on a worker has that worker killed: Python may be stuck in it.
   */
  private final class CallEnds implements Call.Listener {
    @Override
    public void ended(Call call) {
      Actions a = locked(s -> s.ended(call, System.nanoTime()));
      Slot left = a.forgetOn;
      if (left != null) {
        left.worker.forget(call);
        if (call.timedOut) {
          left.worker.kill(
              "fn '" + call.fn + "' (call " + call.id + ") timed out after " + call.timeout);
        }
      }
      act(a, false);
    }

    @Override
    public void released(Call call) {
      act(locked(s -> s.released(call, System.nanoTime())), false);
    }

    @Override
    public boolean requeue(Call call) {
      Actions.Builder b = new Actions.Builder();
      boolean requeued;
      synchronized (lock) {
        requeued = state.requeue(call, b);
      }
      act(b.build(), false);
      return requeued;
    }
  }

  /**
   * Carries out what the state decided: fails calls, answers the hello waiter, sends (inline, or in
   * the background when this may be an I/O thread) and starts workers.
   */
  private void act(Actions a, boolean sendInline) {
    for (Actions.Failure f : a.fail) {
      f.call().fail(f.error());
    }
    if (a.waiter != null) {
      if (a.hello != null) {
        a.waiter.complete(a.hello);
      } else {
        a.waiter.completeExceptionally(a.helloError);
      }
    }
    if (!a.send.isEmpty()) {
      if (sendInline) {
        sendAll(a.send);
      } else {
        sendInBackground(a.send);
      }
    }
    for (int i = 0; i < a.starts; i++) {
      try {
        rt.background.execute(() -> startOne(a.generation));
      } catch (RejectedExecutionException e) {
        synchronized (lock) {
          state.startNotScheduled(a.generation);
        }
      }
    }
  }

  // Sends from I/O threads go through the background executor: a reader thread blocked on a full
  // stdin pipe could otherwise stop reading the very replies that would drain it.
  // Not rt.inBackground: its inline fallback would send on this I/O thread. The executor refuses
  // only once the pool is closing, and then nothing may run these calls: they fail, and ending
  // them frees their slots.
  private void sendInBackground(List<Call> calls) {
    try {
      rt.background.execute(() -> sendAll(calls));
    } catch (RejectedExecutionException e) {
      for (Call c : calls) {
        c.fail(new PoolClosedException("the pool was closing; " + c.describe() + " was not sent"));
      }
    }
  }

  /** Sends calls the state gave slots to: those given to one slot share a frame. */
  private void sendAll(List<Call> calls) {
    if (calls.size() == 1) {
      Call c = calls.get(0);
      sendTo(c.slot, c);
      return;
    }
    Map<Slot, List<Call>> frames = new LinkedHashMap<>();
    for (Call c : calls) {
      frames.computeIfAbsent(c.slot, s -> new ArrayList<>()).add(c);
    }
    for (Map.Entry<Slot, List<Call>> frame : frames.entrySet()) {
      Slot slot = frame.getKey();
      for (PendingCall unsent : slot.worker.sendAll(frame.getValue())) {
        Call call = (Call) unsent;
        act(locked(s -> s.sendFailed(call, slot, rt.closed())), false);
      }
    }
  }

  // ---------------------------------------------------------------- workers

  private void startOne(int gen) {
    long began = System.nanoTime();
    WorkerProcess proc;
    try {
      proc = starter.start();
    } catch (CallException e) {
      startFailed(gen, began, e, true);
      return;
    }
    Slot slot = new Slot(new ProcessWorker(proc), proc.hello(), gen, began);
    Actions a;
    synchronized (lock) {
      // Exited already, its onExit may have run and found no slot to remove: it failed to start.
      a = proc.exited() ? null : state.started(slot);
    }
    if (a == null) {
      startFailed(gen, began, WorkerStarter.diedStarting(proc), true);
      return;
    }
    if (!a.stop.isEmpty()) {
      proc.stop(PoolRuntime.STOP_GRACE, "its env was stopped or reloaded while it started");
      return;
    }
    Log.LOG.info(
        "worker pid {} of env '{}' ready (Python {}, module {})",
        proc.pid(),
        name,
        slot.hello.python(),
        module);
    act(a, true);
  }

  private void startFailed(int gen, long began, CallException e, boolean wasStarting) {
    Actions a;
    synchronized (lock) {
      if (!state.wants(gen)) {
        return;
      }
      a = state.startFailed(gen, began, e, wasStarting, System.nanoTime());
    }
    Log.LOG.warn(
        "a worker of env '{}' failed to start; {} queued call(s) fail with it; the next call tries again: {}",
        name,
        a.fail.size(),
        e.getMessage());
    act(a, false);
  }

  private void onExit(WorkerProcess proc) {
    Worker worker = new ProcessWorker(proc);
    Slot gone;
    synchronized (lock) {
      gone = state.slotOf(worker);
    }
    if (gone != null && proc.diedStarting(EARLY_DEATH)) {
      synchronized (lock) {
        state.remove(gone);
      }
      startFailed(gone.generation, gone.startedNanos, WorkerStarter.diedStarting(proc), false);
      return;
    }
    act(locked(s -> s.exited(worker)), false);
  }

  // A periodic task that throws is silently never run again: autoscaling must not die that way.
  private void safeTick() {
    try {
      Actions a;
      int target;
      synchronized (lock) {
        a = state.tick(System.nanoTime());
        target = state.target();
      }
      if (a.starts > 0) {
        Log.LOG.info("env '{}' is saturated; growing to {} worker(s)", name, target);
      }
      if (!a.stop.isEmpty()) {
        Log.LOG.info(
            "env '{}' idle for {}; stopping {} worker(s)",
            name,
            spec.scaleDownIdle(),
            a.stop.size());
      }
      act(a, false);
      stopInBackground(a.stop, "idle scale-down");
    } catch (RuntimeException e) {
      Log.LOG.error("the autoscaling check of env '{}' failed", name, e);
    }
  }

  private List<CompletableFuture<Void>> stopInBackground(List<Slot> slots, String why) {
    List<CompletableFuture<Void>> stops = new ArrayList<>();
    for (Slot s : slots) {
      stops.add(
          CompletableFuture.runAsync(
              () -> s.worker.stop(PoolRuntime.STOP_GRACE, why), rt::inBackground));
    }
    return stops;
  }

  // ---------------------------------------------------------------- lifecycle

  /**
   * Starts the env's minimum workers in the background now, without waiting for them (a pool does
   * at build and when an env is added). A failed start is logged and starts nothing more until a
   * call asks for a worker; that call then tries again and gets the error.
   */
  public void startMinWorkers() {
    act(locked(s -> rt.closed() ? Actions.NONE : s.startMinWorkers()), false);
  }

  /** The hello of a live worker, starting one (and waiting for it) if none is up. */
  Hello hello() {
    CompletableFuture<Hello> f;
    Actions a;
    synchronized (lock) {
      if (closedLocked()) {
        throw new PoolClosedException("the pool is closed");
      }
      Hello live = state.liveHello();
      if (live != null) {
        return live;
      }
      f = state.helloWaiter();
      a = state.wantWorker();
    }
    act(a, false);
    try {
      return f.get();
    } catch (ExecutionException e) {
      CallException c = Failures.unwrap(e);
      c.addSuppressed(new CallSite("functions() of env '" + name + "'"));
      throw c;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new CallException(
          "interrupted", "interrupted while waiting for a worker of env '" + name + "'");
    }
  }

  /** Live workers (not stopping), for tests and diagnostics. */
  public List<WorkerProcess> workers() {
    List<WorkerProcess> out = new ArrayList<>();
    synchronized (lock) {
      for (Slot s : state.liveSlots()) {
        if (s.worker instanceof ProcessWorker p) {
          out.add(p.proc());
        }
      }
    }
    return out;
  }

  /** A snapshot of the env's workers and calls. */
  public EnvStats stats() {
    synchronized (lock) {
      return state.stats();
    }
  }

  /** Calls waiting for a free worker slot, for tests and diagnostics. */
  public int queuedCalls() {
    synchronized (lock) {
      return state.queued();
    }
  }

  /**
   * Replaces the workers, keeping the count: new calls go to new workers; the old ones finish their
   * in-flight calls and exit. Queued calls wait for the new workers.
   */
  public void reload() {
    Actions a;
    synchronized (lock) {
      if (state.closed()) {
        throw new PoolClosedException("the pool is closed");
      }
      a = state.reload();
    }
    Log.LOG.info("reloading env '{}': replacing {} worker(s)", name, a.stop.size());
    act(a, false);
    stopInBackground(a.stop, "reloadEnv");
  }

  /**
   * Stops the workers and waits for them: queued calls fail at once with {@link
   * PoolClosedException}; in-flight calls get a grace period to finish. The next call starts the
   * env again; with {@code closing}, never again.
   */
  public void stop(boolean closing) {
    Actions a;
    String why;
    synchronized (lock) {
      a = state.stop(closing);
      why = state.stoppedWhy(false);
    }
    if (closing && ticker != null) {
      ticker.cancel(false);
    }
    act(a, false);
    try {
      CompletableFuture.allOf(stopInBackground(a.stop, why).toArray(CompletableFuture[]::new))
          .join();
    } catch (CompletionException e) {
      Log.LOG.warn("stopping a worker of env '{}' failed", name, e);
    }
  }
}
