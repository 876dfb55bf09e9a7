package io.venvmux.internal.wire;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.util.TokenBuffer;
import io.venvmux.internal.codec.BinaryIn;
import io.venvmux.internal.codec.NaturalValues;
import io.venvmux.internal.codec.PlainValueWriter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * Buffers a typed result's tokens with its binary file markers already read: each marker becomes
 * one embedded {@code byte[]} or {@code NdArray}, which the wire's deserializers turn into the Java
 * type asked for. A line without any marker is copied by Jackson as it always was.
 */
final class BinaryTokens {
  private static final byte[][] SIGNS = {
    "\"__bytes__\":true,\"file\"".getBytes(StandardCharsets.US_ASCII),
    "\"__ndarray__\"".getBytes(StandardCharsets.US_ASCII)
  };

  private BinaryTokens() {}

  /**
   * Whether the bytes may hold a file marker (as the worker writes them: compact). Runs on every
   * reply, so one pass: a marker's key starts with {@code "__}, which ordinary data rarely has.
   */
  static boolean mayHoldMarker(byte[] buf, int len) {
    for (int i = 0, last = len - 3; i <= last; i++) {
      if (buf[i] == '"' && buf[i + 1] == '_' && buf[i + 2] == '_') {
        for (byte[] sign : SIGNS) {
          if (startsAt(buf, len, i, sign)) {
            return true;
          }
        }
      }
    }
    return false;
  }

  private static boolean startsAt(byte[] buf, int len, int at, byte[] sign) {
    if (at + sign.length > len) {
      return false;
    }
    for (int j = 0; j < sign.length; j++) {
      if (buf[at + j] != sign[j]) {
        return false;
      }
    }
    return true;
  }

  /** Copies the value at the parser's current token into {@code tb}, resolving markers. */
  static void copy(JsonParser p, TokenBuffer tb, BinaryIn in) throws IOException {
    JsonToken t = p.currentToken();
    if (t == JsonToken.START_ARRAY) {
      tb.writeStartArray();
      while (p.nextToken() != JsonToken.END_ARRAY) {
        copy(p, tb, in);
      }
      tb.writeEndArray();
    } else if (t == JsonToken.START_OBJECT) {
      copyObject(p, tb, in);
    } else {
      tb.copyCurrentEvent(p);
    }
  }

  private static void copyObject(JsonParser p, TokenBuffer tb, BinaryIn in) throws IOException {
    JsonToken t = p.nextToken();
    if (t == JsonToken.FIELD_NAME && BinaryIn.isMarkerKey(p.currentName())) {
      Map<String, @Nullable Object> marker = new LinkedHashMap<>();
      for (; t == JsonToken.FIELD_NAME; t = p.nextToken()) {
        String key = p.currentName();
        p.nextToken();
        marker.put(key, NaturalValues.read(p));
      }
      Object resolved = in.resolve(marker);
      if (resolved != null) {
        tb.writeEmbeddedObject(resolved);
      } else {
        PlainValueWriter.write(tb, marker);
      }
      return;
    }
    tb.writeStartObject();
    for (; t == JsonToken.FIELD_NAME; t = p.nextToken()) {
      tb.writeFieldName(p.currentName());
      p.nextToken();
      copy(p, tb, in);
    }
    tb.writeEndObject();
  }
}
