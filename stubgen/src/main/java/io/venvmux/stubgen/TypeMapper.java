package io.venvmux.stubgen;

import com.fasterxml.jackson.databind.JsonNode;
import com.palantir.javapoet.ArrayTypeName;
import com.palantir.javapoet.ClassName;
import com.palantir.javapoet.ParameterizedTypeName;
import com.palantir.javapoet.TypeName;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Stream;

/**
 * Java types for the describe step's type trees, per DESIGN.md's "Types across the border".
 *
 * <p>Python's {@code int} becomes {@code long}: a Python int has no bound, and {@code long} holds
 * every value a 64-bit Python computation commonly returns, while a bigger one fails the call with
 * a clear error instead of wrapping (the wire mapper is strict). {@code datetime} becomes {@code
 * OffsetDateTime} or {@code LocalDateTime} as chosen ({@link DateTimes}): a hint cannot tell an
 * aware datetime from a naive one. Whatever has no Java counterpart (a union, {@code Any}, a class
 * the wire does not know) becomes {@code Object}, with a note saying why.
 */
final class TypeMapper {
  /** How Python's {@code datetime} is read: aware (with an offset) or naive. */
  enum DateTimes {
    /** {@code OffsetDateTime}: for aware datetimes ({@code datetime.now(timezone.utc)}). */
    OFFSET,
    /** {@code LocalDateTime}: for naive datetimes ({@code datetime.now()}). */
    LOCAL
  }

  /** A Java type and the notes that explain where it is looser than the Python hint. */
  record Mapped(TypeName type, List<String> notes) {
    Mapped {
      notes = List.copyOf(notes);
    }
  }

  private static final ClassName OBJECT = ClassName.get(Object.class);
  private static final ClassName STRING = ClassName.get(String.class);

  private final Function<String, ClassName> namedTypes;
  private final DateTimes dateTimes;

  /**
   * @param namedTypes the Java class generated for a key of the description's {@code types}
   */
  TypeMapper(Function<String, ClassName> namedTypes, DateTimes dateTimes) {
    this.namedTypes = namedTypes;
    this.dateTimes = dateTimes;
  }

  /** The Java type Python's {@code datetime} maps to. */
  ClassName dateTimeType() {
    return (ClassName) primitive("datetime");
  }

  /**
   * A function's result: {@code void} for None, {@code Optional<T>} for {@code Optional[T]}, {@code
   * Stream<T>} for a generator's {@code Iterator[T]}, {@code Generator[T, ...]}, {@code
   * AsyncIterator[T]} or {@code AsyncGenerator[T, ...]}.
   */
  Mapped result(JsonNode tree) {
    if (kind(tree).equals("none")) {
      return new Mapped(TypeName.VOID, List.of());
    }
    if (kind(tree).equals("stream")) {
      Set<String> notes = new LinkedHashSet<>();
      TypeName items = boxed(tree.get("items"), notes);
      return new Mapped(
          ParameterizedTypeName.get(ClassName.get(Stream.class), items), new ArrayList<>(notes));
    }
    return optionalOrPlain(tree);
  }

  /** A parameter: {@code Optional[T]} becomes the boxed {@code T}, where null passes None. */
  Mapped parameter(JsonNode tree) {
    Set<String> notes = new LinkedHashSet<>();
    TypeName type =
        kind(tree).equals("optional") ? boxed(tree.get("type"), notes) : plain(tree, notes);
    return new Mapped(type, new ArrayList<>(notes));
  }

  /** A record component: {@code Optional<T>} when the value may be None or absent. */
  Mapped field(JsonNode tree, boolean required) {
    if (required || kind(tree).equals("optional")) {
      return optionalOrPlain(tree);
    }
    Set<String> notes = new LinkedHashSet<>();
    return new Mapped(
        ParameterizedTypeName.get(ClassName.get(Optional.class), boxed(tree, notes)),
        new ArrayList<>(notes));
  }

  private Mapped optionalOrPlain(JsonNode tree) {
    Set<String> notes = new LinkedHashSet<>();
    TypeName type =
        kind(tree).equals("optional")
            ? ParameterizedTypeName.get(
                ClassName.get(Optional.class), boxed(tree.get("type"), notes))
            : plain(tree, notes);
    return new Mapped(type, new ArrayList<>(notes));
  }

