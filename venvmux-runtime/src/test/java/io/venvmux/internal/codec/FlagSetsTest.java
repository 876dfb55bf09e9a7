package io.venvmux.internal.codec;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.annotation.JsonValue;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.venvmux.InvalidJsonException;
import io.venvmux.annotations.PyFlag;
import io.venvmux.internal.wire.RequestEncoder;
import java.nio.charset.StandardCharsets;
import java.util.EnumSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** Sets of a {@code @PyFlag} enum are Python's combined Flag value, an int, both ways. */
class FlagSetsTest {
  private static final ObjectMapper M = WireMapper.mapper();

  @PyFlag
  enum Perm {
    R(1),
    W(2),
    X(4);

    private final long value;

    Perm(long value) {
      this.value = value;
    }

    @JsonValue
    long value() {
      return value;
    }
  }

  enum Color {
    RED,
    BLUE
  }

  record Entry(String path, EnumSet<Perm> perms, Set<Perm> mask, Set<Color> colors) {}

  @PyFlag
  enum Named {
    A,
    B
  }

  @Test
  void aCombinationIsTheOrOfItsMembersValues() throws Exception {
    assertThat(M.writeValueAsString(EnumSet.of(Perm.R, Perm.W))).isEqualTo("3");
    assertThat(M.writeValueAsString(EnumSet.of(Perm.X))).isEqualTo("4");
    assertThat(M.writeValueAsString(EnumSet.noneOf(Perm.class))).isEqualTo("0");
    assertThat(M.writeValueAsString(Set.of(Perm.W, Perm.X))).isEqualTo("6");
    assertThat(M.writeValueAsString(new LinkedHashSet<>(List.of(Perm.R)))).isEqualTo("1");
  }

  @Test
  void anIntReadsBackIntoTheMembersItCombines() throws Exception {
    assertThat(M.readValue("3", new TypeReference<EnumSet<Perm>>() {}))
        .containsExactly(Perm.R, Perm.W);
    assertThat(M.readValue("7", new TypeReference<Set<Perm>>() {}))
        .containsExactlyInAnyOrder(Perm.R, Perm.W, Perm.X);
    assertThat(M.readValue("0", new TypeReference<EnumSet<Perm>>() {})).isEmpty();
    assertThat(M.readValue("4", new TypeReference<Set<Perm>>() {})).containsExactly(Perm.X);
  }

  @Test
  void anArrayOfMembersStillReads() throws Exception {
    assertThat(M.readValue("[1, 4]", new TypeReference<EnumSet<Perm>>() {}))
        .containsExactly(Perm.R, Perm.X);
  }

  @Test
  void flagSetsInRecordsAndListsCrossBothWays() throws Exception {
    Entry entry = new Entry("/a", EnumSet.of(Perm.R, Perm.X), Set.of(Perm.W), Set.of(Color.BLUE));
    String json = M.writeValueAsString(entry);
    assertThat(json).isEqualTo("{\"path\":\"/a\",\"perms\":5,\"mask\":2,\"colors\":[\"BLUE\"]}");
    assertThat(M.readValue(json, Entry.class)).isEqualTo(entry);
    assertThat(M.readValue("[3, 0]", new TypeReference<List<EnumSet<Perm>>>() {}))
        .containsExactly(EnumSet.of(Perm.R, Perm.W), EnumSet.noneOf(Perm.class));
  }

  @Test
  void setsOfOtherEnumsStayArrays() throws Exception {
    assertThat(M.writeValueAsString(EnumSet.of(Color.RED, Color.BLUE)))
        .isEqualTo("[\"RED\",\"BLUE\"]");
    assertThat(M.writeValueAsString(List.of(Perm.R, Perm.W))).isEqualTo("[1,2]");
    assertThat(M.readValue("[\"red\"]", new TypeReference<EnumSet<Color>>() {}))
        .containsExactly(Color.RED);
  }

  @Test
  void anUnknownBitFailsNamingTheValueAndTheEnum() {
    assertThatThrownBy(() -> M.readValue("9", new TypeReference<EnumSet<Perm>>() {}))
        .hasMessageContaining("9 is no combination of Perm's flags (R=1, W=2, X=4)")
        .hasMessageContaining("bits 8 have no member");
    assertThatThrownBy(() -> M.readValue("-1", new TypeReference<Set<Perm>>() {}))
        .hasMessageContaining("Perm's flags");
    assertThatThrownBy(
            () -> M.readValue("123456789012345678901234", new TypeReference<Set<Perm>>() {}))
        .hasMessageContaining("too big for the flags of");
  }

  @Test
  void argumentsAreWrittenAsTheirInts() {
    String line =
        new String(
            RequestEncoder.encode(
                    1,
                    "chmod",
                    List.of(EnumSet.of(Perm.R, Perm.W)),
                    Map.of("mask", EnumSet.noneOf(Perm.class)),
                    "env")
                .line(),
            StandardCharsets.UTF_8);
    assertThat(line).contains("\"args\":[3]").contains("\"kwargs\":{\"mask\":0}");
  }

  @Test
  void aFlagEnumWithoutIntValuesIsRefusedByName() {
    assertThatThrownBy(
            () -> RequestEncoder.encode(1, "f", List.of(EnumSet.of(Named.A)), Map.of(), "env"))
        .isInstanceOf(InvalidJsonException.class)
        .hasMessageContaining("@PyFlag enum")
        .hasMessageContaining("constant A crosses as \"A\", not a positive int");
  }
}
