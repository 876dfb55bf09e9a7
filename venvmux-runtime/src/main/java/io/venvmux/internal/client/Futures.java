package io.venvmux.internal.client;

import java.util.concurrent.CompletableFuture;
import java.util.function.Function;

/** Future helpers that keep cancellation flowing back to the call. */
final class Futures {
  private Futures() {}

  /**
   * {@code source} mapped by {@code fn}; cancelling the result cancels {@code source}, so the
   * runtime frees the call's slot just as if the caller held the call's own future.
   */
  static <A, B> CompletableFuture<B> map(
      CompletableFuture<A> source, Function<? super A, ? extends B> fn) {
    CompletableFuture<B> mapped = new CompletableFuture<>();
    source.whenComplete(
        (value, error) -> {
          if (error != null) {
            mapped.completeExceptionally(error);
            return;
          }
          try {
            mapped.complete(fn.apply(value));
          } catch (RuntimeException e) {
            mapped.completeExceptionally(e);
          }
        });
    mapped.whenComplete(
        (value, error) -> {
          if (mapped.isCancelled()) {
            source.cancel(true);
          }
        });
    return mapped;
  }
}
