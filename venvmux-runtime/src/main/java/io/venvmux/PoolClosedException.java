package io.venvmux;

/** The pool, or the env, was stopped before or while the call ran. */
public class PoolClosedException extends CallException {
  public PoolClosedException(String message) {
    super("pool_closed", message);
  }
}
