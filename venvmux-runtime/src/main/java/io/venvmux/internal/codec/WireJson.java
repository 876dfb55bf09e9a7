package io.venvmux.internal.codec;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.core.StreamWriteConstraints;
import com.fasterxml.jackson.core.StreamWriteFeature;
import com.fasterxml.jackson.core.json.JsonReadFeature;
import com.fasterxml.jackson.core.json.JsonWriteFeature;

/**
 * The wire's streaming JSON settings, without an ObjectMapper. {@link WireMapper} is built on a
 * factory from here, so the untyped path (plain values through a bare generator or parser) writes
 * and reads exactly what the mapper does, without waiting for the mapper to be built.
 */
public final class WireJson {
  /**
   * The deepest nesting of one value (an argument, a result) that crosses the wire, both ways:
   * Jackson's default limit, which the worker keeps too (venvmux_worker.walk.MAX_DEPTH).
   */
  public static final int MAX_VALUE_DEPTH = 1000;

  /** A request's object and its args or kwargs hold the value; a reply's object holds it. */
  private static final int ENVELOPE_DEPTH = 2;

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
        // Jackson counts from the line's top: the envelope's levels come on top of the value's.
        .streamReadConstraints(
            StreamReadConstraints.builder()
                .maxNestingDepth(MAX_VALUE_DEPTH + ENVELOPE_DEPTH)
                .build())
        .streamWriteConstraints(
            StreamWriteConstraints.builder()
                .maxNestingDepth(MAX_VALUE_DEPTH + ENVELOPE_DEPTH)
                .build())
        .build();
  }
}
