package io.venvmux.stubgen;

import static org.assertj.core.api.Assertions.assertThat;

import io.venvmux.Pool;
import java.io.IOException;
import java.io.InputStream;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import javax.tools.Diagnostic;
import javax.tools.JavaFileObject;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What stubgen writes compiles under the venvmux annotation processor, and the client the processor
 * generates from it calls the fixture module in a real worker: records, enums with exact values,
 * optionals, bytes, dates and durations all cross both ways.
 */
class GeneratedCodeTest {
  @TempDir static Path work;

  private static final List<Diagnostic<? extends JavaFileObject>> diagnostics = new ArrayList<>();
  private static URLClassLoader loader;
  private static Pool pool;
  private static Map<String, String> results;

  @BeforeAll
  @SuppressWarnings("unchecked")
  static void generateCompileAndCall() throws Exception {
    Path src = work.resolve("src");
    assertThat(StubGen.run(Fixtures.cliArgs(src, "--async"))).isZero();
    try (InputStream driver = GeneratedCodeTest.class.getResourceAsStream("/driver/Driver.java")) {
      Files.write(src.resolve("com/example/gen/Driver.java"), driver.readAllBytes());
    }
    Path classes = work.resolve("classes");
    diagnostics.addAll(Javac.compile(src, classes));
    loader =
        new URLClassLoader(
            new URL[] {classes.toUri().toURL()}, GeneratedCodeTest.class.getClassLoader());
    pool =
        Pool.builder()
            .home(Fixtures.home())
            .env("stubfix", Fixtures.spec(), Fixtures.MODULE)
            .build();
    Function<Pool, Map<String, String>> run =
        (Function<Pool, Map<String, String>>)
            loader.loadClass("com.example.gen.Driver").getConstructor().newInstance();
    results = run.apply(pool);
  }

  @AfterAll
  static void stop() throws IOException {
    if (pool != null) {
      pool.close();
    }
    if (loader != null) {
      loader.close();
    }
  }

  @Test
  void compilesWithoutErrorsAndTheProcessorWroteTheClient() throws Exception {
    assertThat(diagnostics).noneMatch(d -> d.getKind() == Diagnostic.Kind.ERROR);
    assertThat(loader.loadClass("com.example.gen.VenvMux_Entry")).isNotNull();
    assertThat(loader.loadClass("com.example.gen.VenvMuxNames_Shape")).isNotNull();
  }

  @Test
  void onlyUntypedObjectsDrawWarnings() {
    // choose(..) takes a Union and an unannotated parameter: Object, which the processor flags
    assertThat(Javac.warnings(diagnostics))
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
