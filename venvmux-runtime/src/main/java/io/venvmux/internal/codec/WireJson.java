package io.venvmux.internal.codec;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.core.StreamWriteFeature;
import com.fasterxml.jackson.core.json.JsonReadFeature;
import com.fasterxml.jackson.core.json.JsonWriteFeature;

/**
 * The wire's streaming JSON settings, without an ObjectMapper. {@link WireMapper} is built on a
 * factory from here, so the untyped path (plain values through a bare generator or parser) writes
 * and reads exactly what the mapper does, without waiting for the mapper to be built.
 */
public final class WireJson {
  private static final JsonFactory FACTORY = newFactory();

  private WireJson() {}

  /** The shared bare factory; it has no codec. Never reconfigure it. */
  public static JsonFactory factory() {
    return FACTORY;
  }

  /** A new factory with the wire's settings, for a mapper or a variant with other limits. */
  static JsonFactory newFactory() {
    return JsonFactory.builder()
        // Python's json writes and reads NaN and Infinity as bare tokens.
        .enable(JsonReadFeature.ALLOW_NON_NUMERIC_NUMBERS)
        .disable(JsonWriteFeature.WRITE_NAN_AS_STRINGS)
        .disable(StreamWriteFeature.AUTO_CLOSE_TARGET)
        .disable(StreamReadFeature.AUTO_CLOSE_SOURCE)
        .build();
  }
}