  private TypeName boxed(JsonNode tree, Set<String> notes) {
    TypeName type = plain(tree, notes);
    return type.isPrimitive() ? type.box() : type;
  }

  /** The type where it stands alone: primitives stay primitive. */
  private TypeName plain(JsonNode tree, Set<String> notes) {
    switch (kind(tree)) {
      case "primitive":
        return primitive(tree.path("name").asText());
      case "list":
      case "stream":
        if (kind(tree).equals("stream")) {
          notes.add(
              PythonTypes.render(tree)
                  + " crosses as a list here: only a result streams its items");
        }
        return ParameterizedTypeName.get(
            ClassName.get(List.class), boxed(tree.get("items"), notes));
      case "set":
        return ParameterizedTypeName.get(ClassName.get(Set.class), boxed(tree.get("items"), notes));
      case "tuple":
        return ParameterizedTypeName.get(ClassName.get(List.class), tupleItems(tree, notes));
      case "dict":
        if (!isStr(tree.get("key"))) {
          notes.add(
              "dict keys of type "
                  + PythonTypes.render(tree.get("key"))
                  + " cross as strings (JSON object keys)");
        }
        return ParameterizedTypeName.get(
            ClassName.get(Map.class), STRING, boxed(tree.get("value"), notes));
      case "optional":
        return boxed(tree.get("type"), notes);
      case "literal":
        return literal(tree, notes);
      case "ref":
        return namedTypes.apply(tree.path("ref").asText());
      case "any":
        notes.add(
            PythonTypes.render(tree)
                + " is untyped: Object holds whatever crosses (Map, List, String, Number, Boolean,"
                + " null)");
        return OBJECT;
      case "none":
        notes.add("None as a type has no Java counterpart: Object");
        return OBJECT;
      default:
        notes.add(
            PythonTypes.render(tree) + " has no Java counterpart: Object holds whatever crosses");
        return OBJECT;
    }
  }

  private TypeName tupleItems(JsonNode tree, Set<String> notes) {
    Set<TypeName> items = new LinkedHashSet<>();
    for (JsonNode item : tree.path("items")) {
      items.add(boxed(item, notes));
    }
    if (items.size() == 1) {
      return items.iterator().next();
    }
    notes.add(PythonTypes.render(tree) + " mixes item types: a List of Object");
    return OBJECT;
  }

  private TypeName literal(JsonNode tree, Set<String> notes) {
    Set<String> kinds = new LinkedHashSet<>();
    for (JsonNode value : tree.path("values")) {
      kinds.add(
          value.isTextual()
              ? "str"
              : value.isIntegralNumber() ? "int" : value.isBoolean() ? "bool" : "other");
    }
    notes.add(PythonTypes.render(tree) + ": only these values are accepted");
    if (kinds.size() == 1) {
      switch (kinds.iterator().next()) {
        case "str":
          return STRING;
        case "int":
          return TypeName.LONG;
        case "bool":
          return TypeName.BOOLEAN;
        default:
          break;
      }
    }
    return OBJECT;
  }

  private TypeName primitive(String name) {
    switch (name) {
      case "int":
        return TypeName.LONG;
      case "float":
        return TypeName.DOUBLE;
      case "bool":
        return TypeName.BOOLEAN;
      case "str":
        return STRING;
      case "bytes":
        return ArrayTypeName.of(TypeName.BYTE);
      case "datetime":
        return ClassName.get(
            dateTimes == DateTimes.OFFSET ? OffsetDateTime.class : LocalDateTime.class);
      case "date":
        return ClassName.get(LocalDate.class);
      case "time":
        return ClassName.get(LocalTime.class);
      case "timedelta":
        return ClassName.get(Duration.class);
      case "decimal":
        return ClassName.get(BigDecimal.class);
      case "uuid":
        return ClassName.get(UUID.class);
      case "path":
        return ClassName.get(Path.class);
      default:
        throw new StubGenException(
            "the description names an unknown primitive type '"
                + name
                + "'; is the worker newer than stubgen?");
    }
  }

  private static boolean isStr(JsonNode tree) {
    return kind(tree).equals("primitive") && tree.path("name").asText().equals("str");
  }

  private static String kind(JsonNode tree) {
    return tree == null ? "any" : tree.path("kind").asText("any");
  }
}
