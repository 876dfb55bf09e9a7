package io.venvmux;

import java.time.Duration;

/**
 * The call ran past its timeout. The worker that ran it was killed and is being replaced; other
 * calls are not affected.
 */
public class CallTimeoutException extends CallException {
  private final Duration timeout;

  public CallTimeoutException(String message, Duration timeout) {
    super("timeout", message);
    this.timeout = timeout;
  }

  /** The timeout that expired. */
  public Duration timeout() {
    return timeout;
  }
}
