package io.venvmux.processor;

import static com.google.testing.compile.CompilationSubject.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import com.google.testing.compile.Compilation;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import javax.tools.JavaFileObject;
import org.junit.jupiter.api.Test;

/**
 * The generated source, word for word, for a few interfaces. After an intended change of the
 * generated code, regenerate with {@code VENVMUX_REGENERATE_GOLDEN=1 mvn -pl venvmux-processor test
 * -Dtest=GoldenTest} and review the diff.
 */
class GoldenTest {
  private static final Path GOLDEN = Path.of("src/test/resources/golden");
  private static final boolean REGENERATE = "1".equals(System.getenv("VENVMUX_REGENERATE_GOLDEN"));

  @Test
  void theDesignDocumentsCompute() throws IOException {
    Compilation c =
        Sources.compile(
            Sources.source(
                "Compute",
                "@VenvModule(value = \"yourpkg_v2.entry\", packages = {\"numpy>=2\"})",
                "public interface Compute {",
                "  record Result(String version, int n) {}",
                "  Result compute(int n);",
                "  CompletableFuture<Result> computeAsync(int n);",
                "  @PyName(\"legacy_name\") @CallTimeout(2000) int legacy(String text);",
                "}"));
    assertThat(c).succeededWithoutWarnings();
    assertGolden(c, "test.VenvMux_Compute", "VenvMux_Compute.java");
  }

  @Test
  void everyKindOfCallAndEnvSetting() throws IOException {
    Compilation c =
        Sources.compile(
            Sources.source(
                "Outer",
                "public class Outer {",
                "  public record Point(@PyName(\"px\") double xCoord, double yCoord) {}",
                "  @VenvModule(value = \"geo.shapes\", env = \"geo\", requirements ="
                    + " \"requirements.txt\",",
                "      project = \"py/geo\", python = \"3.12\", workerPaths = {\"src/main/python\","
                    + " \"lib\"}, workers = 3)",
                "  public interface Inner {",
                "    List<Map<String, Point>> computeStats(List<Point> points, int maxIter);",
                "    Optional<Point> nearest(Point p, @PyName(\"from_\") String from);",
                "    CompletableFuture<Optional<Point>> nearestAsync(Point p, @PyName(\"from_\")"
                    + " String from);",
                "    void reset();",
                "    CompletableFuture<Void> resetAsync();",
                "    byte[] render(double[] values);",
                "    Point[] corners(Point... points);",
                "    default int twice(int n) { return 2 * n; }",
                "    static Inner none() { return null; }",
                "  }",
                "}"));
    assertThat(c).succeededWithoutWarnings();
    assertGolden(c, "test.VenvMux_Outer_Inner", "VenvMux_Outer_Inner.java");
    assertGolden(c, "test.VenvMuxNames_Outer_Point", "VenvMuxNames_Outer_Point.java");
  }

  private static void assertGolden(Compilation c, String generatedClass, String goldenFile)
      throws IOException {
    JavaFileObject generated =
        c.generatedSourceFile(generatedClass)
            .orElseThrow(() -> new AssertionError("no " + generatedClass));
    String actual = generated.getCharContent(true).toString();
    Path golden = GOLDEN.resolve(goldenFile);
    if (REGENERATE) {
      Files.createDirectories(GOLDEN);
      Files.writeString(golden, actual, StandardCharsets.UTF_8);
    }
    assertThat(actual)
        .as("generated %s (regenerate with VENVMUX_REGENERATE_GOLDEN=1)", generatedClass)
        .isEqualTo(Files.readString(golden, StandardCharsets.UTF_8));
  }
}
