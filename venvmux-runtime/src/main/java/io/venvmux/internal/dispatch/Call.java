package io.venvmux.internal.dispatch;

import com.fasterxml.jackson.databind.JavaType;
import io.venvmux.CallException;
import io.venvmux.CallTimeoutException;
import io.venvmux.internal.wire.RawResult;
import io.venvmux.internal.wire.ResultDecoder;
import io.venvmux.internal.worker.PendingCall;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.jspecify.annotations.Nullable;

/**
 * One call from submission to its end. It ends exactly once: the first of reply, crash, timeout,
 * cancellation or shutdown wins. Its env's bookkeeping (freeing the worker slot) runs before the
 * outcome is published, so a caller that calls again at once finds the slot free. The exception is
 * a call cancelled in flight: Python still runs it, so its slot frees when the worker {@link
 * #released} it.
 */
class Call implements PendingCall {
  final long id;
  final String fn;
  final @Nullable JavaType resultType;
  final @Nullable Duration timeout;
  final long submittedNanos;

  /** Completed with the raw result, or exceptionally with the CallException (or cancelled). */
  final CompletableFuture<RawResult> outcome = new CompletableFuture<>();

  private final byte[] line;
  private final @Nullable Path payloadFile;
  private volatile List<Path> binaryFiles = List.of();
  private final boolean untyped;
  private final String env;
  private final Listener owner;
  private final AtomicBoolean ended = new AtomicBoolean();

  /** The worker running it; guarded by its env's lock. */
  @Nullable Slot slot;

  /** Set when it ends by timeout: its worker must be killed, not given more calls. */
  volatile boolean timedOut;

  /** Set when it ends by cancellation. */
  volatile boolean cancelled;

  /** Its worker no longer holds it (see {@link #released}); reset when it is queued again. */
  volatile boolean released;

  /**
   * Cancelled in flight and still held by its worker: it keeps its slot. Guarded by its env's lock.
   */
  boolean orphan;

  /**
   * The worker may have started it: it was among the first {@code inflight} calls of its slot while
   * the worker was live. A call that never started goes back to the queue when its worker dies.
   * Guarded by its env's lock.
   */
  boolean mayHaveStarted;

  /** Counts against the env's {@code maxQueued}; map's calls do not (map holds them back). */
  boolean bounded = true;

  /** Set when it ends with an error (a timeout included). */
  volatile boolean failed;

  volatile @Nullable ScheduledFuture<?> timeoutTask;

  /** Where a call reports its end: its env's bookkeeping. */
  interface Listener {
    /** The call ended (any way), before its outcome is published. */
    void ended(Call call);

    /** The call was cancelled in flight and its worker no longer holds it. */
    void released(Call call);

    /**
     * The call's worker died before replying: true if the call never started there and went back to
     * the queue; false if it is to fail.
     */
    default boolean requeue(Call call) {
      return false;
    }
  }

  /**
   * @param env the env's name, for messages
   * @param submittedNanos when it was submitted (System.nanoTime): timeouts count from here
   */
  Call(
      Listener owner,
      String env,
      long submittedNanos,
      long id,
      String fn,
      byte[] line,
      @Nullable Path payloadFile,
      @Nullable JavaType resultType,
      @Nullable Duration timeout) {
    this.owner = owner;
    this.env = env;
    this.submittedNanos = submittedNanos;
    this.id = id;
    this.fn = fn;
    this.line = line;
    this.payloadFile = payloadFile;
    this.resultType = resultType;
    this.untyped = ResultDecoder.isUntyped(resultType);
    this.timeout = timeout;
  }

  @Override
  public long id() {
    return id;
  }

  @Override
  public String fn() {
    return fn;
  }

  @Override
  public boolean untyped() {
    return untyped;
  }

  @Override
  public byte[] line() {
    return line;
  }

  @Override
  public void succeed(RawResult result) {
    if (end(false, false, false)) {
      outcome.complete(result);
    }
  }

  @Override
  public void fail(CallException error) {
    end(error);
  }

  @Override
  public void workerLost(CallException error) {
    if (!isDone() && !owner.requeue(this)) {
      fail(error);
    }
  }

  /** Ends with an error; true if this ended it. */
  boolean end(CallException error) {
    return end(error, false);
  }

  /** Arms its timeout (if it has one), counted from submission. */
  void scheduleTimeout(ScheduledExecutorService timer) {
    if (timeout == null) {
      return;
    }
    long delay = timeout.toNanos() - (System.nanoTime() - submittedNanos);
    try {
      timeoutTask = timer.schedule(this::timeOut, Math.max(0, delay), TimeUnit.NANOSECONDS);
    } catch (RejectedExecutionException e) {
      return; // the pool is closing; it ends the call itself
    }
    if (isDone()) {
      timeoutTask.cancel(false);
    }
  }

  /**
   * Ends with its timeout; true if this ended it. Only the winner marks the call timed out (its env
   * then kills its worker): a reply that came first leaves the worker alone.
   */
  boolean timeOut() {
    return end(
        new CallTimeoutException(
            describe()
                + " timed out after "
                + timeout
                + " (counted from submission); its worker is killed and replaced",
            timeout),
        true);
  }

  private boolean end(CallException error, boolean byTimeout) {
    if (end(byTimeout, false, true)) {
      outcome.completeExceptionally(error);
      return true;
    }
    return false;
  }

  /**
   * Ends without a result: a queued call is never sent; an in-flight one's reply is dropped, and
   * its slot stays taken until the reply arrives or the worker exits (Python is never interrupted).
   */
  void cancel() {
    if (end(false, true, false)) {
      outcome.cancel(false);
    }
  }

  @Override
  public void released() {
    released = true;
    if (cancelled) {
      owner.released(this);
    }
  }

  @Override
  public boolean isDone() {
    return ended.get();
  }

  private boolean end(boolean byTimeout, boolean byCancel, boolean byError) {
    if (!ended.compareAndSet(false, true)) {
      return false;
    }
    failed = byError;
    timedOut = byTimeout;
    // Written before ended() reads released, while released() writes released before reading this:
    // one of the two sees the other, so an orphaned slot is always freed exactly once.
    cancelled = byCancel;
    ScheduledFuture<?> t = timeoutTask;
    if (t != null) {
      t.cancel(false);
    }
    if (payloadFile != null) {
      deleteQuietly(List.of(payloadFile));
    }
    deleteQuietly(binaryFiles); // the worker deletes each once read: these are the unread ones
    owner.ended(this);
    return true;
  }

  /** Files of the spill folder the call's arguments wrote, deleted when it ends. */
  void alsoDeleteAtEnd(List<Path> files) {
    binaryFiles = files;
  }

  static void deleteQuietly(List<Path> files) {
    for (Path f : files) {
      try {
        Files.deleteIfExists(f);
      } catch (IOException e) {
        // The pool's spill folder is removed on close, leftovers included.
      }
    }
  }

  /** Names the call in messages. */
  String describe() {
    return "fn '" + fn + "' in env '" + env + "'";
  }
}
