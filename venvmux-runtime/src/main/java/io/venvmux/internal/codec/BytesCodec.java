package io.venvmux.internal.codec;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.SerializerProvider;
import com.fasterxml.jackson.databind.deser.std.StdDeserializer;
import com.fasterxml.jackson.databind.ser.std.StdSerializer;
import io.venvmux.NdArray;
import java.io.IOException;
import java.util.Base64;
import org.jspecify.annotations.Nullable;

/**
 * {@code byte[]} as the protocol's {@code {"__bytes__": true, "b64": "..."}}, both ways; big ones
 * as a file marker ({@link BinaryOut}, {@link BinaryIn}) when the worker reads files.
 */
final class BytesCodec {
  static final String MARKER = "__bytes__";
  static final String PAYLOAD = "b64";

  private BytesCodec() {}

  /** Writes the bytes object: inline, or as a file when {@code out} takes big data. */
  static void write(byte[] value, JsonGenerator gen, @Nullable BinaryOut out) throws IOException {
    if (out != null && out.wants(value.length)) {
      out.writeBytes(value, gen);
      return;
    }
    gen.writeStartObject();
    gen.writeBooleanField(MARKER, true);
    gen.writeStringField(PAYLOAD, Base64.getEncoder().encodeToString(value));
    gen.writeEndObject();
  }

  static final class Serializer extends StdSerializer<byte[]> {
    private static final long serialVersionUID = 1L;

    Serializer() {
      super(byte[].class);
    }

    @Override
    public void serialize(byte[] value, JsonGenerator gen, SerializerProvider provider)
        throws IOException {
      write(value, gen, ArrayCodecs.binaryOut(provider));
    }
  }

  /** Reads the bytes object; a bare base64 string is accepted too. */
  static final class Deserializer extends StdDeserializer<byte[]> {
    private static final long serialVersionUID = 1L;

    Deserializer() {
      super(byte[].class);
    }

    @Override
    public byte[] deserialize(JsonParser p, DeserializationContext ctxt) throws IOException {
      if (p.currentToken() == JsonToken.VALUE_EMBEDDED_OBJECT) {
        Object embedded = p.getEmbeddedObject();
        if (embedded instanceof byte[]) { // read from a reply's file marker
          return (byte[]) embedded;
        }
        if (embedded instanceof NdArray) {
          return ((NdArray) embedded).toByteArray();
        }
      }
      if (p.currentToken() == JsonToken.VALUE_STRING) {
        return decode(p.getText(), p, ctxt);
      }
      if (!p.isExpectedStartObjectToken()) {
        return (byte[]) ctxt.handleUnexpectedToken(byte[].class, p);
      }
      JsonNode node = p.readValueAsTree();
      JsonNode b64 = node.get(PAYLOAD);
      if (!node.path(MARKER).asBoolean(false) || b64 == null || !b64.isTextual()) {
        return (byte[])
            ctxt.reportInputMismatch(
                this, "expected bytes as {\"__bytes__\": true, \"b64\": \"...\"}, got %s", node);
      }
      return decode(b64.textValue(), p, ctxt);
    }

    private byte[] decode(String b64, JsonParser p, DeserializationContext ctxt)
        throws IOException {
      try {
        return Base64.getDecoder().decode(b64);
      } catch (IllegalArgumentException e) {
        return (byte[])
            ctxt.reportInputMismatch(this, "bytes are not valid base64: %s", e.getMessage());
      }
    }
  }
}
