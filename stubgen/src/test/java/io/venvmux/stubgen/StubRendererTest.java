package io.venvmux.stubgen;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.palantir.javapoet.JavaFile;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The fixture module, described by the real worker, rendered; key lines checked one by one. */
class StubRendererTest {
  private static ModuleDescription description;
  private static Map<String, String> sources;
  private static List<String> skipped;

  @BeforeAll
  static void render() {
    description = Fixtures.describe(Fixtures.MODULE);
    StubRenderer.Rendered rendered =
        new StubRenderer(
                "com.example.gen",
                "Entry",
                new ModuleSettings(
                    "3.11",
                    null,
                    List.of("req.txt"),
                    List.of("numpy>=2", "attrs"),
                    List.of("py"),
                    null),
                TypeMapper.DateTimes.OFFSET,
                false)
            .render(description);
    sources =
        rendered.files().stream()
            .collect(Collectors.toMap(f -> f.typeSpec().name(), JavaFile::toString));
    skipped = rendered.skipped();
  }

  private static String source(String name) {
    assertThat(sources).containsKey(name);
    return sources.get(name).replaceAll("\\s+", " ");
  }

  @Test
  void oneFilePerTypeTheFunctionsUse() {
    assertThat(sources.keySet())
        .containsExactlyInAnyOrder(
            "Entry", "Color", "Corner", "Level", "Mixed", "Point", "Shape", "Span", "Options");
  }

  @Test
  void interfaceCarriesTheModuleAndTheEnvSettings() {
    assertThat(source("Entry"))
        .contains(
            "@VenvModule( value = \"stubfix.entry\", packages = { \"numpy>=2\", \"attrs\" },"
                + " requirements = \"req.txt\", python = \"3.11\", workerPaths = \"py\" )")
        .contains("@Generated(\"io.venvmux.stubgen.StubGen\") public interface Entry {")
        .contains("Python {@code int} is {@code long} here")
        .contains("Python {@code datetime} is {@code OffsetDateTime}.");
  }

  @Test
  void methodsFollowTheHints() {
    String entry = source("Entry");
    assertThat(entry)
        .contains("Shape makeShape(String name, Color color, long cornerCount);")
        .contains("String describeShape(Shape shape);")
        .contains("Optional<Point> find(String name);")
        .contains("Span spanOf(List<Long> values);")
        .contains("Map<String, Object> configure(Options options, Set<Level> levels);")
        .contains("Mixed mixed(Mixed value);")
        .contains("List<Object> pair(String key, long count);")
        .contains(
            "String until(LocalDate start, Duration took, BigDecimal amount, UUID id, Path where);")
        .contains("void choose(String mode, Object either, Object anything);")
        .contains("List<Double> scale(List<Double> values, double factor);")
        .contains("String later(double delay);")
        .contains("byte[] blob(byte[] data);");
  }

  @Test
  void pythonNamesThatDoNotFollowFromJavaOnesGetPyName() {
    assertThat(source("Entry")).contains("@PyName(\"HTTP_status\") boolean httpStatus(long code);");
    assertThat(source("Shape")).contains("@PyName(\"user_ID\") long userId");
  }

  @Test
  void positionalOnlyParametersAreKeptAndVariadicOnesLeftOutAndSaidSo() {
    String entry = source("Entry");
    assertThat(entry)
        .contains("long head(long first, long second);")
        .contains("long head(long first);")
        .contains("long head();")
        .contains("long tail(Object first);");
    assertThat(skipped).isEmpty();
    assertThat(entry).contains("Not passed (a Java method has fixed parameters): *rest, **named.");
  }

  @Test
  void javadocKeepsDocstringsSignaturesDefaultsAndWhyAnObject() {
    String entry = source("Entry");
    assertThat(entry)
        .contains("Makes a shape with corners on a line.")
        .contains(
            "@param cornerCount Python: <code>corner_count: int</code>, default <code>3</code>")
        .contains("Union[int, str] has no Java counterpart: Object")
        .contains("@param anything Python: <code>anything: Any</code>, default <code>None</code>")
        .contains("<code>async def later(delay: float) -&gt; str</code> (the worker awaits it)");
  }

