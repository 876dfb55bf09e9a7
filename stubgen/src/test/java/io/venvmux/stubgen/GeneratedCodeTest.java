package io.venvmux.stubgen;

import static org.assertj.core.api.Assertions.assertThat;

import javax.tools.Diagnostic;
import org.junit.jupiter.api.Test;

/**
 * What stubgen writes compiles under the venvmux annotation processor, and the client the processor
 * generates from it calls the fixture module in a real worker: records, enums with exact values,
 * optionals, bytes, dates and durations all cross both ways.
 */
class GeneratedCodeTest extends DriverTest {
  GeneratedCodeTest() {
    super(Fixtures.MODULE, "Driver", "--async", "--datetime", "offset");
  }

  @Test
  void compilesWithoutErrorsAndTheProcessorWroteTheClient() throws Exception {
    assertThat(build.diagnostics).noneMatch(d -> d.getKind() == Diagnostic.Kind.ERROR);
    assertThat(build.loader.loadClass("com.example.gen.VenvMux_Entry")).isNotNull();
    assertThat(build.loader.loadClass("com.example.gen.VenvMuxNames_Shape")).isNotNull();
  }

  @Test
  void onlyUntypedObjectsDrawWarnings() {
    // choose(..) takes a Union and an unannotated parameter: Object, which the processor flags
    assertThat(Javac.warnings(build.diagnostics))
        .isNotEmpty()
        .allSatisfy(w -> assertThat(w).contains("[VenvMuxUntyped]"));
  }

  @Test
  void recordsEnumsBytesAndTimesComeBackTyped() {
    assertThat(results.get("makeShape"))
        .isEqualTo(
            "sq DARK_BLUE [Point[x=0.0, y=0.0], Point[x=1.0, y=0.5], Point[x=2.0, y=1.0]]"
                + " 2024-02-29T12:30Z [0, 1, -1] Optional.empty 7 {corners=3}");
    assertThat(results.get("spanOf")).isEqualTo("Span[start=1, end=3]");
    assertThat(results.get("blob")).isEqualTo("[-1, 2, 1]");
    assertThat(results.get("makeShapeAsync")).isEqualTo("red");
  }

  @Test
  void recordsArriveInPythonAsTheirDataclasses() {
    assertThat(results.get("describeShape"))
        .isEqualTo("sq dark-blue 3 2024-02-29T12:30:00+00:00 0001ff");
  }

  @Test
  void optionalResultsAndOptionalKeys() {
    assertThat(results.get("find")).isEqualTo("Optional[Point[x=1.0, y=2.0]] Optional.empty");
    // the empty label is left out of the TypedDict, not sent as None
    assertThat(results.get("configure")).isEqualTo("{options={depth=2}, levels=[20]}");
  }

  @Test
  void enumValuesCrossExactlyEvenWhenMixedOrTuples() {
    assertThat(results.get("mixed")).isEqualTo("NUMBERED NAMED");
    assertThat(results.get("opposite")).isEqualTo("BOTTOM_RIGHT [0, 0]");
  }

  @Test
  void scalarsTuplesAndDefaultsWork() {
    assertThat(results.get("pair")).isEqualTo("[k, 2]");
    assertThat(results.get("until"))
        .isEqualTo("2024-01-02 90000.0 1.50 12345678-1234-5678-1234-567812345678 /srv/data");
    assertThat(results.get("httpStatus")).isEqualTo("true false");
    assertThat(results.get("scale")).isEqualTo("[3.0, 7.5]");
    assertThat(results.get("head")).isEqualTo("5");
    assertThat(results.get("later")).isEqualTo("later");
    assertThat(results.get("choose")).isEqualTo("returned");
  }
}
