package io.venvmux;

import org.jspecify.annotations.Nullable;

/**
 * Base of every error a venvmux call can end with. Unchecked: each subclass says what happened and
 * what to do about it.
 */
public class CallException extends RuntimeException {
  private final String code;

  /**
   * @param code a short machine-readable code, as on the wire where one exists ({@code not_found},
   *     {@code remote_exception}, ...)
   */
  public CallException(String code, String message) {
    super(message);
    this.code = code;
  }

  public CallException(String code, String message, @Nullable Throwable cause) {
    super(message, cause);
    this.code = code;
  }

  /** The machine-readable code of this error, e.g. {@code not_found} or {@code timeout}. */
  public String code() {
    return code;
  }
}
