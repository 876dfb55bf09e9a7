package io.venvmux.internal.worker;

import io.venvmux.CallException;
import io.venvmux.internal.wire.RawResult;

/** What a worker needs to know about a call it runs, and how it ends it. */
public interface PendingCall {
  /** The request id, unique within the pool. */
  long id();

  /** The Python function's name. */
  String fn();

  /** Whether the result should be read as natural Java values as soon as it arrives. */
  boolean untyped();

  /** The request line to write, '\n'-terminated. */
  byte[] line();

  /** Ends the call with its result; a no-op if it already ended. */
  void succeed(RawResult result);

  /** Ends the call with an error; a no-op if it already ended. */
  void fail(CallException error);

  /**
   * The worker died before replying to the call: its owner may send it elsewhere if the worker
   * never started it, else it fails with {@code error}. By default it fails.
   */
  default void workerLost(CallException error) {
    fail(error);
  }

  /** Whether the call already ended (result, error, timeout or cancellation). */
  boolean isDone();

  /**
   * The worker no longer holds the call: its reply arrived (even one that is dropped), it was never
   * written, or the worker exited. A call cancelled while in flight frees its slot only now.
   */
  default void released() {}
}