  @Test
  void dataclassesBecomeRecordsWithCamelCaseComponents() {
    assertThat(source("Shape"))
        .contains("A named shape.")
        .contains(
            "public record Shape(String name, Color color, List<Point> corners, OffsetDateTime"
                + " created, byte[] data, Optional<String> note, @PyName(\"user_ID\") long userId,"
                + " Map<String, Long> tags) {");
    assertThat(source("Point")).contains("public record Point(double x, double y) {");
    assertThat(source("Span"))
        .contains("namedtuple")
        .contains("public record Span(long start, long end) {");
  }

  @Test
  void typedDictKeysThatMayBeMissingAreOptionalsLeftOutWhenEmpty() {
    assertThat(source("Options"))
        .contains(
            "public record Options(@JsonInclude(JsonInclude.Include.NON_ABSENT) Optional<Long>"
                + " depth, @JsonInclude(JsonInclude.Include.NON_ABSENT) Optional<String> label)");
  }

  @Test
  void enumsCarryTheExactPythonValues() {
    assertThat(source("Color"))
        .contains("RED(\"red\"), DARK_BLUE(\"dark-blue\");")
        .contains("@JsonValue public String value()")
        .contains(
            "@JsonCreator( mode = JsonCreator.Mode.DELEGATING ) public static Color of(String"
                + " value)");
    assertThat(source("Level"))
        .contains("LOW(1L), HIGH(20L);")
        .contains("public static Level of(long value)");
    assertThat(source("Mixed"))
        .contains("NAMED(\"named\"), NUMBERED(2L);")
        .contains("private final Object value;");
  }

  @Test
  void naiveDatetimesCanBeChosen() {
    StubRenderer local =
        new StubRenderer(
            "com.example.gen", "Entry", ModuleSettings.none(), TypeMapper.DateTimes.LOCAL, true);
    String shape =
        local.render(description).files().stream()
            .filter(f -> f.typeSpec().name().equals("Shape"))
            .findFirst()
            .orElseThrow()
            .toString();
    assertThat(shape).contains("LocalDateTime created").doesNotContain("OffsetDateTime");
  }

  @Test
  void asyncTwinsCallTheSameFunction() {
    StubRenderer twins =
        new StubRenderer(
            "com.example.gen", "Entry", ModuleSettings.none(), TypeMapper.DateTimes.OFFSET, true);
    String entry = twins.render(description).files().get(0).toString().replaceAll("\\s+", " ");
    assertThat(entry)
        .contains(
            "CompletableFuture<Shape> makeShapeAsync(String name, Color color, long cornerCount);")
        .contains("@PyName(\"HTTP_status\") CompletableFuture<Boolean> httpStatusAsync(long code);")
        .contains("CompletableFuture<Void> chooseAsync(")
        .contains("@VenvModule(\"stubfix.entry\")");
  }

  @Test
  void badJavaNamesAreRefusedBeforeAnythingRuns() {
    assertThatThrownBy(
            () ->
                new StubRenderer(
                    "com.1bad", "Entry", ModuleSettings.none(), TypeMapper.DateTimes.OFFSET, false))
        .isInstanceOf(StubGenException.class)
        .hasMessageContaining("'com.1bad' is not a Java package name");
    assertThatThrownBy(
            () ->
                new StubRenderer(
                    "com.ok", "class", ModuleSettings.none(), TypeMapper.DateTimes.OFFSET, false))
        .isInstanceOf(StubGenException.class)
        .hasMessageContaining("'class' is not a Java type name");
    assertThatThrownBy(
            () ->
                new StubRenderer(
                    "com.ok", "String", ModuleSettings.none(), TypeMapper.DateTimes.OFFSET, false))
        .isInstanceOf(StubGenException.class)
        .hasMessageContaining("would shadow the JDK or venvmux type");
    assertThat(TypeNamer.unreserved(JavaNames.interfaceFor("pkg.path"))).isEqualTo("PyPath");
  }
}
