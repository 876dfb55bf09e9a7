package io.venvmux;

import org.jspecify.annotations.Nullable;

/** A request or a reply could not be encoded to, or decoded from, JSON. */
public class InvalidJsonException extends CallException {
  public InvalidJsonException(String message) {
    super("invalid_json", message);
  }

  public InvalidJsonException(String message, @Nullable Throwable cause) {
    super("invalid_json", message, cause);
  }
}
