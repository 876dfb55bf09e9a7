package io.venvmux.internal.dispatch;

import io.venvmux.CallException;
import io.venvmux.internal.wire.RawResult;
import io.venvmux.internal.wire.ResultDecoder;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import org.jspecify.annotations.Nullable;

/**
 * The future {@code callAsync} returns: cancelling it cancels its call. It overrides cancellation
 * rather than watching for it with a dependent of its own, so a future nobody attached to has no
 * dependents and {@link AsyncCompletions} can complete it in a shared task.
 */
final class AsyncResult<T> extends CompletableFuture<T> {
  private final Call call;

  AsyncResult(Call call) {
    this.call = call;
  }

  /** Completes with the call's decoded result or its error; runs on the callback executor. */
  @SuppressWarnings("unchecked")
  void settle(@Nullable RawResult raw, @Nullable Throwable error) {
    if (error != null) {
      super.completeExceptionally(Failures.unwrap(error));
      return;
    }
    try {
      super.complete((T) ResultDecoder.decode(raw, call.resultType, call.describe()));
    } catch (CallException e) {
      super.completeExceptionally(e);
    }
  }

  @Override
  public boolean cancel(boolean mayInterruptIfRunning) {
    boolean cancelled = super.cancel(mayInterruptIfRunning);
    if (cancelled) {
      call.cancel();
    }
    return cancelled;
  }

  @Override
  public boolean completeExceptionally(Throwable ex) {
    boolean completed = super.completeExceptionally(ex);
    if (completed && ex instanceof CancellationException) {
      call.cancel();
    }
    return completed;
  }
}
