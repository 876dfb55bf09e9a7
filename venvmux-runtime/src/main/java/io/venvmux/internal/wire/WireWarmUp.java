package io.venvmux.internal.wire;

import io.venvmux.internal.codec.WireMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;
import org.slf4j.LoggerFactory;

/**
 * Loads the wire's Jackson classes ahead of the first call. Building the mapper and loading its
 * serializers costs a cold JVM a few hundred milliseconds; a pool runs this on a background thread
 * while its first workers start, so the first call finds them loaded. Runs once per JVM.
 */
public final class WireWarmUp {
  private static final AtomicBoolean DONE = new AtomicBoolean();

  private WireWarmUp() {}

  /** Whether a warm-up has already run (or is running) in this JVM. */
  public static boolean started() {
    return DONE.get();
  }

  /**
   * Builds the mapper, encodes a tiny request and decodes a tiny reply; once per JVM, never throws.
   */
  public static void run() {
    if (!DONE.compareAndSet(false, true)) {
      return;
    }
    try {
      byte[] line =
          RequestEncoder.encode(0, "warm_up", List.of(), Map.of("n", 1, "s", "x"), "warm-up")
              .line();
      WireMapper.mapper().readTree(line);
      byte[] reply = "{\"n\":[1,2.5,\"x\",true,null],\"m\":{}}".getBytes(StandardCharsets.UTF_8);
      ResultDecoder.decode(RawResult.ofJson(reply), null, "the warm-up");
    } catch (IOException | RuntimeException e) {
      // Only a speed-up: the first call does the same work again and reports any real problem.
      LoggerFactory.getLogger(WireWarmUp.class).debug("warming up the wire mapper failed", e);
    }
  }
}
