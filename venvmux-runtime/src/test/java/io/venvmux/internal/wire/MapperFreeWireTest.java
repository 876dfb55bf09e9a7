package io.venvmux.internal.wire;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.util.ByteArrayBuilder;
import com.fasterxml.jackson.databind.JavaType;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.type.TypeFactory;
import io.venvmux.InvalidJsonException;
import io.venvmux.internal.codec.NaturalValues;
import io.venvmux.internal.codec.WireMapper;
import java.io.IOException;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;

/**
 * The untyped path (plain values written by a bare generator, replies, results and the hello read
 * by a bare parser) produces exactly the bytes and Java values the wire's mapper does.
 */
class MapperFreeWireTest {
  private static final ObjectMapper M = WireMapper.mapper();

  record Point(int xPos, @Nullable String label) {}

  record Blob(byte[] data, Object extra) {}

  private static List<@Nullable Object> plainCorpus() {
    Map<String, @Nullable Object> nested = new LinkedHashMap<>();
    nested.put("nan", Double.NaN);
    nested.put("inf", Double.POSITIVE_INFINITY);
    nested.put("ninf", Double.NEGATIVE_INFINITY);
    nested.put("none", null);
    nested.put("list", Arrays.asList(1, null, "two", 3.5, List.of(List.of()), Map.of()));
    nested.put("bytes", new byte[] {0, 1, -1, 127, -128});
    nested.put("ünï\u2028cøde \uD83D\uDE00", "tab\t nl\n quote\" bs\\ ctl\u0001 \uD83D\uDE00");
    List<@Nullable Object> corpus = new ArrayList<>();
    corpus.addAll(
        Arrays.asList(
            null,
            true,
            false,
            "",
            "plain",
            0,
            -1,
            Integer.MAX_VALUE,
            Integer.MIN_VALUE,
            Long.MAX_VALUE,
            Long.MIN_VALUE,
            new BigInteger("123456789012345678901234567890123456789"),
            BigInteger.ONE,
            0.0,
            -0.0,
            1e300,
            4.9e-324,
            0.1,
            Double.NaN,
            Double.POSITIVE_INFINITY,
            Double.NEGATIVE_INFINITY,
            1.5f,
            Float.NaN,
            (short) -7,
            (byte) -3,
            new byte[0],
            new byte[] {1, 2, 3},
            List.of(),
            Map.of(),
            nested,
            List.of(nested, List.of(nested))));
    Map<String, Object> deep = new LinkedHashMap<>();
    Map<String, Object> cursor = deep;
    for (int i = 0; i < 50; i++) {
      Map<String, Object> next = new LinkedHashMap<>();
      cursor.put("k" + i, List.of(i, next));
      cursor = next;
    }
    corpus.add(deep);
    return corpus;
  }

  /** Values the bare writer hands to the mapper, alone or inside plain containers. */
  private static List<Object> mapperOnlyCorpus() {
    Map<Integer, String> intKeys = new TreeMap<>(Map.of(2, "b", 1, "a"));
    return List.of(
        new Point(3, null),
        new BigDecimal("1.10"),
        Optional.of("x"),
        Optional.empty(),
        LocalDate.of(2024, 2, 29),
        Path.of("a", "b"),
        new LinkedHashSet<>(List.of("z", "a")),
        intKeys,
        List.of(1, new Point(1, "p"), Map.of("d", new BigDecimal("2"))),
        Map.of("points", List.of(new Point(2, "q"))));
  }

  /** How requests were encoded before the bare path: everything through the mapper. */
  private static byte[] encodeWithMapper(long id, String fn, List<?> args, Map<String, ?> kwargs)
      throws IOException {
    ByteArrayBuilder out = new ByteArrayBuilder(256);
    try (JsonGenerator g = M.createGenerator(out)) {
      g.writeStartObject();
      g.writeNumberField("id", id);
      g.writeStringField("fn", fn);
      g.writeFieldName("args");
      M.writeValue(g, args);
      g.writeFieldName("kwargs");
      M.writeValue(g, kwargs);
      g.writeEndObject();
      g.writeRaw('\n');
    }
    return out.toByteArray();
  }

  private static void assertSameEncoding(@Nullable Object value) throws IOException {
    List<@Nullable Object> args = Arrays.asList(value, value);
    Map<String, @Nullable Object> kwargs = new LinkedHashMap<>();
    kwargs.put("v", value);
    kwargs.put("w", Arrays.asList(value));
    byte[] expected = encodeWithMapper(42, "fn_ü", args, kwargs);
    byte[] actual = RequestEncoder.encode(42, "fn_ü", args, kwargs, "e").line();
    assertThat(new String(actual, StandardCharsets.UTF_8))
        .as("encoding of %s", describe(value))
        .isEqualTo(new String(expected, StandardCharsets.UTF_8));
  }

  @Test
  void plainArgumentsEncodeToTheMappersBytes() throws IOException {
    for (Object value : plainCorpus()) {
      assertSameEncoding(value);
    }
  }

