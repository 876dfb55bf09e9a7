package io.venvmux.stubgen;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** A Python Flag becomes a {@code @PyFlag} enum of its single members, used as an EnumSet. */
class FlagStubsTest {
  private static Map<String, String> sources;

  @BeforeAll
  static void render() {
    StubRenderer.Rendered rendered =
        new StubRenderer(
                "com.example.gen",
                "Roundtrip",
                new ModuleSettings(null, null, List.of(), List.of(), List.of(), null),
                TypeMapper.DateTimes.LOCAL,
                false)
            .render(Fixtures.describe("stubfix.roundtrip"));
    sources =
        rendered.files().stream()
            .collect(
                Collectors.toMap(
                    f -> f.typeSpec().name(), f -> f.toString().replaceAll("\\s+", " ")));
  }

  @Test
  void aFlagIsAnAnnotatedEnumOfItsSingleMembers() {
    assertThat(sources.get("Perm"))
        .contains("@PyFlag")
        .contains("public enum Perm {")
        .contains("R(1L), W(2L), X(4L);")
        .doesNotContain("RW")
        .contains("an {@code EnumSet<Perm>} of these single members");
  }

  @Test
  void hintsOfTheFlagAreSetsOfItsMembers() {
    assertThat(sources.get("Roundtrip"))
        .contains("EnumSet<Perm> toggle(EnumSet<Perm> perm);")
        .contains("List<String> permNames(EnumSet<Perm> perm);")
        .contains("EnumSet<Perm> noPerms();")
        .contains("Access accessOf(EnumSet<Perm> perm);");
  }

  @Test
  void aPlainEnumStaysAsItIs() {
    assertThat(sources.get("Access")).doesNotContain("PyFlag").contains("READ(1L), WRITE(2L);");
  }
}
