package io.venvmux.internal.codec;

import com.fasterxml.jackson.annotation.JsonFormat;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.MapperFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.cfg.CoercionAction;
import com.fasterxml.jackson.databind.cfg.CoercionInputShape;
import com.fasterxml.jackson.databind.cfg.MutableCoercionConfig;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.module.SimpleModule;
import com.fasterxml.jackson.databind.type.LogicalType;
import com.fasterxml.jackson.datatype.jdk8.Jdk8Module;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import com.fasterxml.jackson.module.paramnames.ParameterNamesModule;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;

/**
 * The one Jackson configuration of the wire, shared by every pool and every generated client.
 *
 * <p>What it guarantees, both ways (docs/names-and-types.md):
 *
 * <ul>
 *   <li>records and beans are objects with snake_case keys ({@code nItems} is {@code n_items}, a
 *       record component's {@code @PyName} overrides); Map keys are data and never change;
 *   <li>a record component that is neither {@code Optional} nor {@code @Nullable} must be present;
 *       unknown keys are ignored;
 *   <li>numbers are strict: a number too big for its Java type, a float into an integer type, a
 *       string into a number or a number into a string is an error, never a wrap or a guess;
 *   <li>enums: a Java enum without {@code @JsonValue} is written as its name and read from the
 *       Python member's value or name ignoring case; with {@code @JsonValue}, its exact value;
 *       numbers never pick an enum by its ordinal; a {@code Set}/{@code EnumSet} of a
 *       {@code @PyFlag} enum is one int, the OR of its members' values (Python's combined {@code
 *       Flag});
 *   <li>{@code byte[]} is {@code {"__bytes__": true, "b64": ".."}}; {@code BigDecimal} a string;
 *       {@code Path} its plain string; java.time values ISO-8601 strings, never timestamps, with
 *       their offsets kept (a naive value for {@code OffsetDateTime}, or an aware one for {@code
 *       LocalDateTime}, fails naming the type that reads it); {@code Duration} an ISO duration
 *       ({@code PT1H0.5S});
 *   <li>{@code Object} anywhere reads as natural values (Map, List, String,
 *       Integer/Long/BigInteger, Double, Boolean, null, {@code byte[]}), as untyped results do;
 *   <li>{@code double[]}, {@code float[]}, {@code long[]}, {@code int[]} and {@link
 *       io.venvmux.NdArray} are numpy arrays; big binary values cross as files (see {@link
 *       BinaryOut}, {@link BinaryIn});
 *   <li>NaN and Infinity are the bare tokens Python's json reads and writes;
 *   <li>a JDK object outside the types table ({@code new Object()}, a {@code Thread}) is refused,
 *       never written as an empty object or a dump of its getters.
 * </ul>
 */
public final class WireMapper {
  private static final ObjectMapper MAPPER = create();

  private WireMapper() {}

  /** The shared, thread-safe mapper. Never reconfigure it. */
  public static ObjectMapper mapper() {
    return MAPPER;
  }

  private static ObjectMapper create() {
    return JsonMapper.builder(WireJson.newFactory())
        .addModule(new Jdk8Module())
        .addModule(new JavaTimeModule())
        .addModule(new ParameterNamesModule())
        .addModule(wireTypes())
        .addModule(FlagSets.module())
        .propertyNamingStrategy(new WireNaming())
        .annotationIntrospector(new WireAnnotationIntrospector())
        .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
        .disable(SerializationFeature.WRITE_DURATIONS_AS_TIMESTAMPS)
        .disable(SerializationFeature.FAIL_ON_EMPTY_BEANS)
        .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
        .disable(DeserializationFeature.ADJUST_DATES_TO_CONTEXT_TIME_ZONE)
        .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
        .disable(DeserializationFeature.ACCEPT_FLOAT_AS_INT)
        // Python sends an enum's value; an int value must never select a Java constant by ordinal.
        .enable(DeserializationFeature.FAIL_ON_NUMBERS_FOR_ENUMS)
        .enable(MapperFeature.ACCEPT_CASE_INSENSITIVE_ENUMS)
        .withConfigOverride(
            BigDecimal.class, o -> o.setFormat(JsonFormat.Value.forShape(JsonFormat.Shape.STRING)))
        .withCoercionConfig(
            LogicalType.Integer,
            c -> refuse(c, CoercionInputShape.Float, CoercionInputShape.String))
        .withCoercionConfig(
            LogicalType.Boolean,
            c -> refuse(c, CoercionInputShape.Integer, CoercionInputShape.String))
        .withCoercionConfig(
            LogicalType.Textual,
            c -> refuse(c, CoercionInputShape.Integer, CoercionInputShape.Float))
        .build();
  }

  private static void refuse(MutableCoercionConfig config, CoercionInputShape... shapes) {
    for (CoercionInputShape shape : shapes) {
      config.setCoercion(shape, CoercionAction.Fail);
    }
  }

  private static SimpleModule wireTypes() {
    SimpleModule module = new SimpleModule("venvmux-wire");
    ArrayCodecs.register(module);
    return module
        .setSerializerModifier(new JdkBeanRefusal())
        .addSerializer(byte[].class, new BytesCodec.Serializer())
        .addDeserializer(byte[].class, new BytesCodec.Deserializer())
        .addSerializer(Path.class, new PathCodec.Serializer())
        .addDeserializer(Path.class, new PathCodec.Deserializer())
        .addDeserializer(Object.class, new NaturalValuesDeserializer())
        .addDeserializer(OffsetDateTime.class, DateTimeKinds.offset())
        .addDeserializer(LocalDateTime.class, DateTimeKinds.local())
        .addDeserializer(byte.class, new StrictByteDeserializer(byte.class))
        .addDeserializer(Byte.class, new StrictByteDeserializer(Byte.class));
  }
}
