package io.venvmux.internal.wire;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import io.venvmux.internal.codec.WireJson;
import java.io.IOException;

/**
 * Parsers for what workers send back (reply lines and spilled results), with wider limits than
 * Jackson's defaults. The text is already in memory, so a string longer than the default 20 M chars
 * costs nothing more to read; Python writes ints of thousands of digits (4300 by default), which
 * read as {@code BigInteger}. Binding such an int to {@code long} still fails: the mapper's numbers
 * are strict, never wrapped.
 */
public final class ReplyParsers {
  /** Python itself writes at most 4300 digits unless told otherwise; this leaves room beyond. */
  static final int MAX_NUMBER_LENGTH = 100_000;

  private ReplyParsers() {}

  /** Built on the first reply, not when the class loads. */
  private static final class Holder {
    static final JsonFactory FACTORY = create();
  }

  /**
   * A parser over {@code len} bytes of {@code buf}, with the wire's settings but no codec: binding
   * goes through the mapper explicitly, so reading an untyped reply never builds it.
   */
  public static JsonParser open(byte[] buf, int offset, int len) throws IOException {
    return Holder.FACTORY.createParser(buf, offset, len);
  }

  private static JsonFactory create() {
    JsonFactory factory = WireJson.factory().copy();
    factory.setStreamReadConstraints(
        factory
            .streamReadConstraints()
            .rebuild()
            .maxNumberLength(MAX_NUMBER_LENGTH)
            .maxStringLength(Integer.MAX_VALUE)
            .build());
    return factory;
  }
}
