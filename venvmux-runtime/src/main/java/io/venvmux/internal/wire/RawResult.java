package io.venvmux.internal.wire;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.util.TokenBuffer;
import io.venvmux.internal.codec.WireMapper;
import java.io.IOException;
import org.jspecify.annotations.Nullable;

/**
 * A call's result as it came off the wire, not yet converted to the caller's Java type. Conversion
 * runs on the consumer's thread, so a slow or failing conversion never holds up the reader.
 */
public abstract class RawResult {
  private RawResult() {}

  /** A result already read as natural Java values (the untyped path, decoded once on arrival). */
  public static RawResult ofValue(@Nullable Object value) {
    return new Decoded(value);
  }

  /** A result kept as buffered tokens, bound to its Java type later. */
  public static RawResult ofTokens(TokenBuffer tokens) {
    return new Tokens(tokens);
  }

  /** A result read from a spill file: the JSON text of the value. */
  public static RawResult ofJson(byte[] json) {
    return new Json(json);
  }

  /** The value as natural Java values if it was decoded on arrival. */
  @Nullable Object decodedOr(@Nullable Object fallback) {
    return fallback;
  }

  /** Whether {@link #decodedOr} holds the value. */
  boolean isDecoded() {
    return false;
  }

  /**
   * A parser positioned before the value's first token, bound to {@code mapper}; null when the
   * value is read as natural values, which needs no mapper.
   */
  abstract JsonParser open(@Nullable ObjectMapper mapper) throws IOException;

  private static final class Decoded extends RawResult {
    private final @Nullable Object value;

    Decoded(@Nullable Object value) {
      this.value = value;
    }

    @Override
    @Nullable Object decodedOr(@Nullable Object fallback) {
      return value;
    }

    @Override
    boolean isDecoded() {
      return true;
    }

    @Override
    JsonParser open(@Nullable ObjectMapper mapper) throws IOException {
      if (mapper == null) {
        mapper = WireMapper.mapper();
      }
      TokenBuffer tb = new TokenBuffer(mapper, false);
      mapper.writeValue(tb, value);
      return tb.asParser(mapper);
    }
  }

  private static final class Tokens extends RawResult {
    private final TokenBuffer tokens;

    Tokens(TokenBuffer tokens) {
      this.tokens = tokens;
    }

    @Override
    JsonParser open(@Nullable ObjectMapper mapper) {
      return tokens.asParser(mapper);
    }
  }

  private static final class Json extends RawResult {
    private final byte[] json;

    Json(byte[] json) {
      this.json = json;
    }

    @Override
    JsonParser open(@Nullable ObjectMapper mapper) throws IOException {
      JsonParser p = ReplyParsers.open(json, 0, json.length);
      p.setCodec(mapper);
      return p;
    }
  }
}
