package io.venvmux.stubgen;

/** stubgen could not describe or render a module; the message says what happened and what to do. */
public final class StubGenException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  public StubGenException(String message) {
    super(message);
  }

  public StubGenException(String message, Throwable cause) {
    super(message, cause);
  }
}
