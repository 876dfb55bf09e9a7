package io.venvmux.internal.codec;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.annotation.JsonValue;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Set;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;

/** Every row of docs/names-and-types.md's types table, both ways, through the one wire mapper. */
class WireMapperTest {
  private static final ObjectMapper M = WireMapper.mapper();

  record Item(String name, int nItems, double unitPrice) {}

  record Basket(
      List<Item> items, Map<String, Item> byName, Optional<String> note, @Nullable String label) {}

  record Flags(boolean isOn, char letter, short small, long big, BigInteger huge, float ratio) {}

  enum Color {
    RED,
    DARK_BLUE
  }

  enum Level {
    LOW("lo"),
    HIGH("HI");

    private final String wire;

    Level(String wire) {
      this.wire = wire;
    }

    @JsonValue
    String wire() {
      return wire;
    }
  }

  record Times(
      OffsetDateTime at,
      Instant instant,
      LocalDateTime naive,
      LocalDate day,
      LocalTime time,
      Duration took) {}

  record Misc(
      UUID id, Path path, BigDecimal amount, byte[] data, JsonNode extra, Object anything) {}

  private static String write(Object value) throws Exception {
    return M.writeValueAsString(value);
  }

  private static <T> T read(String json, Class<T> type) throws Exception {
    return M.readValue(json, type);
  }

  @Test
  void recordsAreObjectsWithSnakeCaseKeysButMapKeysStayAsTheyAre() throws Exception {
    Item apple = new Item("apple", 3, 0.5);
    Map<String, Item> byName = new LinkedHashMap<>();
    byName.put("bigApple", apple);
    Basket basket = new Basket(List.of(apple), byName, Optional.of("fresh"), null);

    String json = write(basket);

    assertThat(json)
        .isEqualTo(
            "{\"items\":[{\"name\":\"apple\",\"n_items\":3,\"unit_price\":0.5}],"
                + "\"by_name\":{\"bigApple\":{\"name\":\"apple\",\"n_items\":3,\"unit_price\":0.5}},"
                + "\"note\":\"fresh\",\"label\":null}");
    assertThat(read(json, Basket.class)).isEqualTo(basket);
  }

  @Test
  void scalarsRoundTrip() throws Exception {
    Flags flags = new Flags(true, 'x', (short) -3, 1L << 40, BigInteger.TWO.pow(100), 1.5f);
    String json = write(flags);
    assertThat(json)
        .isEqualTo(
            "{\"is_on\":true,\"letter\":\"x\",\"small\":-3,\"big\":1099511627776,"
                + "\"huge\":1267650600228229401496703205376,\"ratio\":1.5}");
    assertThat(read(json, Flags.class)).isEqualTo(flags);
  }

  @Test
  void listsSetsArraysAndMaps() throws Exception {
    assertThat(M.readValue("[[1,2],[3]]", new TypeReference<List<Set<Integer>>>() {}))
        .containsExactly(Set.of(1, 2), Set.of(3));
    assertThat(read("[1.5,2.5]", double[].class)).containsExactly(1.5, 2.5);
    assertThat(write(new int[] {1, 2})).isEqualTo("[1,2]");
    assertThat(M.readValue("{\"a_b\":[1]}", new TypeReference<Map<String, List<Long>>>() {}))
        .containsEntry("a_b", List.of(1L));
  }

  @Test
  void enumWithoutValueIsWrittenAsItsNameAndReadFromValueOrNameIgnoringCase() throws Exception {
    assertThat(write(Color.DARK_BLUE)).isEqualTo("\"DARK_BLUE\"");
    assertThat(read("\"red\"", Color.class)).isEqualTo(Color.RED);
    assertThat(read("\"Dark_Blue\"", Color.class)).isEqualTo(Color.DARK_BLUE);
    assertThatThrownBy(() -> read("\"green\"", Color.class))
        .isInstanceOf(MismatchedInputException.class);
  }

  @Test
  void anIntNeverPicksAnEnumConstantByOrdinal() {
    assertThatThrownBy(() -> read("1", Color.class)).isInstanceOf(MismatchedInputException.class);
  }

  @Test
  void enumWithJsonValueKeepsItsExactValue() throws Exception {
    assertThat(write(Level.HIGH)).isEqualTo("\"HI\"");
    assertThat(write(Level.LOW)).isEqualTo("\"lo\"");
    assertThat(read("\"lo\"", Level.class)).isEqualTo(Level.LOW);
  }

