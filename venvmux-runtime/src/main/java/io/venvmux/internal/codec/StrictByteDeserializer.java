package io.venvmux.internal.codec;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.deser.std.StdScalarDeserializer;
import java.io.IOException;
import org.jspecify.annotations.Nullable;

/**
 * {@code byte}/{@code Byte} that refuses anything outside -128..127. Jackson's own accepts up to
 * 255 and wraps it, and a silent wrap is exactly what the wire must never do.
 */
final class StrictByteDeserializer extends StdScalarDeserializer<Byte> {
  private static final long serialVersionUID = 1L;
  private final boolean primitive;

  StrictByteDeserializer(Class<?> type) {
    super(type);
    this.primitive = type.isPrimitive();
  }

  @Override
  public Byte deserialize(JsonParser p, DeserializationContext ctxt) throws IOException {
    if (p.currentToken() != JsonToken.VALUE_NUMBER_INT) {
      return (Byte) ctxt.handleUnexpectedToken(handledType(), p);
    }
    if (p.getNumberType() != JsonParser.NumberType.INT
        || p.getIntValue() < Byte.MIN_VALUE
        || p.getIntValue() > Byte.MAX_VALUE) {
      return (Byte)
          ctxt.handleWeirdNumberValue(
              handledType(), p.getNumberValue(), "out of range of byte (-128..127)");
    }
    return (byte) p.getIntValue();
  }

  @Override
  public @Nullable Byte getNullValue(DeserializationContext ctxt) throws JsonMappingException {
    if (primitive) {
      _verifyNullForPrimitive(ctxt);
      return (byte) 0;
    }
    return null;
  }
}
