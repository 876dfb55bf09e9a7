package io.venvmux.internal.dispatch;

import com.fasterxml.jackson.databind.JavaType;
import io.venvmux.CallException;
import io.venvmux.CallTimeoutException;
import io.venvmux.EnvSpec;
import io.venvmux.EnvStartException;
import io.venvmux.InvalidJsonException;
import io.venvmux.PoolClosedException;
import io.venvmux.internal.env.ResolvedEnv;
import io.venvmux.internal.wire.Hello;
import io.venvmux.internal.wire.RequestEncoder;
import io.venvmux.internal.worker.WorkerLaunch;
import io.venvmux.internal.worker.WorkerProcess;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
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
 * <p>Everything slow (resolving the env, which may build a venv; starting and stopping processes)
 * runs on the pool's background threads without this env's lock, so it never blocks other envs or
 * the I/O threads.
 *
 * <p>Crash-loop protection: when a worker fails before its hello, the queued calls fail with that
 * error and no worker is started again until the next call (or {@link #reload}) asks for one. The
 * same holds for the minimum workers {@link #startMinWorkers} starts ahead of the first call.
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
  private final Function<EnvSpec, ResolvedEnv> resolver;
  private final boolean fixed;
  private final @Nullable Duration envTimeout;
  private final Object lock = new Object();

  // Guarded by lock.
  private final ArrayDeque<Call> queue = new ArrayDeque<>();
  private final List<Slot> slots = new ArrayList<>();
  private int starting;
  private int target;
  private int generation;
  private boolean active;
  private boolean closed;
  private boolean startBlocked;
  private @Nullable Hello lastHello;
  private @Nullable CompletableFuture<Hello> helloWaiter;
  private @Nullable CompletableFuture<ResolvedEnv> resolving;
  private final Autoscaler autoscaler;
  private @Nullable Long lastStartFailureNanos;
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
    this.resolver = resolver;
    this.module = module;
    this.spec = spec;
    this.rt = rt;
    this.fixed = spec.workers().isPresent();
    this.envTimeout = spec.callTimeout().orElse(null);
    this.target = spec.minWorkers();
    this.autoscaler = new Autoscaler(spec, System.nanoTime());
    this.ticker =
        fixed
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

  // ---------------------------------------------------------------- calls

  /**
   * Makes a call ready to submit: encodes its request (spilling it to a file when too large).
   *
   * @param timeout per-call timeout; null: the env's default (if any)
   * @throws InvalidJsonException when the arguments cannot be encoded
   */
  Call newCall(
      String fn,
      List<?> args,
      Map<String, ?> kwargs,
      @Nullable JavaType resultType,
      @Nullable Duration timeout) {
    if (rt.closed()) {
      throw new PoolClosedException(
          "the pool is closed; fn '" + fn + "' in env '" + name + "' was not sent");
    }
    long id = rt.nextId();
    RequestEncoder.Encoded enc = RequestEncoder.encode(id, fn, args, kwargs, name);
    byte[] line = enc.line();
    Path payloadFile = null;
    if (rt.maxPayloadBytes != null && line.length > rt.maxPayloadBytes) {
      String what = "fn '" + fn + "' in env '" + name + "'";
      try {
        payloadFile = rt.spillPayload(enc.payload());
      } catch (IOException | RuntimeException e) {
        if (rt.closed()) {
          throw new PoolClosedException("the pool is closed; " + what + " was not sent");
        }
        throw new InvalidJsonException(
            "cannot spill the arguments of " + what + " to a file: " + e, e);
      }
      line = RequestEncoder.spilledLine(id, fn, payloadFile.toString());
    }
    Duration effective = timeout != null ? timeout : envTimeout;
    return new Call(this, id, fn, line, payloadFile, resultType, effective);
  }

  /** Queues a call, or sends it at once from the calling thread when a worker has a free slot. */
  void submit(Call call) {
    Slot direct = null;
    Starts spawn;
    synchronized (lock) {
      if (closed || rt.closed()) {
        direct = null;
        spawn = null;
      } else {
        active = true;
        startBlocked = false;
        autoscaler.activity(System.nanoTime());
        if (queue.isEmpty()) {
          direct = freeSlotLocked();
        }
        if (direct != null) {
          call.slot = direct;
          direct.inflight++;
        } else {
          queue.addLast(call);
        }
        spawn = ensureWorkersLocked();
      }
    }
    if (spawn == null) {
      call.fail(
          new PoolClosedException("the pool is closed; " + call.describe() + " was not sent"));
      return;
    }
    if (call.timeout != null) {
      scheduleTimeout(call);
    }
    if (direct != null) {
      sendTo(direct, call);
    }
    spawn(spawn);
  }

  /**
   * Sends a call to its assigned worker; if that worker turned out to be gone, queues it again for
   * another one, or fails it when the env was stopped or closed meanwhile (nothing would run it).
   */
  void sendTo(Slot slot, Call call) {
    if (slot.proc.send(call)) {
      return;
    }
    List<Call> toSend;
    Starts spawn = Starts.NONE;
    String stoppedWhy = null;
    synchronized (lock) {
      // A call that ended meanwhile had its slot released by ended(); only a live one moves back.
      if (!call.isDone() && call.slot == slot) {
        call.slot = null;
        call.released = false;
        slot.inflight--;
        if (closed || rt.closed()) {
          stoppedWhy = "the pool was closed";
        } else if (!active) {
          stoppedWhy = "env '" + name + "' was stopped";
        } else {
          queue.addFirst(call);
          spawn = ensureWorkersLocked();
        }
      }
      toSend = pumpLocked();
    }
    if (stoppedWhy != null) {
      call.fail(new PoolClosedException(stoppedWhy + " before " + call.describe() + " was sent"));
    }
    if (toSend != null) {
      sendInBackground(toSend);
    }
    spawn(spawn);
  }

  private void scheduleTimeout(Call call) {
    long delay = call.timeout.toNanos() - (System.nanoTime() - call.submittedNanos);
    try {
      call.timeoutTask =
          rt.timer.schedule(() -> timedOut(call), Math.max(0, delay), TimeUnit.NANOSECONDS);
    } catch (RejectedExecutionException e) {
      return; // the pool is closing; it ends the call itself
    }
    if (call.isDone()) {
      call.timeoutTask.cancel(false);
    }
  }

  void timedOut(Call call) {
    CallTimeoutException ex =
        new CallTimeoutException(
            call.describe()
                + " timed out after "
                + call.timeout
                + " (counted from submission); its worker is killed and replaced",
            call.timeout);
    if (!call.endByTimeout(ex)) {
      return;
    }
    Slot s;
    synchronized (lock) {
      s = call.slot;
    }
    if (s != null) {
      s.proc.kill("fn '" + call.fn + "' (call " + call.id + ") timed out after " + call.timeout);
    }
  }

  /** Bookkeeping when a call ended, before its outcome is published. */
  void ended(Call call) {
    List<Call> toSend = null;
    Starts spawn = Starts.NONE;
    synchronized (lock) {
      Slot s = call.slot;
      if (s != null && call.cancelled && !call.released) {
        // Python still runs it: the slot stays taken (the inflight bound holds) until released().
        call.orphan = true;
        return;
      }
      if (s != null) {
        s.inflight--;
        s.proc.forget(call);
        if (call.timedOut && !s.killed) {
          s.killed = true;
          spawn = ensureWorkersLocked();
        }
        autoscaler.activity(System.nanoTime());
        if (!queue.isEmpty()) {
          toSend = pumpLocked();
        }
      } else {
        queue.remove(call);
      }
    }
    if (toSend != null) {
      sendInBackground(toSend);
    }
    spawn(spawn);
  }

  /** A call cancelled in flight left its worker: its slot takes the next queued call. */
  void released(Call call) {
    List<Call> toSend = null;
    synchronized (lock) {
      if (!call.orphan) {
        return;
      }
      call.orphan = false;
      call.slot.inflight--;
      autoscaler.activity(System.nanoTime());
      if (!queue.isEmpty()) {
        toSend = pumpLocked();
      }
    }
    if (toSend != null) {
      sendInBackground(toSend);
    }
  }

  private @Nullable Slot freeSlotLocked() {
    Slot best = null;
    int limit = spec.inflight();
    for (Slot s : slots) {
      if (s.live() && s.inflight < limit && (best == null || s.inflight < best.inflight)) {
        best = s;
      }
    }
    return best;
  }

  /** Assigns queued calls to free slots; the caller sends them after releasing the lock. */
  private @Nullable List<Call> pumpLocked() {
    List<Call> out = null;
    while (!queue.isEmpty()) {
      Slot s = freeSlotLocked();
      if (s == null) {
        break;
      }
      Call c = queue.pollFirst();
      if (c.isDone()) {
        continue;
      }
      c.slot = s;
      s.inflight++;
      if (out == null) {
        out = new ArrayList<>();
      }
      out.add(c);
    }
    return out;
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

  /** Sends calls that pumpLocked assigned to slots. */
  private void sendAll(List<Call> calls) {
    for (Call c : calls) {
      sendTo(c.slot, c);
    }
  }

  // ---------------------------------------------------------------- workers

  /** Workers to start, counted as starting in the generation they were decided in. */
  private static final class Starts {
    static final Starts NONE = new Starts(0, 0);
    final int count;
    final int generation;

    Starts(int count, int generation) {
      this.count = count;
      this.generation = generation;
    }
  }

  /** How many workers to start now; counts them as starting. */
  private Starts ensureWorkersLocked() {
    if (closed || !active || startBlocked) {
      return Starts.NONE;
    }
    int live = starting;
    int busy = 0;
    for (Slot s : slots) {
      if (s.live()) {
        live++;
      }
      busy += s.inflight;
    }
    if (!fixed && target == 0 && (!queue.isEmpty() || busy > 0)) {
      target = 1;
    }
    int want = fixed ? spec.workers().getAsInt() : target;
    int n = Math.max(0, want - live);
    if (n == 0) {
      return Starts.NONE;
    }
    starting += n;
    return new Starts(n, generation);
  }

  private void spawn(Starts starts) {
    for (int i = 0; i < starts.count; i++) {
      try {
        rt.background.execute(() -> startOne(starts.generation));
      } catch (RejectedExecutionException e) {
        synchronized (lock) {
          if (starts.generation == generation) {
            starting--;
          }
        }
      }
    }
  }

  private void startOne(int gen) {
    long began = System.nanoTime();
    WorkerProcess proc;
    try {
      ResolvedEnv env = resolved();
      WorkerLaunch launch =
          WorkerLaunch.forEnv(
              name,
              module,
              spec,
              env,
              rt.workerSources(),
              rt.serializer,
              rt.maxResultBytes,
              rt.resultSpillDir());
      proc = WorkerProcess.spawn(launch, this::onExit);
    } catch (CallException e) {
      startFailed(gen, began, e);
      return;
    } catch (Throwable e) { // an Error too: left uncaught, the waiting calls would never end
      startFailed(
          gen,
          began,
          new EnvStartException("cannot start a worker for env '" + name + "': " + e, "", e));
      return;
    }
    if (!rt.track(proc)) {
      proc.kill("the pool closed");
      proc.awaitExit(Duration.ofSeconds(10));
      startFailed(
          gen,
          began,
          new PoolClosedException("the pool closed while env '" + name + "' was starting"));
      return;
    }
    Hello hello;
    try {
      hello = proc.awaitHello();
    } catch (CallException e) {
      startFailed(gen, began, e);
      return;
    }
    Slot slot = new Slot(proc, hello, gen, began);
    List<Call> toSend = null;
    CompletableFuture<Hello> waiter = null;
    boolean wanted;
    boolean diedAlready = false;
    synchronized (lock) {
      wanted = !closed && gen == generation;
      if (wanted && proc.exited()) {
        diedAlready = true; // its onExit may have run already and found no slot to remove
      } else if (wanted) {
        starting--;
        slots.add(slot);
        lastHello = hello;
        waiter = helloWaiter;
        helloWaiter = null;
        toSend = pumpLocked();
      }
    }
    if (diedAlready) {
      startFailed(gen, began, diedStarting(proc));
      return;
    }
    if (!wanted) {
      proc.stop(PoolRuntime.STOP_GRACE, "its env was stopped or reloaded while it started");
      return;
    }
    Log.LOG.info(
        "worker pid {} of env '{}' ready (Python {}, module {})",
        hello.pid(),
        name,
        hello.python(),
        module);
    if (waiter != null) {
      waiter.complete(hello);
    }
    if (toSend != null) {
      sendAll(toSend);
    }
  }

  /** The resolved env; resolving runs once, on the first start (again only after a failure). */
  private ResolvedEnv resolved() {
    CompletableFuture<ResolvedEnv> f;
    boolean mine = false;
    synchronized (lock) {
      f = resolving;
      if (f == null || f.isCompletedExceptionally()) {
        f = new CompletableFuture<>();
        resolving = f;
        mine = true;
      }
    }
    if (mine) {
      try {
        f.complete(resolver.apply(spec));
      } catch (CallException e) {
        f.completeExceptionally(e);
      } catch (
          Throwable e) { // an Error too: left uncaught, every later start would wait on f forever
        f.completeExceptionally(
            new EnvStartException("cannot prepare env '" + name + "' (" + spec + "): " + e, "", e));
      }
    }
    try {
      return f.get();
    } catch (ExecutionException e) {
      throw Failures.copy((CallException) e.getCause());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new PoolClosedException("interrupted while env '" + name + "' was being prepared");
    }
  }

  /**
   * A start attempt failed. If no worker is up, the queued calls fail with its error. An attempt
   * that began before an earlier failure is stale: it fails only the calls that were queued before
   * that earlier failure, since later calls form a new burst with an attempt of their own (and get
   * one here if none is left).
   */
  private void startFailed(int gen, long began, CallException e) {
    failedToStart(gen, began, e, true);
  }

  private void failedToStart(int gen, long began, CallException e, boolean wasStarting) {
    List<Call> failed = new ArrayList<>();
    CompletableFuture<Hello> waiter = null;
    Starts spawn = Starts.NONE;
    synchronized (lock) {
      if (gen != generation || closed) {
        return;
      }
      if (wasStarting) {
        starting--;
      }
      startBlocked = true;
      if (slots.stream().noneMatch(Slot::live)) {
        long now = System.nanoTime();
        boolean stale = lastStartFailureNanos != null && began - lastStartFailureNanos < 0;
        long threshold = stale ? lastStartFailureNanos : now;
        lastStartFailureNanos = now;
        for (Call c : queue) {
          if (c.submittedNanos - threshold <= 0) {
            failed.add(c);
          }
        }
        queue.removeAll(failed);
        waiter = helloWaiter;
        helloWaiter = null;
        if (!queue.isEmpty() && starting == 0) {
          startBlocked = false;
          spawn = ensureWorkersLocked();
        }
      }
    }
    Log.LOG.warn(
        "a worker of env '{}' failed to start; {} queued call(s) fail with it; the next call tries again: {}",
        name,
        failed.size(),
        e.getMessage());
    for (Call c : failed) {
      c.fail(Failures.copy(e));
    }
    if (waiter != null) {
      waiter.completeExceptionally(Failures.copy(e));
    }
    spawn(spawn);
  }

  private void onExit(WorkerProcess proc) {
    rt.untrack(proc);
    Slot gone = null;
    for (Slot s : snapshotSlots()) {
      if (s.proc == proc) {
        gone = s;
      }
    }
    if (gone != null && proc.diedStarting(EARLY_DEATH)) {
      synchronized (lock) {
        slots.remove(gone);
      }
      failedToStart(gone.generation, gone.startedNanos, diedStarting(proc), false);
      return;
    }
    Starts spawn;
    synchronized (lock) {
      slots.removeIf(s -> s.proc == proc);
      if (startBlocked
          && !queue.isEmpty()
          && starting == 0
          && slots.stream().noneMatch(Slot::live)) {
        // Calls still wait and no worker is left to serve them: try once more (failing, it fails
        // them).
        startBlocked = false;
      }
      spawn = ensureWorkersLocked();
    }
    spawn(spawn);
  }

  private static EnvStartException diedStarting(WorkerProcess proc) {
    return new EnvStartException(
        proc
            + " exited with code "
            + proc.exitCode()
            + " right after its hello, before it was sent any call;"
            + " its last stderr lines follow",
        String.join("\n", proc.stderrTail()));
  }

  private List<Slot> snapshotSlots() {
    synchronized (lock) {
      return new ArrayList<>(slots);
    }
  }

  // A periodic task that throws is silently never run again: autoscaling must not die that way.
  private void safeTick() {
    try {
      tick();
    } catch (RuntimeException e) {
      Log.LOG.error("the autoscaling check of env '{}' failed", name, e);
    }
  }

  private void tick() {
    Starts spawn = Starts.NONE;
    List<Slot> idle = null;
    synchronized (lock) {
      if (closed || !active) {
        return;
      }
      Autoscaler.Decision decision = autoscaler.decide(observeLocked(), System.nanoTime());
      if (decision.grows()) {
        target = decision.growTo();
        spawn = ensureWorkersLocked();
        Log.LOG.info("env '{}' is saturated; growing to {} worker(s)", name, target);
      }
      if (decision.stop() > 0 && starting == 0) {
        idle = retireOldestLocked(decision.stop());
        target = spec.minWorkers();
        Log.LOG.info(
            "env '{}' idle for {}; stopping {} worker(s)", name, spec.scaleDownIdle(), idle.size());
      }
    }
    spawn(spawn);
    if (idle != null) {
      for (Slot s : idle) {
        rt.inBackground(() -> s.proc.stop(PoolRuntime.STOP_GRACE, "idle scale-down"));
      }
    }
  }

  private Autoscaler.Observed observeLocked() {
    int live = 0;
    int busy = 0;
    boolean allSaturated = true;
    for (Slot s : slots) {
      busy += s.inflight;
      if (s.live()) {
        live++;
        allSaturated &= s.inflight >= spec.inflight();
      }
    }
    return new Autoscaler.Observed(live, busy, starting, allSaturated, !queue.isEmpty());
  }

  /** Takes the oldest {@code count} live workers out of service; the caller stops them. */
  private List<Slot> retireOldestLocked(int count) {
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

  // ---------------------------------------------------------------- lifecycle

  /**
   * Starts the env's minimum workers in the background now, without waiting for them (a pool does
   * at build and when an env is added). A failed start is logged and starts nothing more until a
   * call asks for a worker; that call then tries again and gets the error.
   */
  public void startMinWorkers() {
    Starts spawn;
    synchronized (lock) {
      if (closed || rt.closed() || spec.minWorkers() == 0) {
        return;
      }
      active = true;
      spawn = ensureWorkersLocked();
    }
    spawn(spawn);
  }

  /** The hello of a live worker, starting one (and waiting for it) if none is up. */
  Hello hello() {
    CompletableFuture<Hello> f;
    Starts spawn;
    synchronized (lock) {
      if (closed || rt.closed()) {
        throw new PoolClosedException("the pool is closed");
      }
      for (Slot s : slots) {
        if (s.live()) {
          return s.hello;
        }
      }
      active = true;
      startBlocked = false;
      if (!fixed && target == 0) {
        target = 1;
      }
      if (helloWaiter == null) {
        helloWaiter = new CompletableFuture<>();
      }
      f = helloWaiter;
      spawn = ensureWorkersLocked();
    }
    spawn(spawn);
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

  /** The last hello any worker of this env sent, if one did. */
  @Nullable Hello lastHello() {
    synchronized (lock) {
      return lastHello;
    }
  }

  /** Live workers (not stopping), for tests and diagnostics. */
  public List<WorkerProcess> workers() {
    synchronized (lock) {
      List<WorkerProcess> out = new ArrayList<>();
      for (Slot s : slots) {
        if (s.live()) {
          out.add(s.proc);
        }
      }
      return out;
    }
  }

  /** Calls waiting for a free worker slot, for tests and diagnostics. */
  public int queuedCalls() {
    synchronized (lock) {
      return queue.size();
    }
  }

  /**
   * Replaces the workers, keeping the count: new calls go to new workers; the old ones finish their
   * in-flight calls and exit. Queued calls wait for the new workers.
   */
  public void reload() {
    List<Slot> old;
    Starts spawn;
    synchronized (lock) {
      if (closed) {
        throw new PoolClosedException("the pool is closed");
      }
      generation++;
      starting = 0;
      old = new ArrayList<>(slots);
      slots.clear();
      int count = 0;
      for (Slot s : old) {
        s.retiring = true;
        if (!s.killed) {
          count++;
        }
      }
      if (!fixed) {
        target = Math.max(spec.minWorkers(), Math.max(target, count));
      }
      startBlocked = false;
      spawn = ensureWorkersLocked();
    }
    Log.LOG.info("reloading env '{}': replacing {} worker(s)", name, old.size());
    spawn(spawn);
    for (Slot s : old) {
      rt.inBackground(() -> s.proc.stop(PoolRuntime.STOP_GRACE, "reloadEnv"));
    }
  }

  /**
   * Stops the workers and waits for them: queued calls fail at once with {@link
   * PoolClosedException}; in-flight calls get a grace period to finish. The next call starts the
   * env again; with {@code closing}, never again.
   */
  public void stop(boolean closing) {
    List<Call> queued;
    List<Slot> old;
    CompletableFuture<Hello> waiter;
    synchronized (lock) {
      if (closing) {
        closed = true;
      }
      generation++;
      starting = 0;
      active = false;
      startBlocked = false;
      target = spec.minWorkers();
      autoscaler.reset();
      queued = new ArrayList<>(queue);
      queue.clear();
      old = new ArrayList<>(slots);
      slots.clear();
      old.forEach(s -> s.retiring = true);
      waiter = helloWaiter;
      helloWaiter = null;
    }
    if (closing && ticker != null) {
      ticker.cancel(false);
    }
    String why = closing ? "the pool was closed" : "env '" + name + "' was stopped";
    for (Call c : queued) {
      c.fail(new PoolClosedException(why + " before " + c.describe() + " was sent"));
    }
    if (waiter != null) {
      waiter.completeExceptionally(new PoolClosedException(why + " while a worker was starting"));
    }
    List<CompletableFuture<Void>> stops = new ArrayList<>();
    for (Slot s : old) {
      stops.add(
          CompletableFuture.runAsync(
              () -> s.proc.stop(PoolRuntime.STOP_GRACE, why), rt::inBackground));
    }
    try {
      CompletableFuture.allOf(stops.toArray(CompletableFuture[]::new)).join();
    } catch (CompletionException e) {
      Log.LOG.warn("stopping a worker of env '{}' failed", name, e);
    }
  }
}