  @Test
  void timesAreIsoStringsWithTheirOffsetsKept() throws Exception {
    Times t =
        new Times(
            OffsetDateTime.of(2024, 5, 6, 7, 8, 9, 500_000_000, ZoneOffset.ofHours(2)),
            Instant.parse("2024-05-06T05:08:09Z"),
            LocalDateTime.of(2024, 5, 6, 7, 8, 9),
            LocalDate.of(2024, 2, 29),
            LocalTime.of(23, 59, 1),
            Duration.ofHours(1).plusMillis(500));
    String json = write(t);
    assertThat(json)
        .isEqualTo(
            "{\"at\":\"2024-05-06T07:08:09.5+02:00\",\"instant\":\"2024-05-06T05:08:09Z\","
                + "\"naive\":\"2024-05-06T07:08:09\",\"day\":\"2024-02-29\",\"time\":\"23:59:01\","
                + "\"took\":\"PT1H0.5S\"}");
    assertThat(read(json, Times.class)).isEqualTo(t);
  }

  @Test
  void readsWhatPythonsIsoformatWrites() throws Exception {
    // datetime.isoformat() of an aware datetime, with microseconds and +00:00 rather than Z.
    Times t =
        read(
            "{\"at\":\"2024-05-06T07:08:09.123456+05:30\",\"instant\":\"2024-05-06T05:08:09+00:00\","
                + "\"naive\":\"2024-05-06T07:08:09.000001\",\"day\":\"2024-02-29\",\"time\":\"23:59:01.250000\","
                + "\"took\":\"P1DT2H\"}",
            Times.class);
    assertThat(t.at().getOffset()).isEqualTo(ZoneOffset.ofHoursMinutes(5, 30));
    assertThat(t.at().getNano()).isEqualTo(123_456_000);
    assertThat(t.instant()).isEqualTo(Instant.parse("2024-05-06T05:08:09Z"));
    assertThat(t.naive().getNano()).isEqualTo(1000);
    assertThat(t.time()).isEqualTo(LocalTime.of(23, 59, 1, 250_000_000));
    assertThat(t.took()).isEqualTo(Duration.ofHours(26));
  }

  @Test
  void aDatetimeOfTheOtherKindNamesTheJavaTypeThatReadsIt() {
    assertThatThrownBy(() -> read("\"2024-06-01T12:00:00\"", OffsetDateTime.class))
        .isInstanceOf(MismatchedInputException.class)
        .hasMessageContaining("naive datetime")
        .hasMessageContaining("java.time.LocalDateTime")
        .hasMessageContaining("--datetime local");
    assertThatThrownBy(() -> read("\"2024-06-01T12:00:00+02:00\"", LocalDateTime.class))
        .isInstanceOf(MismatchedInputException.class)
        .hasMessageContaining("aware datetime")
        .hasMessageContaining("java.time.OffsetDateTime")
        .hasMessageContaining("--datetime offset");
    // other bad text keeps Jackson's own message
    assertThatThrownBy(() -> read("\"June\"", LocalDateTime.class))
        .isInstanceOf(MismatchedInputException.class)
        .hasMessageNotContaining("--datetime");
  }

  @Test
  void uuidPathBigDecimalBytesAndUntypedValues() throws Exception {
    UUID id = UUID.fromString("123e4567-e89b-12d3-a456-426614174000");
    Misc misc =
        new Misc(
            id,
            Path.of("/tmp/data file.txt"),
            new BigDecimal("12345678901234567890.000000001"),
            new byte[] {0, 1, -1, 42},
            M.readTree("{\"k\":[1,null]}"),
            Map.of("any", List.of(1, "two")));
    String json = write(misc);
    assertThat(json)
        .isEqualTo(
            "{\"id\":\"123e4567-e89b-12d3-a456-426614174000\",\"path\":\"/tmp/data file.txt\","
                + "\"amount\":\"12345678901234567890.000000001\","
                + "\"data\":{\"__bytes__\":true,\"b64\":\"AAH/Kg==\"},"
                + "\"extra\":{\"k\":[1,null]},\"anything\":{\"any\":[1,\"two\"]}}");
    Misc back = read(json, Misc.class);
    assertThat(back.id()).isEqualTo(id);
    assertThat(back.path()).isEqualTo(misc.path());
    assertThat(back.amount()).isEqualTo(misc.amount());
    assertThat(back.data()).containsExactly(0, 1, -1, 42);
    assertThat(back.extra()).isEqualTo(misc.extra());
    assertThat(back.anything()).isEqualTo(Map.of("any", List.of(1, "two")));
  }

