package io.venvmux.internal.wire;

import com.fasterxml.jackson.databind.JsonNode;
import io.venvmux.BadArgumentsException;
import io.venvmux.CallException;
import io.venvmux.InvalidJsonException;
import io.venvmux.NotFoundException;
import io.venvmux.RemoteException;
import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;

/** Maps a reply's {@code error} object to the exception the caller sees. */
public final class WireErrors {
  private WireErrors() {}

  /**
   * The exception for an error reply.
   *
   * @param error the reply's {@code error} object (may be null or malformed)
   * @param fn the function that was called
   * @param env the env name
   * @param module the env's module
   */
  public static CallException toException(
      @Nullable JsonNode error, String fn, String env, String module) {
    if (error == null || !error.isObject()) {
      return new RemoteException(
          "UnknownError",
          "the worker failed fn '" + fn + "' in env '" + env + "' without saying why",
          "");
    }
    String code = error.path("code").asText("remote_exception");
    String type = error.path("type").asText("Exception");
    String message = error.path("message").asText("");
    String traceback = error.path("traceback").asText("");
    switch (code) {
      case "not_found":
        List<String> functions = new ArrayList<>();
        error.path("functions").forEach(n -> functions.add(n.asText()));
        return new NotFoundException(
            "module '"
                + module
                + "' (env '"
                + env
                + "') has no public function '"
                + fn
                + "'; its functions are "
                + functions,
            functions);
      case "invalid_json":
        return new InvalidJsonException(
            "the worker of env '"
                + env
                + "' could not read the request or write the result of fn '"
                + fn
                + "': "
                + message);
      case "bad_arguments":
        return new BadArgumentsException(
            "bad arguments for "
                + module
                + "."
                + fn
                + " (env '"
                + env
                + "'): "
                + message
                + (traceback.isEmpty() ? "" : "\n" + traceback));
      case "remote_exception":
        return new RemoteException(type, message, traceback);
      default:
        return new CallException(
            code, "fn '" + fn + "' in env '" + env + "' failed: " + type + ": " + message);
    }
  }
}
