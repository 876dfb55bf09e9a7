package io.venvmux.internal.dispatch;

import com.fasterxml.jackson.databind.JavaType;
import io.venvmux.InvalidJsonException;
import io.venvmux.PoolClosedException;
import io.venvmux.internal.codec.BinaryOut;
import io.venvmux.internal.wire.RequestEncoder;
import io.venvmux.internal.wire.StreamLines;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * Makes the calls of one env ready to submit: encodes each request, and writes a payload larger
 * than the pool's {@code maxPayloadBytes} to the spill folder, sending only its file name.
 */
final class CallFactory {
  /** The worker feature: binary data as raw files of the spill folder. */
  static final String BINARY_FILES = "binary-files";

  private final PoolRuntime rt;
  private final EnvDispatcher env;
  private final @Nullable Duration envTimeout;

  CallFactory(PoolRuntime rt, EnvDispatcher env) {
    this.rt = rt;
    this.env = env;
    this.envTimeout = env.spec().callTimeout().orElse(null);
  }

  /**
   * A call of {@code fn}, not yet submitted.
   *
   * @param timeout per-call timeout; null: the env's default (if any)
   * @throws InvalidJsonException when the arguments cannot be encoded (or spilled)
   * @throws PoolClosedException when the pool is closed
   */
  Call newCall(
      String fn,
      List<?> args,
      Map<String, ?> kwargs,
      @Nullable JavaType resultType,
      @Nullable Duration timeout) {
    Request r = encode(fn, args, kwargs);
    Call call =
        new Call(
            env.callEnds(),
            env.name(),
            System.nanoTime(),
            r.id,
            fn,
            r.line,
            r.payloadFile,
            resultType,
            timeoutOr(timeout));
    call.alsoDeleteAtEnd(r.files);
    return call;
  }

  /**
   * A stream of {@code fn}'s items, not yet submitted. Its timeout bounds each wait for an item
   * (see {@link ItemStream}), so the call itself has none.
   *
   * @throws InvalidJsonException when the arguments cannot be encoded (or spilled)
   * @throws PoolClosedException when the pool is closed
   */
  StreamCall newStreamCall(
      String fn, List<?> args, Map<String, ?> kwargs, @Nullable JavaType itemType) {
    Request r = encode(fn, args, kwargs);
    StreamCall call =
        new StreamCall(
            env.callEnds(),
            env.name(),
            r.id,
            fn,
            StreamLines.withStream(r.line, StreamCall.WINDOW),
            r.payloadFile,
            itemType);
    call.alsoDeleteAtEnd(r.files);
    return call;
  }

  /** The env's timeout for a call (or a stream's wait for an item) that names none. */
  @Nullable Duration timeoutOr(@Nullable Duration timeout) {
    return timeout != null ? timeout : envTimeout;
  }

  /** An encoded request: its line, its spilled payload, the binary files its arguments went to. */
  private record Request(long id, byte[] line, @Nullable Path payloadFile, List<Path> files) {}

  private Request encode(String fn, List<?> args, Map<String, ?> kwargs) {
    String name = env.name();
    if (rt.closed()) {
      throw new PoolClosedException(
          "the pool is closed; fn '" + fn + "' in env '" + name + "' was not sent");
    }
    long id = rt.nextId();
    BinaryOut out = new BinaryOut(rt.spill::folder, this::workerReadsFiles);
    RequestEncoder.Encoded enc;
    try {
      enc = RequestEncoder.encode(id, fn, args, kwargs, name, out);
    } catch (RuntimeException e) {
      Call.deleteQuietly(out.files());
      throw e;
    }
    byte[] line = enc.line();
    Path payloadFile = null;
    if (rt.maxPayloadBytes != null && line.length > rt.maxPayloadBytes) {
      String what = "fn '" + fn + "' in env '" + name + "'";
      try {
        payloadFile = rt.spill.write(enc.payload());
      } catch (IOException | RuntimeException e) {
        Call.deleteQuietly(out.files());
        if (rt.closed()) {
          throw new PoolClosedException("the pool is closed; " + what + " was not sent");
        }
        throw new InvalidJsonException(
            "cannot spill the arguments of " + what + " to a file: " + e, e);
      }
      line = RequestEncoder.spilledLine(id, fn, payloadFile.toString());
    }
    return new Request(id, line, payloadFile, out.files());
  }

  /**
   * Whether the env's workers read binary files: asked of a live worker's hello (starting one if
   * none is up) only when an argument is big enough to cross as a file.
   */
  private boolean workerReadsFiles() {
    return env.hello().supports(BINARY_FILES);
  }
}
