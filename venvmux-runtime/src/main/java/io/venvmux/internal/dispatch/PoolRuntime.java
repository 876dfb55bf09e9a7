package io.venvmux.internal.dispatch;

import io.venvmux.Serializer;
import io.venvmux.internal.env.EnvResolver;
import io.venvmux.internal.ray.RayClusters;
import io.venvmux.internal.wire.WireWarmUp;
import io.venvmux.internal.worker.WorkerLaunch;
import io.venvmux.internal.worker.WorkerProcess;
import io.venvmux.internal.worker.WorkerSources;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executor;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.SynchronousQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.jspecify.annotations.Nullable;
import org.slf4j.LoggerFactory;

/**
 * What a pool's envs share: configuration, the threads (a timer, a background executor for starts,
 * stops and queued sends, the callback executor), the spill folder, and the registry of every
 * worker process alive, so that closing leaves nothing behind.
 */
public final class PoolRuntime {
  /** How long a stopping worker may take to finish its in-flight calls. */
  static final Duration STOP_GRACE = Duration.ofSeconds(5);

  /** How often each env checks saturation and idleness. */
  static final Duration TICK = Duration.ofMillis(100);

  final Path home;
  final EnvResolver resolver;
  final Serializer serializer;
  final @Nullable Long maxPayloadBytes;
  final @Nullable Long maxResultBytes;
  final long maxReplyLineBytes;
  final ScheduledThreadPoolExecutor timer;
  final ExecutorService background;
  private final Executor callbacks;
  private final @Nullable ExecutorService ownedCallbacks;
  private final DaemonThreads callbackThreads = new DaemonThreads("callback");

  /** Completes async calls' futures on the callback executor, many to a task. */
  final AsyncCompletions completions = new AsyncCompletions(this::onCallbackExecutor);

  /** Holds oversized payloads and results; {@link CallFactory} writes payloads to it. */
  final SpillDir spill = new SpillDir();

  /** Ray-backed workers' launches, and the local Rays the pool started (stopped at close). */
  final RayClusters ray;

  private final AtomicLong ids = new AtomicLong();
  private final Set<WorkerProcess> processes = ConcurrentHashMap.newKeySet();
  private volatile boolean closed;
  private @Nullable Path workerSources;

  /**
   * @param callbacks where async futures complete; null: a pool-owned daemon executor
   */
  public PoolRuntime(
      Path home,
      Serializer serializer,
      @Nullable Long maxPayloadBytes,
      @Nullable Long maxResultBytes,
      @Nullable Executor callbacks) {
    this(
        home,
        serializer,
        maxPayloadBytes,
        maxResultBytes,
        WorkerLaunch.DEFAULT_MAX_LINE_BYTES,
        callbacks);
  }

  /**
   * @param maxReplyLineBytes a reply line longer than this fails its call
   * @param callbacks where async futures complete; null: a pool-owned daemon executor
   */
  public PoolRuntime(
      Path home,
      Serializer serializer,
      @Nullable Long maxPayloadBytes,
      @Nullable Long maxResultBytes,
      long maxReplyLineBytes,
      @Nullable Executor callbacks) {
    this.maxReplyLineBytes = maxReplyLineBytes;
    this.background =
        new ThreadPoolExecutor(
            0,
            Integer.MAX_VALUE,
            10,
            TimeUnit.SECONDS,
            new SynchronousQueue<>(),
            new DaemonThreads("background"));
    // First, so the wire's JSON classes load while the rest of the pool (logging included) sets up.
    warmUpWire();
    // The env hash's digest loads now, off the first env's resolution; then what JVMs killed
    // mid-call left in the temp folder goes, not when this pool first spills.
    inBackground(
        () -> {
          EnvResolver.warmUp();
          spill.sweepLeftovers();
        });
    this.home = home;
    this.resolver = new EnvResolver(home);
    this.ray = new RayClusters(resolver);
    this.serializer = serializer;
    this.maxPayloadBytes = maxPayloadBytes;
    this.maxResultBytes = maxResultBytes;
    this.timer = new ScheduledThreadPoolExecutor(1, new DaemonThreads("timer"));
    this.timer.setRemoveOnCancelPolicy(true);
    if (callbacks == null) {
      this.ownedCallbacks =
          new ThreadPoolExecutor(
              0,
              Integer.MAX_VALUE,
              10,
              TimeUnit.SECONDS,
              new SynchronousQueue<>(),
              callbackThreads);
      this.callbacks = ownedCallbacks;
    } else {
      this.ownedCallbacks = null;
      this.callbacks = callbacks;
    }
  }

