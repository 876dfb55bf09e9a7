package io.venvmux.internal.worker;

import io.venvmux.CallException;
import io.venvmux.internal.wire.RawResult;
import io.venvmux.internal.wire.ResultDecoder;
import java.util.concurrent.CompletableFuture;
import org.jspecify.annotations.Nullable;

/**
 * A call of fn {@code f} that records how it ended: its result, or its error in {@link #outcome}.
 */
final class RecordingCall implements PendingCall {
  /** Completes with the error the call failed with, or with null when it succeeded. */
  final CompletableFuture<@Nullable CallException> outcome = new CompletableFuture<>();

  private final long id;
  private final boolean untyped;
  private final byte[] line;
  private volatile @Nullable RawResult result;
  private volatile boolean released;

  RecordingCall(long id, boolean untyped, byte[] line) {
    this.id = id;
    this.untyped = untyped;
    this.line = line;
  }

  /** The error it failed with; null while it runs or once it succeeded. */
  @Nullable CallException error() {
    return outcome.getNow(null);
  }

  /** The raw result it succeeded with, else null. */
  @Nullable RawResult result() {
    return result;
  }

  /** The result as natural Java values. */
  @Nullable Object value() {
    RawResult r = result;
    if (r == null) {
      throw new AssertionError("no result; error: " + error());
    }
    return ResultDecoder.decode(r, null, "fn 'f'");
  }

  /** Whether the worker told it that it no longer holds it. */
  boolean wasReleased() {
    return released;
  }

  @Override
  public long id() {
    return id;
  }

  @Override
  public String fn() {
    return "f";
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
  public void succeed(RawResult r) {
    if (!outcome.isDone()) {
      result = r;
      outcome.complete(null);
    }
  }

  @Override
  public void fail(CallException error) {
    outcome.complete(error);
  }

  @Override
  public boolean isDone() {
    return outcome.isDone();
  }

  @Override
  public void released() {
    released = true;
  }
}
