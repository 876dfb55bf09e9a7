package io.venvmux.internal.wire;

import com.fasterxml.jackson.databind.JsonNode;
import io.venvmux.CallException;
import org.jspecify.annotations.Nullable;

/**
 * One reply line as read off the wire, before it is matched to its call.
 *
 * @param id the call's id; negative ({@link #NO_ID}) when the line names none
 * @param ok whether the call succeeded
 * @param result the inline result, null when there was none (a spilled result, an error)
 * @param resultFile the spill file holding the result, when the result was too big to inline
 * @param error the {@code error} object of a failed call (may be null or malformed)
 */
public record Reply(
    long id,
    boolean ok,
    @Nullable RawResult result,
    @Nullable String resultFile,
    @Nullable JsonNode error) {
  /** The id of a line that names no call. */
  public static final long NO_ID = -1;

  /** Whether the line names a call. */
  public boolean hasId() {
    return id >= 0;
  }

  /** The inline result; a success without one (never sent by the worker) reads as null. */
  public RawResult inlineResult() {
    return result != null ? result : RawResult.ofValue(null);
  }

  /** The exception a failed call ends with. */
  public CallException failure(String fn, String env, String module) {
    return WireErrors.toException(error, fn, env, module);
  }
}