  @Test
  void bigDecimalIsReadFromAStringOrANumber() throws Exception {
    assertThat(read("\"0.1\"", BigDecimal.class)).isEqualTo(new BigDecimal("0.1"));
    assertThat(read("0.1", BigDecimal.class)).isEqualTo(new BigDecimal("0.1"));
  }

  @Test
  void bytesMustBeTheBytesObject() throws Exception {
    assertThat(read("{\"__bytes__\":true,\"b64\":\"aGk=\"}", byte[].class))
        .isEqualTo("hi".getBytes());
    assertThatThrownBy(() -> read("{\"b64\":\"aGk=\"}", byte[].class))
        .isInstanceOf(MismatchedInputException.class)
        .hasMessageContaining("__bytes__");
    assertThatThrownBy(() -> read("{\"__bytes__\":true,\"b64\":\"!!\"}", byte[].class))
        .isInstanceOf(MismatchedInputException.class)
        .hasMessageContaining("base64");
    assertThat(
            M.readValue(
                "[{\"__bytes__\":true,\"b64\":\"\"}]", new TypeReference<List<byte[]>>() {}))
        .singleElement()
        .satisfies(b -> assertThat(b).isEmpty());
  }

  @Test
  void optionalAndNullAreNull() throws Exception {
    assertThat(write(Optional.empty())).isEqualTo("null");
    assertThat(write(OptionalInt.of(3))).isEqualTo("3");
    assertThat(M.readValue("null", new TypeReference<Optional<Item>>() {})).isEmpty();
    assertThat(M.readValue("\"x\"", new TypeReference<Optional<String>>() {})).contains("x");
  }

  @Test
  void nanAndInfinityAreBareTokensBothWays() throws Exception {
    assertThat(write(List.of(Double.NaN, Double.POSITIVE_INFINITY, Double.NEGATIVE_INFINITY)))
        .isEqualTo("[NaN,Infinity,-Infinity]");
    double[] back = read("[NaN,Infinity,-Infinity]", double[].class);
    assertThat(back[0]).isNaN();
    assertThat(back[1]).isEqualTo(Double.POSITIVE_INFINITY);
    assertThat(back[2]).isEqualTo(Double.NEGATIVE_INFINITY);
  }

  @Test
  void aNumberTooBigForItsJavaTypeIsAnErrorNeverAWrap() {
    String twoTo40 = "1099511627776";
    assertThatThrownBy(() -> read(twoTo40, int.class)).hasMessageContaining("out of range");
    assertThatThrownBy(() -> read(twoTo40, Integer.class)).hasMessageContaining("out of range");
    assertThatThrownBy(() -> read("9223372036854775808", long.class))
        .hasMessageContaining("out of range");
    assertThatThrownBy(() -> read("40000", short.class)).hasMessageContaining("out of range");
    assertThatThrownBy(() -> read("200", byte.class)).hasMessageContaining("out of range");
    assertThatThrownBy(() -> read("-129", Byte.class)).hasMessageContaining("out of range");
    assertThatThrownBy(() -> read("[" + twoTo40 + "]", int[].class))
        .hasMessageContaining("out of range");
    assertThatThrownBy(
            () -> read("{\"name\":\"a\",\"n_items\":" + twoTo40 + ",\"unit_price\":1}", Item.class))
        .hasMessageContaining("out of range");
  }

  @Test
  void aFloatIntoAnIntegerTypeIsAnError() {
    assertThatThrownBy(() -> read("1.0", int.class)).isInstanceOf(MismatchedInputException.class);
    assertThatThrownBy(() -> read("2.5", Long.class)).isInstanceOf(MismatchedInputException.class);
    assertThatThrownBy(() -> read("2.5", BigInteger.class))
        .isInstanceOf(MismatchedInputException.class);
  }

  @Test
  void numbersStringsAndBooleansDoNotTurnIntoEachOther() {
    assertThatThrownBy(() -> read("\"12\"", int.class))
        .isInstanceOf(MismatchedInputException.class);
    assertThatThrownBy(() -> read("12", String.class)).isInstanceOf(MismatchedInputException.class);
    assertThatThrownBy(() -> read("1.5", String.class))
        .isInstanceOf(MismatchedInputException.class);
    assertThatThrownBy(() -> read("1", boolean.class)).isInstanceOf(MismatchedInputException.class);
    assertThatThrownBy(() -> read("true", int.class)).isInstanceOf(MismatchedInputException.class);
  }

