package io.venvmux.processor.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.venvmux.BadArgumentsException;
import io.venvmux.CallTimeoutException;
import io.venvmux.EnvSpec;
import io.venvmux.InvalidJsonException;
import io.venvmux.NotFoundException;
import io.venvmux.Pool;
import io.venvmux.RemoteException;
import io.venvmux.VenvMux;
import io.venvmux.processor.it.Shapes.Color;
import io.venvmux.processor.it.Shapes.Level;
import io.venvmux.processor.it.Shapes.Point;
import io.venvmux.processor.it.Shapes.Renamed;
import io.venvmux.processor.it.Shapes.Shape;
import io.venvmux.processor.it.Shapes.Stamp;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Generated clients calling typed_fixture.py in real workers, both directions, blocking and async.
 */
class TypedClientsTest {
  static final Path FIXTURES = Path.of("src/test/python").toAbsolutePath();
  private static Pool pool;
  private static Shapes shapes;

  static EnvSpec.Builder spec() {
    return EnvSpec.builder()
        .python(System.getProperty("venvmux.test.python", "python3"))
        .workerPaths(FIXTURES);
  }

  static Pool.Builder poolBuilder() {
    return Pool.builder()
        .home(Path.of(System.getProperty("venvmux.test.home", "target/venvmux-home")));
  }

  @BeforeAll
  static void start() {
    pool = poolBuilder().env("typed", spec().workers(2).build(), "typed_fixture").build();
    shapes = pool.bind(Shapes.class);
  }

  @AfterAll
  static void stop() {
    pool.close();
  }

  private static Shape square() {
    return new Shape(
        "square",
        Color.DARK_BLUE,
        List.of(new Point(0, 0), new Point(1, 0.5)),
        LocalDate.of(2024, 2, 29),
        Map.of("topLeft", new Point(0, 1)),
        new byte[] {0, 1, -1},
        Optional.empty());
  }

  private static void assertSameShape(Shape actual, Shape expected) {
    assertThat(actual).usingRecursiveComparison().isEqualTo(expected);
  }

  @Test
  void aRecordArrivesAsTheDataclassWithItsEnumDateBytesAndNestedRecords() {
    assertThat(shapes.describe(square()))
        .isEqualTo("square dark_blue 2 corners 2024-02-29 0001ff ['topLeft']");
  }

  @Test
  void positionalOnlyParametersArePassedByPosition() throws Exception {
    assertThat(shapes.positional(7)).isEqualTo(7);
    assertThat(shapes.positionalPair(2, "z", 3)).isEqualTo("6z");
    assertThat(shapes.positionalPair(2)).isEqualTo("2y");
    assertThat(shapes.positionalPairAsync(4, "w").get(60, TimeUnit.SECONDS)).isEqualTo("4w");
  }

  @Test
  void aRecordComesBackEqual() {
    assertSameShape(shapes.echoShape(square()), square());
    Shape noted =
        new Shape(
            "n",
            Color.RED,
            List.of(),
            LocalDate.of(2000, 1, 1),
            Map.of(),
            new byte[0],
            Optional.of("hi"));
    assertSameShape(shapes.echoShape(noted), noted);
  }

  @Test
  void listsAndMapsOfRecordsBothWays() {
    List<Shape> made = shapes.makeShapes(3, Color.RED);
    assertThat(made).extracting(Shape::name).containsExactly("s0", "s1", "s2");
    assertThat(made.get(2).color()).isEqualTo(Color.RED);
    assertThat(made.get(2).created()).isEqualTo(LocalDate.of(2024, 1, 3));
    assertThat(made.get(2).corners()).containsExactly(new Point(2, 0.5));
    assertThat(made.get(2).tags()).containsEntry("origin", new Point(0, 0));
    assertThat(made.get(2).data()).containsExactly(2, -1);
    assertThat(made.get(2).note()).isEmpty();

    Map<String, Shape> byName = shapes.index(made);
    assertThat(byName).containsOnlyKeys("s0", "s1", "s2");
    assertSameShape(byName.get("s1"), made.get(1));
  }

  @Test
  void asyncCallsReturnTheSameAsBlockingOnes() throws Exception {
    CompletableFuture<Shape> echoed = shapes.echoShapeAsync(square());
    CompletableFuture<List<Shape>> made = shapes.makeShapesAsync(2, Color.DARK_BLUE);
    assertSameShape(echoed.get(60, TimeUnit.SECONDS), square());
    assertThat(made.get(60, TimeUnit.SECONDS))
        .extracting(Shape::color)
        .containsOnly(Color.DARK_BLUE);
    assertThat(shapes.nothingAsync(1).get(60, TimeUnit.SECONDS)).isNull();
  }

