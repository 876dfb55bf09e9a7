package io.venvmux.internal.codec;

import com.fasterxml.jackson.core.JsonGenerator;
import java.io.IOException;
import java.math.BigInteger;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * Writes a value the way {@link WireMapper} does, but writes plain values (Map with String keys,
 * List, String, Boolean, Integer/Long/Short/Byte/BigInteger, Double/Float, {@code byte[]}, null)
 * itself, so an untyped call never waits for the mapper to be built. Anything else (records, beans,
 * BigDecimal, Optional, java.time, maps with other keys) is handed to the mapper where it occurs.
 */
public final class PlainValueWriter {
  private PlainValueWriter() {}

  /** Writes {@code value} to {@code g}, which must come from a factory with the wire's settings. */
  public static void write(JsonGenerator g, @Nullable Object value) throws IOException {
    write(g, value, null);
  }

  /**
   * Writes {@code value} to {@code g}; with {@code out}, big binary values ({@code byte[]},
   * primitive arrays, {@link io.venvmux.NdArray}) go to files and only their markers to {@code g}.
   */
  public static void write(JsonGenerator g, @Nullable Object value, @Nullable BinaryOut out)
      throws IOException {
    if (value == null) {
      g.writeNull();
    } else if (value instanceof String) {
      g.writeString((String) value);
    } else if (value instanceof Integer) {
      g.writeNumber((Integer) value);
    } else if (value instanceof Long) {
      g.writeNumber((Long) value);
    } else if (value instanceof Double) {
      g.writeNumber((Double) value);
    } else if (value instanceof Boolean) {
      g.writeBoolean((Boolean) value);
    } else if (value instanceof Map) {
      writeMap(g, (Map<?, ?>) value, out);
    } else if (value instanceof List) {
      List<?> list = (List<?>) value;
      g.writeStartArray(list, list.size());
      for (Object item : list) {
        write(g, item, out);
      }
      g.writeEndArray();
    } else if (value instanceof byte[]) {
      BytesCodec.write((byte[]) value, g, out);
    } else if (value instanceof Float) {
      g.writeNumber((Float) value);
    } else if (value instanceof Short) {
      g.writeNumber((Short) value);
    } else if (value instanceof Byte) {
      g.writeNumber((int) (Byte) value);
    } else if (value instanceof BigInteger) {
      g.writeNumber((BigInteger) value);
    } else {
      byMapper(g, value, out);
    }
  }

  private static void byMapper(JsonGenerator g, Object value, @Nullable BinaryOut out)
      throws IOException {
    if (out == null) {
      WireMapper.mapper().writeValue(g, value);
    } else {
      WireMapper.mapper().writer().withAttribute(BinaryOut.class, out).writeValue(g, value);
    }
  }

  private static void writeMap(JsonGenerator g, Map<?, ?> map, @Nullable BinaryOut out)
      throws IOException {
    for (Object key : map.keySet()) {
      if (!(key instanceof String)) {
        // Non-String keys (and a null key's error) are the mapper's key serializers' business.
        byMapper(g, map, out);
        return;
      }
    }
    g.writeStartObject(map, map.size());
    for (Map.Entry<?, ?> e : map.entrySet()) {
      g.writeFieldName((String) e.getKey());
      write(g, e.getValue(), out);
    }
    g.writeEndObject();
  }
}
