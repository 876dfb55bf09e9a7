package io.venvmux.internal.wire;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;
import org.slf4j.LoggerFactory;

/**
 * Loads the wire's streaming classes ahead of the first call: encodes a request, reads a hello and
 * decodes an untyped reply, the path an untyped call takes. A pool runs this on a background thread
 * while its first workers start. It deliberately does not build the mapper (a few hundred
 * milliseconds of a cold JVM's CPU): on a small machine that work slowed the first untyped call
 * more than it helped; a typed call builds the mapper when it first needs it. Runs once per JVM.
 */
public final class WireWarmUp {
  private static final AtomicBoolean DONE = new AtomicBoolean();

  private WireWarmUp() {}

  /** Whether a warm-up has already run (or is running) in this JVM. */
  public static boolean started() {
    return DONE.get();
  }

  /** Encodes a tiny request and decodes a tiny reply and hello; once per JVM, never throws. */
  public static void run() {
    if (!DONE.compareAndSet(false, true)) {
      return;
    }
    try {
      byte[] line =
          RequestEncoder.encode(0, "warm_up", List.of(), Map.of("n", 1, "s", "x"), "warm-up")
              .line();
      WireTrees.read(line, line.length);
      byte[] reply = "{\"n\":[1,2.5,\"x\",true,null],\"m\":{}}".getBytes(StandardCharsets.UTF_8);
      ResultDecoder.decode(RawResult.ofJson(reply), null, "the warm-up");
    } catch (IOException | RuntimeException e) {
      // Only a speed-up: the first call does the same work again and reports any real problem.
      LoggerFactory.getLogger(WireWarmUp.class).debug("warming up the wire failed", e);
    }
  }
}