  @Test
  void timesUuidPathAndDecimalCrossBothWays() {
    Stamp stamp =
        new Stamp(
            OffsetDateTime.of(2024, 5, 6, 7, 8, 9, 500_000_000, ZoneOffset.ofHours(-3)),
            LocalDateTime.of(2024, 5, 6, 7, 8, 9),
            LocalDate.of(1999, 12, 31),
            LocalTime.of(23, 59, 58),
            Duration.ofHours(1).plusMillis(500),
            UUID.fromString("123e4567-e89b-12d3-a456-426614174000"),
            Path.of("/data/in"),
            new BigDecimal("12345678901234567890.123456789"));
    assertThat(shapes.echoStamp(stamp)).isEqualTo(stamp);

    Stamp later = shapes.later(stamp, Duration.ofMinutes(90));
    assertThat(later.at()).isEqualTo(stamp.at().plusMinutes(90));
    assertThat(later.at().getOffset()).isEqualTo(ZoneOffset.ofHours(-3));
    assertThat(later.naive()).isEqualTo(stamp.naive().plusMinutes(90));
    assertThat(later.took()).isEqualTo(stamp.took().plusMinutes(90));
    assertThat(later.path()).isEqualTo(Path.of("/data/in/later"));
    assertThat(later.amount()).isEqualTo(new BigDecimal("-12345678901234567890.123456789"));
    assertThat(shapes.now())
        .isEqualTo(
            OffsetDateTime.of(2024, 5, 6, 7, 8, 9, 123_456_000, ZoneOffset.ofHoursMinutes(5, 30)));
  }

  @Test
  void optionalResults() throws Exception {
    assertThat(shapes.maybePoint(true)).contains(new Point(1, 2));
    assertThat(shapes.maybePoint(false)).isEmpty();
    assertThat(shapes.maybePointAsync(false).get(60, TimeUnit.SECONDS)).isEmpty();
    assertThat(shapes.maybePointAsync(true).get(60, TimeUnit.SECONDS)).contains(new Point(1, 2));
  }

  @Test
  void pyNamesOfMethodsParametersAndRecordComponents() {
    assertThat(shapes.legacy("four")).isEqualTo(4);
    assertThat(shapes.keywords(7, "java")).isEqualTo("java:7");
    assertThat(shapes.flip(new Renamed(1.5, "abc"))).isEqualTo(new Renamed(-1.5, "cba"));
  }

  @Test
  void enumsWithJsonValueKeepTheirExactValues() {
    assertThat(shapes.levels(Level.HIGH)).containsExactly(Level.LOW, Level.HIGH);
  }

  @Test
  void voidAndDefaultMethods() {
    shapes.nothing(3);
    assertThat(shapes.shout(square())).startsWith("SQUARE DARK_BLUE");
  }

  @Test
  void callTimeoutEndsTheCall() {
    assertThatThrownBy(() -> shapes.slow(30)).isInstanceOf(CallTimeoutException.class);
    assertThat(shapes.legacy("still serving")).isEqualTo(13);
  }

  @Test
  void cancellingAnAsyncCallFreesItsSlot() throws Exception {
    try (Pool one = poolBuilder().env("one", spec().workers(1).build(), "typed_fixture").build()) {
      Shapes single = VenvMux.bind(Shapes.class, one);
      CompletableFuture<String> busy = single.slowAsync(1);
      CompletableFuture<String> queued = single.slowAsync(120);
      CompletableFuture<Optional<Point>> queuedOptional = single.maybePointAsync(true);
      assertThat(queued.cancel(true)).isTrue();
      assertThat(queuedOptional.cancel(true)).isTrue();
      // Had the cancelled calls still run, the next one would wait two minutes behind them.
      CompletableFuture<Void> next = single.nothingAsync(0);
      assertThat(busy.get(60, TimeUnit.SECONDS)).isEqualTo("slept");
      assertThat(next.get(60, TimeUnit.SECONDS)).isNull();
      assertThat(queued).isCancelled();
    }
  }

  @Test
  void pythonExceptionsArriveAsRemoteException() {
    assertThatThrownBy(() -> shapes.fail("no luck"))
        .isInstanceOf(RemoteException.class)
        .hasMessageContaining("ValueError: no luck");
  }

  @Test
  void resultsThatDoNotFitTheJavaTypeAreErrors() {
    Strict strict = pool.bind(Strict.class);
    assertThatThrownBy(strict::bigNumber)
        .isInstanceOf(InvalidJsonException.class)
        .hasMessageContaining("out of range");
    assertThatThrownBy(strict::half).isInstanceOf(InvalidJsonException.class);
    assertThatThrownBy(strict::halfPoint)
        .isInstanceOf(InvalidJsonException.class)
        .hasMessageContaining("'y'");
    assertThatThrownBy(() -> strict.nothing(1)).isInstanceOf(InvalidJsonException.class);
  }

