package io.venvmux.internal.codec;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.deser.std.StdDeserializer;
import java.io.IOException;
import org.jspecify.annotations.Nullable;

/**
 * {@code Object} anywhere in a typed value (a record component, a list element) reads as the same
 * natural Java values as an untyped result, Python bytes included as {@code byte[]}.
 */
final class NaturalValuesDeserializer extends StdDeserializer<Object> {
  private static final long serialVersionUID = 1L;

  NaturalValuesDeserializer() {
    super(Object.class);
  }

  @Override
  public @Nullable Object deserialize(JsonParser p, DeserializationContext ctxt)
      throws IOException {
    return NaturalValues.read(p);
  }
}