  /** Loads the wire's JSON classes on a background thread, unless this JVM already did. */
  private void warmUpWire() {
    if (!WireWarmUp.started()) {
      inBackground(WireWarmUp::run);
    }
  }

  /**
   * Initializes logging on the calling thread. A pool calls this once its envs' first workers are
   * starting in the background, so that logging's own start overlaps theirs.
   */
  public void initLogging() {
    LoggerFactory.getILoggerFactory();
  }

  long nextId() {
    return ids.incrementAndGet();
  }

  boolean closed() {
    return closed;
  }

  /** The folder holding the extracted worker package, extracted on first use. */
  synchronized Path workerSources() {
    if (workerSources == null) {
      workerSources = WorkerSources.pythonPathEntry(home);
    }
    return workerSources;
  }

  /** The spill folder to hand to workers, or null when results never spill. */
  @Nullable Path resultSpillDir() {
    return maxResultBytes == null ? null : spill.dir();
  }

  /**
   * Runs user-facing completion on the callback executor. If that refuses or throws, on a
   * background thread instead: the future must complete, and never on an I/O thread if avoidable.
   */
  void onCallbackExecutor(Runnable r) {
    try {
      callbacks.execute(r);
    } catch (RuntimeException e) {
      LoggerFactory.getLogger(PoolRuntime.class)
          .debug("the callback executor refused a completion; running it in the background", e);
      inBackground(r);
    }
  }

  /** Runs internal work in the background (inline if the pool is shutting down). */
  void inBackground(Runnable r) {
    try {
      background.execute(r);
    } catch (RejectedExecutionException e) {
      r.run();
    }
  }

  /** Registers a new process; false if the pool closed meanwhile (the caller must kill it). */
  synchronized boolean track(WorkerProcess p) {
    if (closed) {
      return false;
    }
    processes.add(p);
    return true;
  }

  void untrack(WorkerProcess p) {
    processes.remove(p);
  }

  /**
   * Closes the pool: stops every env (in parallel), kills any process still alive (one that was
   * starting), then stops the threads and removes the spill folder.
   */
  public void close(List<EnvDispatcher> envs) {
    synchronized (this) {
      closed = true;
    }
    List<CompletableFuture<Void>> stops = new ArrayList<>();
    for (EnvDispatcher env : envs) {
      stops.add(CompletableFuture.runAsync(() -> env.stop(true), this::inBackground));
    }
    CompletableFuture.allOf(stops.toArray(CompletableFuture[]::new)).join();
    List<WorkerProcess> left = new ArrayList<>(processes);
    for (WorkerProcess p : left) {
      p.kill("the pool closed");
    }
    for (WorkerProcess p : left) {
      p.awaitExit(Duration.ofSeconds(10));
    }
    ray.close();
    timer.shutdownNow();
    stop(background, "background");
    if (ownedCallbacks != null) {
      if (callbackThreads.madeCurrentThread()) {
        ownedCallbacks.shutdown(); // closed from a callback: its own thread cannot wait for itself
      } else {
        stop(ownedCallbacks, "callback");
      }
    }
    try {
      timer.awaitTermination(5, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    spill.close();
  }

  private static void stop(ExecutorService ex, String what) {
    ex.shutdown();
    try {
      if (!ex.awaitTermination(10, TimeUnit.SECONDS)) {
        LoggerFactory.getLogger(PoolRuntime.class)
            .warn("venvmux {} threads still busy after 10 s; interrupting them", what);
        ex.shutdownNow();
        ex.awaitTermination(5, TimeUnit.SECONDS);
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      ex.shutdownNow();
    }
  }
}
