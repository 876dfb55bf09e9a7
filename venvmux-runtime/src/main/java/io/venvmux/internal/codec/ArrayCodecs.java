package io.venvmux.internal.codec;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.JsonDeserializer;
import com.fasterxml.jackson.databind.SerializerProvider;
import com.fasterxml.jackson.databind.deser.std.DelegatingDeserializer;
import com.fasterxml.jackson.databind.deser.std.PrimitiveArrayDeserializers;
import com.fasterxml.jackson.databind.deser.std.StdDeserializer;
import com.fasterxml.jackson.databind.module.SimpleModule;
import com.fasterxml.jackson.databind.ser.std.StdSerializer;
import io.venvmux.NdArray;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.jspecify.annotations.Nullable;

/**
 * {@code double[]}, {@code float[]}, {@code long[]}, {@code int[]} and {@link NdArray} on the wire.
 *
 * <p>Written: a primitive array is a JSON array, or a file marker when a {@link BinaryOut} is
 * present (a request's attribute) and the array is big enough; an {@code NdArray} is a marker with
 * its bytes inline in base64 ({@code "b64"}) or in a file. Read: a JSON array as usual, or the
 * {@code NdArray} a reply's marker became ({@link BinaryIn}), converted to the primitive array; an
 * {@code NdArray} from a marker, bytes, or nested JSON arrays of numbers (float64, or int64 when
 * every number is an integer).
 */
final class ArrayCodecs {
  private ArrayCodecs() {}

  static void register(SimpleModule module) {
    module.addSerializer(
        new Primitive<>(
            double[].class,
            a -> a.length * 8L,
            BinaryOut::writeDoubles,
            (a, g) -> g.writeArray(a, 0, a.length)));
    module.addSerializer(
        new Primitive<>(
            long[].class,
            a -> a.length * 8L,
            BinaryOut::writeLongs,
            (a, g) -> g.writeArray(a, 0, a.length)));
    module.addSerializer(
        new Primitive<>(
            int[].class,
            a -> a.length * 4L,
            BinaryOut::writeInts,
            (a, g) -> g.writeArray(a, 0, a.length)));
    module.addSerializer(
        new Primitive<>(
            float[].class, a -> a.length * 4L, BinaryOut::writeFloats, ArrayCodecs::writeFloats));
    module.addSerializer(NdArray.class, new NdArraySerializer());
    fromNdArray(module, double[].class, NdArray::toDoubleArray);
    fromNdArray(module, float[].class, NdArray::toFloatArray);
    fromNdArray(module, long[].class, NdArray::toLongArray);
    fromNdArray(module, int[].class, NdArray::toIntArray);
    module.addDeserializer(NdArray.class, new NdArrayDeserializer());
  }

  @SuppressWarnings("unchecked") // Jackson's array deserializers are typed as Object ones
  private static <T> void fromNdArray(
      SimpleModule module, Class<T> type, Function<NdArray, T> convert) {
    module.addDeserializer(
        type, (JsonDeserializer<T>) (JsonDeserializer<?>) new FromNdArray<>(type, convert));
  }

  private static void writeFloats(float[] a, JsonGenerator g) throws IOException {
    g.writeStartArray(a, a.length);
    for (float f : a) {
      g.writeNumber(f);
    }
    g.writeEndArray();
  }

  /** The request's binary writer, when it has one. */
  static @Nullable BinaryOut binaryOut(SerializerProvider provider) {
    return (BinaryOut) provider.getAttribute(BinaryOut.class);
  }

  private interface Writer<T> {
    void write(T value, JsonGenerator g) throws IOException;
  }

  private interface FileWriter<T> {
    void write(BinaryOut out, T value, JsonGenerator g) throws IOException;
  }

  private static final class Primitive<T> extends StdSerializer<T> {
    private static final long serialVersionUID = 1L;
    private final transient Function<T, Long> bytes;
    private final transient FileWriter<T> toFile;
    private final transient Writer<T> inline;

    Primitive(Class<T> type, Function<T, Long> bytes, FileWriter<T> toFile, Writer<T> inline) {
      super(type);
      this.bytes = bytes;
      this.toFile = toFile;
      this.inline = inline;
    }

    @Override
    public void serialize(T value, JsonGenerator gen, SerializerProvider provider)
        throws IOException {
      BinaryOut out = binaryOut(provider);
      if (out != null && out.wants(bytes.apply(value))) {
        toFile.write(out, value, gen);
      } else {
        inline.write(value, gen);
      }
    }
  }

  private static final class NdArraySerializer extends StdSerializer<NdArray> {
    private static final long serialVersionUID = 1L;

    NdArraySerializer() {
      super(NdArray.class);
    }

    @Override
    public void serialize(NdArray value, JsonGenerator g, SerializerProvider provider)
        throws IOException {
      BinaryOut out = binaryOut(provider);
      if (out != null && out.wants(value.data().remaining())) {
        out.writeNdArray(value, g);
        return;
      }
      long[] shape = value.shape();
      g.writeStartObject();
      g.writeBooleanField(BinaryIn.NDARRAY, true);
      g.writeStringField("dtype", value.dtype());
      g.writeFieldName("shape");
      g.writeArray(shape, 0, shape.length);
      g.writeStringField("b64", Base64.getEncoder().encodeToString(value.toByteArray()));
      g.writeEndObject();
    }
  }

