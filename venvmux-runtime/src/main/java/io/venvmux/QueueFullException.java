package io.venvmux;

/**
 * The env's queue already held {@link EnvSpec#maxQueued()} calls waiting for a worker, so this one
 * was refused at once and never sent. Nothing ran; the call may be retried.
 *
 * <p>What to do: slow down (wait for some of your outstanding futures before submitting more), use
 * {@link VenvHandle#map} or {@link VenvHandle#mapOutcomes}, which hold back their own calls instead
 * of queueing them all, or give the env more workers or a larger {@link
 * EnvSpec.Builder#maxQueued(int)}.
 */
public class QueueFullException extends CallException {
  private final int maxQueued;

  public QueueFullException(String message, int maxQueued) {
    super("queue_full", message);
    this.maxQueued = maxQueued;
  }

  /** The bound that was reached. */
  public int maxQueued() {
    return maxQueued;
  }
}