  @Test
  void bindingFailsEarlyListingEveryMissingFunction() {
    assertThatThrownBy(() -> pool.bind(Missing.class))
        .isInstanceOfSatisfying(
            NotFoundException.class,
            e -> {
              assertThat(e.getMessage())
                  .contains("lacks functions io.venvmux.processor.it.Missing calls:")
                  .contains("not_there (for Missing.notThere(), Missing.notThereAsync())")
                  .contains("also_missing (for Missing.alsoMissing(int))")
                  .doesNotContain("describe (for");
              assertThat(e.available())
                  .contains("describe", "legacy_name")
                  .doesNotContain("_check");
            });
  }

  @Test
  void bindingFailsEarlyListingEveryMethodWhoseKeywordsTheFunctionDoesNotTake() {
    assertThatThrownBy(() -> pool.bind(WrongParameters.class))
        .isInstanceOf(BadArgumentsException.class)
        .hasMessageContaining(
            "WrongParameters.describe(Shape) calls describe(shape: typed_fixture.Shape) -> str with"
                + " [s]: no parameter 's'; required parameter 'shape' is not passed")
        .hasMessageContaining(
            "WrongParameters.positionalPair(String, long) calls positional_pair(x: int, y: str ="
                + " 'y', /, scale: int = 1) -> str with [y, x]: parameter 'y' is positional-only,"
                + " so it is passed by position: declare [x, y] first, in this order")
        .satisfies(e -> assertThat(e.getMessage()).doesNotContain("options"));
  }

  @Test
  void theOneEnvServingTheModuleIsUsedWhenTheNamedEnvIsAbsent() {
    try (Pool other =
        poolBuilder().env("other", spec().workers(1).build(), "typed_fixture").build()) {
      Shapes s = other.bind(Shapes.class);
      assertThat(s.legacy("ab")).isEqualTo(2);
      assertThat(s.toString()).isEqualTo("Shapes client of module typed_fixture in env other");
      assertThat(other.envNames()).containsExactly("other");
    }
  }

  @Test
  void theNamedEnvMustServeTheInterfacesModule() {
    try (Pool wrong = poolBuilder().env("typed", spec().build(), "some_other.module").build()) {
      assertThatThrownBy(() -> wrong.bind(Shapes.class))
          .isInstanceOf(IllegalStateException.class)
          .hasMessageContaining("env 'typed' serves module 'some_other.module'")
          .hasMessageContaining("calls module 'typed_fixture'");
    }
  }

  @Test
  void severalEnvsServingTheModuleAreNotGuessedBetween() {
    try (Pool two =
        poolBuilder()
            .env("a", spec().build(), "typed_fixture")
            .env("b", spec().build(), "typed_fixture")
            .build()) {
      assertThatThrownBy(() -> two.bind(SelfContained.class))
          .isInstanceOf(IllegalStateException.class)
          .hasMessageContaining("envs [a, b] all serve module 'typed_fixture'")
          .hasMessageContaining("@VenvModule(env = ..)");
    }
  }

  @Test
  void aPoolWithoutTheEnvGetsOneBuiltFromTheAnnotation() {
    try (Pool empty = poolBuilder().build()) {
      SelfContained c = empty.bind(SelfContained.class);
      assertThat(c.legacyName("xyz")).isEqualTo(3);
      SelfContained.Nested nested = empty.bind(SelfContained.Nested.class);
      assertThat(nested.length("xy")).isEqualTo(2);
      assertThat(empty.envNames()).containsExactly("typed_fixture");
      assertThat(empty.venv("typed_fixture").module()).isEqualTo("typed_fixture");
    }
  }

  @Test
  void theDefaultPoolServesVenvMuxBindUntilShutdown() {
    try {
      SelfContained c = VenvMux.bind(SelfContained.class);
      assertThat(c.legacyName("hello")).isEqualTo(5);
      assertThat(VenvMux.bind(SelfContained.class).legacyName("")).isZero();
    } finally {
      VenvMux.shutdown();
    }
  }

  @Test
  void anInterfaceWithoutGeneratedClientSaysHowToEnableTheProcessor() {
    assertThatThrownBy(() -> pool.bind(Runnable.class))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("No generated client for java.lang.Runnable")
        .hasMessageContaining("<artifactId>venvmux-processor</artifactId>")
        .hasMessageContaining("<annotationProcessorPaths>");
  }

  @Test
  void asyncFailuresCompleteTheFutureExceptionally() {
    CompletableFuture<String> f = shapes.slowAsync(-1);
    assertThatThrownBy(() -> f.get(60, TimeUnit.SECONDS))
        .isInstanceOf(ExecutionException.class)
        .hasCauseInstanceOf(RemoteException.class);
  }
}