  /** Jackson's own array reading, plus the NdArray a reply's marker became. */
  private static final class FromNdArray<T> extends DelegatingDeserializer {
    private static final long serialVersionUID = 1L;
    private final Class<T> type;
    private final transient Function<NdArray, T> convert;

    FromNdArray(Class<T> type, Function<NdArray, T> convert) {
      this(type, convert, PrimitiveArrayDeserializers.forType(type.getComponentType()));
    }

    private FromNdArray(Class<T> type, Function<NdArray, T> convert, JsonDeserializer<?> jackson) {
      super(jackson);
      this.type = type;
      this.convert = convert;
    }

    @Override
    protected JsonDeserializer<?> newDelegatingInstance(JsonDeserializer<?> newDelegatee) {
      return new FromNdArray<>(type, convert, newDelegatee);
    }

    @Override
    public Object deserialize(JsonParser p, DeserializationContext ctxt) throws IOException {
      if (p.currentToken() == JsonToken.VALUE_EMBEDDED_OBJECT) {
        Object embedded = p.getEmbeddedObject();
        if (embedded instanceof NdArray) {
          NdArray array = (NdArray) embedded;
          if (array.ndim() != 1) {
            return ctxt.reportInputMismatch(
                this, "expected a 1-D array for %s, got %s", type.getSimpleName(), array);
          }
          try {
            return convert.apply(array);
          } catch (IllegalStateException e) {
            return ctxt.reportInputMismatch(this, "%s", e.getMessage());
          }
        }
      }
      return super.deserialize(p, ctxt);
    }
  }

  private static final class NdArrayDeserializer extends StdDeserializer<NdArray> {
    private static final long serialVersionUID = 1L;

    NdArrayDeserializer() {
      super(NdArray.class);
    }

    @Override
    public NdArray deserialize(JsonParser p, DeserializationContext ctxt) throws IOException {
      JsonToken t = p.currentToken();
      if (t == JsonToken.VALUE_EMBEDDED_OBJECT) {
        Object embedded = p.getEmbeddedObject();
        if (embedded instanceof NdArray) {
          return (NdArray) embedded;
        }
        if (embedded instanceof byte[]) {
          return NdArray.ofBytes((byte[]) embedded);
        }
      }
      if (t == JsonToken.START_ARRAY) {
        return fromLists(p, ctxt);
      }
      Object value = NaturalValues.read(p);
      if (value instanceof NdArray) {
        return (NdArray) value;
      }
      if (value instanceof byte[]) {
        return NdArray.ofBytes((byte[]) value);
      }
      if (value instanceof Map && Boolean.TRUE.equals(((Map<?, ?>) value).get(BinaryIn.NDARRAY))) {
        return inline((Map<?, ?>) value, ctxt);
      }
      return (NdArray)
          ctxt.reportInputMismatch(
              this, "expected a numpy array (nested arrays of numbers), got %s", value);
    }

    private NdArray inline(Map<?, ?> marker, DeserializationContext ctxt) throws IOException {
      try {
        List<?> shape = (List<?>) marker.get("shape");
        long[] dims = new long[shape.size()];
        for (int i = 0; i < dims.length; i++) {
          dims[i] = ((Number) shape.get(i)).longValue();
        }
        byte[] data = Base64.getDecoder().decode((String) marker.get("b64"));
        return NdArray.of((String) marker.get("dtype"), dims, ByteBuffer.wrap(data));
      } catch (RuntimeException e) {
        return (NdArray) ctxt.reportInputMismatch(this, "a bad __ndarray__ value: %s", e);
      }
    }

    /** Nested lists of numbers of one shape: float64, or int64 when all are integers. */
    private NdArray fromLists(JsonParser p, DeserializationContext ctxt) throws IOException {
      Object value = NaturalValues.read(p);
      List<Long> shape = new ArrayList<>();
      for (Object level = value; level instanceof List; ) {
        List<?> list = (List<?>) level;
        shape.add((long) list.size());
        level = list.isEmpty() ? null : list.get(0);
      }
      List<Number> flat = new ArrayList<>();
      if (!flatten(value, 0, shape, flat)) {
        return (NdArray)
            ctxt.reportInputMismatch(
                this, "expected nested arrays of numbers of one shape, got %s", value);
      }
      boolean ints = flat.stream().allMatch(n -> n instanceof Integer || n instanceof Long);
      ByteBuffer b = ByteBuffer.allocate(flat.size() * 8).order(ByteOrder.LITTLE_ENDIAN);
      for (Number n : flat) {
        if (ints) {
          b.putLong(n.longValue());
        } else {
          b.putDouble(n.doubleValue());
        }
      }
      b.flip();
      return NdArray.of(
          ints ? "<i8" : "<f8", shape.stream().mapToLong(Long::longValue).toArray(), b);
    }

    private static boolean flatten(
        @Nullable Object value, int depth, List<Long> shape, List<Number> flat) {
      if (depth == shape.size()) {
        if (value instanceof Number) {
          flat.add((Number) value);
          return true;
        }
        return false;
      }
      if (!(value instanceof List) || ((List<?>) value).size() != shape.get(depth)) {
        return false;
      }
      for (Object item : (List<?>) value) {
        if (!flatten(item, depth + 1, shape, flat)) {
          return false;
        }
      }
      return true;
    }
  }
}