  @Test
  void otherArgumentsEncodeThroughTheMapperWhereTheyOccur() throws IOException {
    for (Object value : mapperOnlyCorpus()) {
      assertSameEncoding(value);
    }
    assertThat(
            new String(
                RequestEncoder.encode(1, "f", List.of(new Point(5, "p")), Map.of(), "e").line(),
                StandardCharsets.UTF_8))
        .isEqualTo(
            "{\"id\":1,\"fn\":\"f\",\"args\":[{\"x_pos\":5,\"label\":\"p\"}],\"kwargs\":{}}\n");
  }

  @Test
  void anArgumentTheMapperRefusesIsStillInvalidJson() {
    Map<@Nullable String, Object> nullKey = new LinkedHashMap<>();
    nullKey.put(null, 1);
    assertThatThrownBy(() -> RequestEncoder.encode(1, "f", List.of(nullKey), Map.of(), "e1"))
        .isInstanceOf(InvalidJsonException.class)
        .hasMessageContaining("fn 'f' in env 'e1'");
  }

  private static List<String> replyCorpus() throws IOException {
    List<String> texts = new ArrayList<>();
    for (Object value : plainCorpus()) {
      texts.add(M.writeValueAsString(value));
    }
    // As Python's json writes them.
    texts.addAll(
        List.of(
            "[NaN, Infinity, -Infinity, 1e400, -0.0, 1E-5, 12345678901234567890123]",
            "{\"a\": {\"b\": [1, 2.0, \"\\u00e9\\ud83d\\ude00\\n\"]}, \"c\": null}",
            "{\"__bytes__\": true, \"b64\": \"AAEC/w==\"}",
            "{\"__bytes__\": true, \"b64\": \"AAEC\", \"other\": 1}",
            "{\"__bytes__\": false, \"b64\": \"AAEC\"}",
            "[{\"__bytes__\": true, \"b64\": \"\"}, 2147483648, -2147483649, 9223372036854775808]",
            "\"" + "x".repeat(10_000) + "\""));
    return texts;
  }

  @Test
  void untypedResultsReadAsTheMappersNaturalValues() throws IOException {
    for (String text : replyCorpus()) {
      byte[] json = text.getBytes(StandardCharsets.UTF_8);
      Object expected = M.readValue(json, Object.class);
      Object fromSpill = ResultDecoder.decode(RawResult.ofJson(json), null, "the test");
      Object typedAsObject =
          ResultDecoder.decode(
              RawResult.ofJson(json), M.getTypeFactory().constructType(Object.class), "the test");
      Object fromReply;
      try (var p = ReplyParsers.open(json, 0, json.length)) {
        p.nextToken();
        fromReply = NaturalValues.read(p);
      }
      assertThat(describe(fromSpill)).as(text).isEqualTo(describe(expected));
      assertThat(describe(typedAsObject)).as(text).isEqualTo(describe(expected));
      assertThat(describe(fromReply)).as(text).isEqualTo(describe(expected));
    }
  }

  @Test
  void treesReadAsTheMappersTrees() throws IOException {
    List<String> texts = new ArrayList<>(replyCorpus());
    texts.add(
        "{\"type\":\"hello\",\"protocol\":1,\"pid\":123,\"python\":\"3.11.7\",\"module\":\"m\","
            + "\"serializer\":\"json\",\"functions\":{\"compute\":\"(n: int) -> dict\"}}");
    texts.add(
        "{\"code\":\"not_found\",\"type\":\"AttributeError\",\"message\":\"no\","
            + "\"functions\":[\"a\",\"b\"],\"traceback\":\"\"}");
    for (String text : texts) {
      byte[] json = text.getBytes(StandardCharsets.UTF_8);
      assertThat(WireTrees.read(json, json.length)).as(text).isEqualTo(M.readTree(json));
    }
  }

  @Test
  void aSpilledTypedResultStillBindsBytesAndObjects() {
    byte[] json =
        "{\"data\":{\"__bytes__\":true,\"b64\":\"AQI=\"},\"extra\":{\"__bytes__\":true,\"b64\":\"Aw==\"}}"
            .getBytes(StandardCharsets.UTF_8);
    JavaType type = M.getTypeFactory().constructType(Blob.class);
    Blob blob = (Blob) ResultDecoder.decode(RawResult.ofJson(json), type, "the test");
    assertThat(blob.data()).containsExactly(1, 2);
    assertThat((byte[]) blob.extra()).containsExactly(3);
  }

  @Test
  void theUntypedResultTypeIsTheMappersObjectType() {
    assertThat(TypeFactory.defaultInstance().constructType(Object.class))
        .isEqualTo(M.getTypeFactory().constructType(Object.class));
  }

  /** The value with every leaf's class, so Integer 1 and Long 1 differ and byte[] compare. */
  private static String describe(@Nullable Object v) {
    if (v == null) {
      return "null";
    }
    if (v instanceof Map) {
      return ((Map<?, ?>) v)
          .entrySet().stream()
              .map(e -> e.getKey() + "=" + describe(e.getValue()))
              .collect(Collectors.joining(", ", v.getClass().getSimpleName() + "{", "}"));
    }
    if (v instanceof List) {
      return ((List<?>) v)
          .stream()
              .map(MapperFreeWireTest::describe)
              .collect(Collectors.joining(", ", v.getClass().getSimpleName() + "[", "]"));
    }
    if (v instanceof byte[]) {
      return "byte[]" + Arrays.toString((byte[]) v);
    }
    return v.getClass().getSimpleName() + ":" + v;
  }
}
