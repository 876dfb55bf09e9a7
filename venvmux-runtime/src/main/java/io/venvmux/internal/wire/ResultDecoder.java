package io.venvmux.internal.wire;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.JavaType;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.venvmux.InvalidJsonException;
import io.venvmux.internal.codec.NaturalValues;
import io.venvmux.internal.codec.WireMapper;
import java.io.IOException;
import org.jspecify.annotations.Nullable;

/** Turns a {@link RawResult} into the Java value the caller asked for. */
public final class ResultDecoder {
  private ResultDecoder() {}

  /** True when the type asks for natural Java values rather than a bound type. */
  public static boolean isUntyped(@Nullable JavaType type) {
    return type == null || type.getRawClass() == Object.class;
  }

  /**
   * The result as {@code type} (natural values when untyped).
   *
   * @param what names the call in error messages, e.g. {@code fn 'compute' in env 'v1'}
   * @throws InvalidJsonException when the value does not convert to the type
   */
  public static @Nullable Object decode(RawResult raw, @Nullable JavaType type, String what) {
    boolean untyped = isUntyped(type);
    if (untyped && raw.isDecoded()) {
      return raw.decodedOr(null);
    }
    // Natural values need no mapper: an untyped call never waits for it to be built.
    ObjectMapper mapper = untyped ? null : WireMapper.mapper();
    try (JsonParser p = raw.open(mapper)) {
      p.nextToken();
      if (mapper == null) {
        return NaturalValues.read(p);
      }
      return mapper.readValue(p, type);
    } catch (IOException | RuntimeException e) {
      throw new InvalidJsonException(
          "the result of "
              + what
              + " does not convert to "
              + (untyped ? "Object" : type.toCanonical())
              + ": "
              + e.getMessage(),
          e);
    }
  }
}
