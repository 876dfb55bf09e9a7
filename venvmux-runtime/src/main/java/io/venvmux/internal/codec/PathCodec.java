package io.venvmux.internal.codec;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.SerializerProvider;
import com.fasterxml.jackson.databind.deser.std.StdScalarDeserializer;
import com.fasterxml.jackson.databind.ser.std.StdScalarSerializer;
import java.io.IOException;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;

/**
 * {@link Path} as the plain path string Python's {@code str(path)} gives (Jackson's default is a
 * file URI).
 */
final class PathCodec {
  private PathCodec() {}

  static final class Serializer extends StdScalarSerializer<Path> {
    private static final long serialVersionUID = 1L;

    Serializer() {
      super(Path.class);
    }

    @Override
    public void serialize(Path value, JsonGenerator gen, SerializerProvider provider)
        throws IOException {
      gen.writeString(value.toString());
    }
  }

  static final class Deserializer extends StdScalarDeserializer<Path> {
    private static final long serialVersionUID = 1L;

    Deserializer() {
      super(Path.class);
    }

    @Override
    public Path deserialize(JsonParser p, DeserializationContext ctxt) throws IOException {
      if (p.currentToken() != JsonToken.VALUE_STRING) {
        return (Path) ctxt.handleUnexpectedToken(Path.class, p);
      }
      try {
        return Path.of(p.getText());
      } catch (InvalidPathException e) {
        return (Path)
            ctxt.handleWeirdStringValue(Path.class, p.getText(), "not a path: %s", e.getMessage());
      }
    }
  }
}
