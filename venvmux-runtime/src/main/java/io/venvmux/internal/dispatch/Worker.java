package io.venvmux.internal.dispatch;

import io.venvmux.internal.worker.PendingCall;
import java.time.Duration;
import java.util.List;

/**
 * A ready worker as its env uses it. {@link EnvState} only asks whether it {@link #exited}; the
 * dispatcher sends to it and stops it. {@link ProcessWorker} is the real one; tests use stand-ins.
 */
interface Worker {
  /** Whether the process exited. */
  boolean exited();

  /** Sends a call; false, without touching the call, when the worker is gone or stopping. */
  boolean send(PendingCall call);

  /**
   * Sends calls as one frame; returns those it did not send, untouched (the worker is gone or
   * stopping).
   */
  List<PendingCall> sendAll(List<? extends PendingCall> calls);

  /** Forgets a call that ended on the Java side; its reply will be dropped. */
  void forget(PendingCall call);

  /** Writes a control line (a stream's credit or cancel); a worker that is gone drops it. */
  default void sendControl(byte[] line) {}

  /** Kills the process at once. */
  void kill(String reason);

  /** Stops the process gracefully and waits for it. */
  void stop(Duration grace, String reason);
}
