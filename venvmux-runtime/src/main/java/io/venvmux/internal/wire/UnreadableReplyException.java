package io.venvmux.internal.wire;

import io.venvmux.InvalidJsonException;
import org.jspecify.annotations.Nullable;

/**
 * A reply line the parser refuses: not JSON, or a value beyond its limits (a number or string too
 * long, a malformed bytes value). It fails only the call it names, if it named one before the
 * failure; the worker and its other calls are fine.
 */
public final class UnreadableReplyException extends Exception {
  private static final long serialVersionUID = 1L;

  private final long id;
  private final @Nullable String resultFile;

  UnreadableReplyException(long id, @Nullable String resultFile, Exception cause) {
    super(cause.getMessage(), cause);
    this.id = id;
    this.resultFile = resultFile;
  }

  /** The id read before the failure; negative when none was. */
  public long id() {
    return id;
  }

  /** The spill file the line named before the failure, if any; the caller deletes it. */
  public @Nullable String resultFile() {
    return resultFile;
  }

  /** The exception the call named by {@link #id()} ends with. */
  public InvalidJsonException toCallException(String fn, String env) {
    return new InvalidJsonException(
        "the result of fn '"
            + fn
            + "' in env '"
            + env
            + "' cannot be read: "
            + getMessage()
            + ". Return such a value in a form JSON carries within the"
            + " parser's limits: a very long int as a string (str(n)), a huge text or bytes value in"
            + " smaller parts, bytes as real Python bytes",
        getCause());
  }
}
