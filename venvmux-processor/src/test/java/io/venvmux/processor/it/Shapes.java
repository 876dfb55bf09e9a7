package io.venvmux.processor.it;

import com.fasterxml.jackson.annotation.JsonValue;
import io.venvmux.annotations.CallTimeout;
import io.venvmux.annotations.PyName;
import io.venvmux.annotations.VenvModule;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;

/** The typed client of typed_fixture.py, every kind of method and type the border knows. */
@VenvModule(value = "typed_fixture", env = "typed")
public interface Shapes {
  enum Color {
    RED,
    DARK_BLUE
  }

  /** Python's Level has int values: stubgen-style, the Java enum carries them. */
  enum Level {
    LOW(1),
    HIGH(2);

    private final int value;

    Level(int value) {
      this.value = value;
    }

    @JsonValue
    public int value() {
      return value;
    }
  }

  record Point(double x, double y) {}

  record Shape(
      String name,
      Color color,
      List<Point> corners,
      LocalDate created,
      Map<String, Point> tags,
      byte[] data,
      Optional<String> note) {}

  record Stamp(
      OffsetDateTime at,
      LocalDateTime naive,
      LocalDate day,
      LocalTime clock,
      Duration took,
      UUID id,
      Path path,
      BigDecimal amount) {}

  record Renamed(@PyName("xc") double x, String longName) {}

  String describe(Shape shape);

  /** Python's x is positional-only: it is passed by position. */
  int positional(int x);

  /** Python's (x, y="y", /, scale=1): positional-only first, in order, then keywords. */
  String positionalPair(long x, String y, long scale);

  String positionalPair(long x);

  CompletableFuture<String> positionalPairAsync(long x, String y);

  Shape echoShape(Shape shape);

  CompletableFuture<Shape> echoShapeAsync(Shape shape);

  List<Shape> makeShapes(int count, Color color);

  CompletableFuture<List<Shape>> makeShapesAsync(int count, Color color);

  Map<String, Shape> index(List<Shape> shapes);

  Stamp echoStamp(Stamp stamp);

  Stamp later(Stamp stamp, Duration by);

  OffsetDateTime now();

  Optional<Point> maybePoint(boolean present);

  CompletableFuture<Optional<Point>> maybePointAsync(boolean present);

  @PyName("legacy_name")
  int legacy(String text);

  String keywords(int maxIter, @PyName("from_") String from);

  Renamed flip(Renamed renamed);

  List<Level> levels(Level level);

  void nothing(int value);

  CompletableFuture<Void> nothingAsync(int value);

  @CallTimeout(500)
  String slow(double seconds);

  CompletableFuture<String> slowAsync(double seconds);

  String fail(String message);

  /** Stays the interface's own: the client does not touch default methods. */
  default String shout(Shape shape) {
    return describe(shape).toUpperCase();
  }

  static Point origin() {
    return new Point(0, 0);
  }
}