  @Test
  void anIntegerIntoAFloatingTypeIsFine() throws Exception {
    assertThat(read("3", double.class)).isEqualTo(3.0);
    assertThat(read("{\"name\":\"a\",\"n_items\":1,\"unit_price\":2}", Item.class).unitPrice())
        .isEqualTo(2.0);
  }

  @Test
  void aMissingRequiredRecordFieldIsAnError() {
    assertThatThrownBy(() -> read("{\"name\":\"a\",\"unit_price\":1}", Item.class))
        .isInstanceOf(MismatchedInputException.class)
        .hasMessageContaining("n_items");
    assertThatThrownBy(() -> read("{\"n_items\":1,\"unit_price\":1}", Item.class))
        .isInstanceOf(MismatchedInputException.class)
        .hasMessageContaining("name");
  }

  @Test
  void nullIntoAPrimitiveComponentIsAnError() {
    assertThatThrownBy(() -> read("{\"name\":\"a\",\"n_items\":null,\"unit_price\":1}", Item.class))
        .isInstanceOf(MismatchedInputException.class);
    assertThatThrownBy(() -> read("null", int.class)).isInstanceOf(MismatchedInputException.class);
  }

  @Test
  void optionalAndNullableComponentsMayBeAbsent() throws Exception {
    Basket b = read("{\"items\":[],\"by_name\":{}}", Basket.class);
    assertThat(b.note()).isEmpty();
    assertThat(b.label()).isNull();
  }

  @Test
  void unknownFieldsAreIgnored() throws Exception {
    Item item =
        read("{\"name\":\"a\",\"n_items\":1,\"unit_price\":1,\"colour\":\"red\"}", Item.class);
    assertThat(item).isEqualTo(new Item("a", 1, 1));
  }

  @Test
  void snakeCaseIsMechanical() {
    assertThat(SnakeCase.of("computeStats")).isEqualTo("compute_stats");
    assertThat(SnakeCase.of("maxIter")).isEqualTo("max_iter");
    assertThat(SnakeCase.of("nItems")).isEqualTo("n_items");
    assertThat(SnakeCase.of("userID")).isEqualTo("user_i_d");
    assertThat(SnakeCase.of("Already")).isEqualTo("already");
    assertThat(SnakeCase.of("x2y")).isEqualTo("x2y");
    assertThat(SnakeCase.of("snake_case")).isEqualTo("snake_case");
  }

  @Test
  void untypedResultsAreNaturalJavaValues() throws Exception {
    Object value = read("{\"a\":[1,2.5,\"s\",true,null]}", Object.class);
    assertThat(value).isEqualTo(Map.of("a", Arrays.asList(1, 2.5, "s", true, null)));
  }

  @Test
  void voidIgnoresWhateverValueCame() throws Exception {
    assertThat(read("{\"a\":[1]}", Void.class)).isNull();
    assertThat(read("null", Void.class)).isNull();
  }

  @Test
  void awareAndNaiveTimesDoNotTurnIntoEachOther() {
    assertThatThrownBy(() -> read("\"2024-05-06T07:08:09\"", OffsetDateTime.class))
        .isInstanceOf(MismatchedInputException.class);
    assertThatThrownBy(() -> read("\"2024-05-06T07:08:09\"", Instant.class))
        .isInstanceOf(MismatchedInputException.class);
    assertThatThrownBy(() -> read("\"2024-05-06T07:08:09+02:00\"", LocalDateTime.class))
        .isInstanceOf(MismatchedInputException.class);
  }

  @Test
  void objectInsideATypedValueReadsAsNaturalValuesWithBytes() throws Exception {
    Map<String, Object> value =
        M.readValue(
            "{\"blob\":{\"__bytes__\":true,\"b64\":\"aGk=\"},\"list\":[1,2147483648,1.5,null]}",
            new TypeReference<Map<String, Object>>() {});
    assertThat((byte[]) value.get("blob")).isEqualTo("hi".getBytes());
    assertThat(value.get("list")).isEqualTo(Arrays.asList(1, 2147483648L, 1.5, null));
  }
}
