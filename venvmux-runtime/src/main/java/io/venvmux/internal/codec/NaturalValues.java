package io.venvmux.internal.codec;

import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * Reads one JSON value as natural Java values: Map, List, String, Integer/Long/BigInteger, Double,
 * Boolean, null; the bytes envelope {@code {"__bytes__":true,"b64":".."}} becomes {@code byte[]}
 * (invalid base64 in it is a parse error).
 */
public final class NaturalValues {
  private NaturalValues() {}

  /** Reads the value whose first token is the parser's current token. */
  public static @Nullable Object read(JsonParser p) throws IOException {
    return read(p, null);
  }

  /**
   * Reads the value whose first token is the parser's current token; with {@code in}, a reply's
   * binary file markers become {@code byte[]} and {@link io.venvmux.NdArray}.
   */
  public static @Nullable Object read(JsonParser p, @Nullable BinaryIn in) throws IOException {
    JsonToken t = p.currentToken();
    if (t == null) {
      throw new IOException("no JSON value");
    }
    switch (t) {
      case START_OBJECT:
        return readObject(p, in);
      case START_ARRAY:
        List<@Nullable Object> list = new ArrayList<>();
        while (p.nextToken() != JsonToken.END_ARRAY) {
          list.add(read(p, in));
        }
        return list;
      case VALUE_STRING:
        return p.getText();
      case VALUE_NUMBER_INT:
        return p.getNumberValue();
      case VALUE_NUMBER_FLOAT:
        return p.getDoubleValue();
      case VALUE_TRUE:
        return Boolean.TRUE;
      case VALUE_FALSE:
        return Boolean.FALSE;
      case VALUE_NULL:
        return null;
      case VALUE_EMBEDDED_OBJECT:
        return p.getEmbeddedObject();
      default:
        throw new IOException("unexpected JSON token " + t);
    }
  }

  private static @Nullable Object readObject(JsonParser p, @Nullable BinaryIn in)
      throws IOException {
    Map<String, @Nullable Object> map = new LinkedHashMap<>();
    while (p.nextToken() == JsonToken.FIELD_NAME) {
      String key = p.currentName();
      p.nextToken();
      map.put(key, read(p, in));
    }
    if (in != null && map.containsKey(BinaryIn.FILE)) {
      Object resolved = in.resolve(map);
      if (resolved != null) {
        return resolved;
      }
    }
    if (map.size() == 2
        && Boolean.TRUE.equals(map.get("__bytes__"))
        && map.get("b64") instanceof String) {
      try {
        return Base64.getDecoder().decode((String) map.get("b64"));
      } catch (IllegalArgumentException e) {
        // Handing back the map would pass off a broken bytes value as a dict.
        throw new JsonParseException(
            p,
            "a bytes value {\"__bytes__\":true,\"b64\":..} holds invalid base64 ("
                + e.getMessage()
                + ")",
            e);
      }
    }
    return map;
  }
}
