package io.venvmux.stubgen;

import static org.assertj.core.api.Assertions.assertThat;

import com.palantir.javapoet.JavaFile;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Python names and types that clash with Java ones (keywords, JDK class names, the interface's
 * name, Object's methods, look-alike functions, non-scalar enum values): the output still compiles
 * under the processor and keeps every Python name reachable.
 */
class EdgeCasesTest {
  @TempDir static Path work;
  private static Map<String, String> sources;
  private static List<String> warnings;

  @BeforeAll
  static void renderAndCompile() throws IOException {
    List<JavaFile> files =
        new StubRenderer(
                "com.example.edges",
                "Edges",
                ModuleSettings.none(),
                TypeMapper.DateTimes.OFFSET,
                true)
            .render(Fixtures.describe("stubfix.edges"))
            .files();
    for (JavaFile file : files) {
      file.writeToPath(work.resolve("src"));
    }
    sources =
        files.stream()
            .collect(
                Collectors.toMap(
                    f -> f.typeSpec().name(), f -> f.toString().replaceAll("\\s+", " ")));
    warnings = Javac.warnings(Javac.compile(work.resolve("src"), work.resolve("classes"))).toList();
  }

  @Test
  void typeNamesNeverShadowJdkTypesOrTheInterface() {
    assertThat(sources.keySet())
        .containsExactlyInAnyOrder(
            "Edges",
            "PyPath",
            "StubfixEdgesEdges",
            "OuterInner",
            "Inner",
            "Tree",
            "Corner",
            "Ratio",
            "Flag",
            "Nameless");
    assertThat(sources.get("Edges"))
        .contains(
            "shapes(PyPath path, StubfixEdgesEdges edges, OuterInner outer, Inner inner, Tree"
                + " tree)");
    assertThat(sources.get("PyPath")).contains("public record PyPath(Path where)");
  }

  @Test
  void javaKeywordsAndLookAlikeFunctionsKeepTheirPythonNames() {
    String edges = sources.get("Edges");
    assertThat(edges)
        .contains("@PyName(\"default\") long default_(long x);")
        .contains("@PyName(\"getX\") long getX();")
        .contains("@PyName(\"get_x\") long getX2();")
        .contains("@PyName(\"hash_code\") long hashCode_();")
        .contains(
            "Map<String, Long> keyed(Map<Long, String> byNumber, @PyName(\"_private\") long"
                + " private_);")
        // int keys are Long: the worker reads them back from the JSON key's text
        .contains("Map<String, Long> keyed(Map<Long, String> byNumber);")
        .doesNotContain("dict keys of type int cross as strings");
  }

  @Test
  void componentsThatWouldOverrideObjectMethodsAreRenamed() {
    assertThat(sources.get("StubfixEdgesEdges"))
        .contains(
            "record StubfixEdgesEdges(@PyName(\"hash_code\") long hashCode_, @PyName(\"to_string\")"
                + " String toString_)");
  }

  @Test
  void enumsWithoutScalarValuesCrossByName() {
    assertThat(sources.get("Corner"))
        .contains("TOP_LEFT(List.of(0L, 0L)), BOTTOM_RIGHT(List.of(1L, 1L));")
        .contains("private final Object value;");
    assertThat(sources.get("Nameless"))
        .contains("public enum Nameless { none, Plenty }")
        .doesNotContain("@JsonValue")
        .contains("cross by name");
    assertThat(sources.get("Ratio"))
        .contains("HALF(0.5d), WHOLE(1.0d);")
        .contains("public static Ratio of(double value)");
    assertThat(sources.get("Flag")).contains("ON(\"on\"), ON2(\"ON\");");
  }

  @Test
  void collectionsAndOptionalsNest() {
    assertThat(sources.get("Edges"))
        .contains("List<Long> shapes(")
        .contains("Set<Corner> enums(Corner corner, Ratio ratio, Flag flag, Nameless nameless);")
        .contains(
            "Optional<Map<String, List<byte[]>>> seq(List<Double> values, List<Double> pair, Long"
                + " nothing);");
    assertThat(sources.get("Tree")).contains("record Tree(String label, List<Tree> children)");
  }

  @Test
  void typedOutputDrawsNoWarnings() {
    assertThat(warnings).isEmpty();
  }
}
