package io.venvmux.stubgen;

import static org.assertj.core.api.Assertions.assertThat;

import javax.tools.Diagnostic;
import org.junit.jupiter.api.Test;

/**
 * stubgen with default options on a module written as third-party code commonly is: the Java
 * compiles without edits, and each call returns what Python returns when called directly (the
 * expected texts are Python's values in Java's spelling).
 */
class RoundTripTest extends DriverTest {
  RoundTripTest() {
    super("stubfix.roundtrip", "RoundTripDriver");
  }

  @Test
  void compilesWithoutErrors() {
    assertThat(build.diagnostics).noneMatch(d -> d.getKind() == Diagnostic.Kind.ERROR);
  }

  @Test
  void naiveDatetimesWorkByDefault() {
    // datetime(2024, 6, 1, 12); datetime(2024, 6, 1, 23) + timedelta(hours=2)
    assertThat(results.get("stamp")).isEqualTo("2024-06-01T12:00");
    assertThat(results.get("now")).isEqualTo("true");
    assertThat(results.get("shift")).isEqualTo("2024-06-02T01:00");
  }

  @Test
  void untypedValuesComeBackAsNaturalValues() {
    // {"got": [1, "a"]}
    assertThat(results.get("rawPayload")).isEqualTo("{got=[1, a]}");
  }

  @Test
  void shortOverloadsLeaveDefaultsToPython() {
    // users(1), users(1, 3), users(0, 1, prefix="u")
    assertThat(results.get("users")).isEqualTo("[user2, user3] [user3, user4, user5] [u0]");
  }

  @Test
  void positionalOnlyParametersArePassedByPosition() {
    // kinds(1, "y", c=True)
    assertThat(results.get("kinds")).isEqualTo("1 y True []");
  }

  @Test
  void integerKeysCrossAsLongs() {
    // relabel({1: "a", 2: "b"})
    assertThat(results.get("relabel")).isEqualTo("{2=a!, 3=b!}");
  }

  @Test
  void genericDataclassesAreGenericRecordsBothWays() {
    // Page([User("u0", 20), User("u1", 21)], User("u0", 20), 2); oldest(that page)
    assertThat(results.get("userPage"))
        .isEqualTo(
            "Page[items=[User[name=u0, age=20], User[name=u1, age=21]],"
                + " first=Optional[User[name=u0, age=20]], total=2]");
    assertThat(results.get("oldest")).isEqualTo("User[name=u1, age=21]");
  }

  @Test
  void notRequiredKeysOfAnInheritedTypedDictKeepTheirType() {
    // retag({"id": 1}) == {"id": 2, "tags": ["seen"]}
    assertThat(results.get("retag")).isEqualTo("Tagged[id=2, tags=Optional[[seen]]]");
  }

  @Test
  void flagEnumsCrossAsCombinationsBothWays() {
    // toggle(Perm.R | Perm.W), toggle(Perm.X), toggle(Perm(0)), toggle(Perm.R | Perm.W | Perm.X)
    assertThat(results.get("toggle")).isEqualTo("[R, W, X] [] [X] [R, W]");
    // perm_names(Perm.R | Perm.X); no_perms(); access_of(Perm.W), access_of(Perm.R)
    assertThat(results.get("permNames")).isEqualTo("[R, X]");
    assertThat(results.get("noPerms")).isEqualTo("[]");
    assertThat(results.get("accessOf")).isEqualTo("WRITE READ");
  }
}
