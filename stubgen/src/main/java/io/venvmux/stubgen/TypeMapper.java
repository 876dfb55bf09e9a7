package io.venvmux.stubgen;

import com.fasterxml.jackson.databind.JsonNode;
import com.palantir.javapoet.ArrayTypeName;
import com.palantir.javapoet.ClassName;
import com.palantir.javapoet.ParameterizedTypeName;
import com.palantir.javapoet.TypeName;
import com.palantir.javapoet.TypeVariableName;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;
import java.util.function.Predicate;
import java.util.stream.Stream;

/**
 * Java types for the describe step's type trees, per docs/names-and-types.md.
 *
 * <p>Python's {@code int} becomes {@code long}: a Python int has no bound, and {@code long} holds
 * every value a 64-bit Python computation commonly returns, while a bigger one fails the call with
 * a clear error instead of wrapping (the wire mapper is strict). {@code datetime} becomes {@code
 * LocalDateTime} or {@code OffsetDateTime} as chosen ({@link DateTimes}, naive by default, as most
 * Python code makes them): a plain hint cannot tell an aware datetime from a naive one, while
 * pydantic's {@code AwareDatetime} and {@code NaiveDatetime} pick their type themselves. Whatever
 * has no Java counterpart (a union, {@code Any}, a class the wire does not know) becomes {@code
 * Object}, with a note saying why.
 */
final class TypeMapper {
  /** How Python's {@code datetime} is read: aware (with an offset) or naive. */
  enum DateTimes {
    /** {@code OffsetDateTime}: for aware datetimes ({@code datetime.now(timezone.utc)}). */
    OFFSET,
    /** {@code LocalDateTime}: for naive datetimes ({@code datetime.now()}), the default. */
    LOCAL
  }

  /**
   * A Java type, the notes that explain where it is looser than the Python hint, and the problems
   * that keep values of the hint from crossing at all (the function is then left out).
   */
  record Mapped(TypeName type, List<String> notes, List<String> problems) {
    Mapped {
      notes = List.copyOf(notes);
      problems = List.copyOf(problems);
    }

    Mapped(TypeName type, Notes notes) {
      this(type, new ArrayList<>(notes.approximations), new ArrayList<>(notes.problems));
    }
  }

  /** What mapping one hint found: approximations, and problems no Java type can solve. */
  static final class Notes {
    private final Set<String> approximations = new LinkedHashSet<>();
    private final Set<String> problems = new LinkedHashSet<>();

    void add(String approximation) {
      approximations.add(approximation);
    }

    void refuse(String problem) {
      problems.add(problem);
    }
  }

  private static final ClassName OBJECT = ClassName.get(Object.class);
  private static final ClassName STRING = ClassName.get(String.class);

  private final Function<String, ClassName> namedTypes;
  private final Predicate<String> isEnum;
  private final Function<String, List<String>> typeParameters;
  private final DateTimes dateTimes;
  private Predicate<String> isFlag = key -> false;

  /**
   * @param namedTypes the Java class generated for a key of the description's {@code types}
   * @param isEnum whether such a key names a Python enum
   * @param typeParameters the type parameters of such a key's type (empty unless generic)
   */
  TypeMapper(
      Function<String, ClassName> namedTypes,
      Predicate<String> isEnum,
      Function<String, List<String>> typeParameters,
      DateTimes dateTimes) {
    this.namedTypes = namedTypes;
    this.isEnum = isEnum;
    this.typeParameters = typeParameters;
    this.dateTimes = dateTimes;
  }

  /**
   * Makes a hint of a flag enum ({@code enum.Flag}, whose values combine: {@code Perm.R | Perm.W})
   * the set of its members, {@code EnumSet<Perm>}.
   *
   * @param isFlag whether a key of the description's {@code types} names a flag enum
   */
  TypeMapper withFlags(Predicate<String> isFlag) {
    this.isFlag = isFlag;
    return this;
  }

  /** The Java type Python's {@code datetime} maps to. */
  ClassName dateTimeType() {
    return ClassName.get(
        dateTimes == DateTimes.OFFSET ? OffsetDateTime.class : LocalDateTime.class);
  }

  /**
   * A function's result: {@code void} for None, {@code Optional<T>} for {@code Optional[T]}, {@code
   * Stream<T>} for a generator's {@code Iterator[T]}, {@code Generator[T, ...]}, {@code
   * AsyncIterator[T]} or {@code AsyncGenerator[T, ...]}.
   */
  Mapped result(JsonNode tree) {
    if (kind(tree).equals("none")) {
      return new Mapped(TypeName.VOID, new Notes());
    }
    if (kind(tree).equals("stream")) {
      Notes notes = new Notes();
      TypeName items = boxed(tree.get("items"), notes);
      return new Mapped(ParameterizedTypeName.get(ClassName.get(Stream.class), items), notes);
    }
    return optionalOrPlain(tree);
  }

  /** A parameter: {@code Optional[T]} becomes the boxed {@code T}, where null passes None. */
  Mapped parameter(JsonNode tree) {
    Notes notes = new Notes();
    TypeName type =
        kind(tree).equals("optional") ? boxed(tree.get("type"), notes) : plain(tree, notes);
    return new Mapped(type, notes);
  }

  /** A record component: {@code Optional<T>} when the value may be None or absent. */
  Mapped field(JsonNode tree, boolean required) {
    if (required || kind(tree).equals("optional")) {
      return optionalOrPlain(tree);
    }
    Notes notes = new Notes();
    return new Mapped(
        ParameterizedTypeName.get(ClassName.get(Optional.class), boxed(tree, notes)), notes);
  }

  private Mapped optionalOrPlain(JsonNode tree) {
    Notes notes = new Notes();
    TypeName type =
        kind(tree).equals("optional")
            ? ParameterizedTypeName.get(
                ClassName.get(Optional.class), boxed(tree.get("type"), notes))
            : plain(tree, notes);
    return new Mapped(type, notes);
  }

  private TypeName boxed(JsonNode tree, Notes notes) {
    TypeName type = plain(tree, notes);
    return type.isPrimitive() ? type.box() : type;
  }

  /** The type where it stands alone: primitives stay primitive. */
  private TypeName plain(JsonNode tree, Notes notes) {
    switch (kind(tree)) {
      case "primitive":
        return primitive(tree);
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
        if (!keyCrosses(tree.get("key"))) {
          notes.refuse(
              PythonTypes.render(tree)
                  + " cannot cross: JSON object keys are strings, and a "
                  + PythonTypes.render(tree.get("key"))
                  + " key has no string form Python reads back");
          return OBJECT;
        }
        return ParameterizedTypeName.get(
            ClassName.get(Map.class),
            mapKey(tree.get("key"), notes),
            boxed(tree.get("value"), notes));
      case "optional":
        return boxed(tree.get("type"), notes);
      case "literal":
        return literal(tree, notes);
      case "ref":
        return named(tree, notes);
      case "typevar":
        return TypeVariableName.get(tree.path("name").asText());
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

  /**
   * A generated type; a generic one with its arguments ({@code Page[User]} is {@code Page<User>}),
   * or {@code Object} for each where Python gives none.
   */
  private TypeName named(JsonNode tree, Notes notes) {
    String key = tree.path("ref").asText();
    ClassName name = namedTypes.apply(key);
    if (isFlag.test(key)) {
      return ParameterizedTypeName.get(ClassName.get(EnumSet.class), name);
    }
    List<String> params = typeParameters.apply(key);
    if (params.isEmpty()) {
      return name;
    }
    List<TypeName> args = new ArrayList<>();
    JsonNode given = tree.path("args");
    for (int i = 0; i < params.size(); i++) {
      args.add(given.has(i) ? boxed(given.get(i), notes) : OBJECT);
    }
    if (given.size() != params.size()) {
      notes.add(
          PythonTypes.render(tree)
              + " is generic but used without its type arguments: Object for "
              + String.join(", ", params));
    }
    return ParameterizedTypeName.get(name, args.toArray(TypeName[]::new));
  }

  private TypeName tupleItems(JsonNode tree, Notes notes) {
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

  private TypeName literal(JsonNode tree, Notes notes) {
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

  private TypeName primitive(JsonNode tree) {
    String name = tree.path("name").asText();
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
        return switch (tree.path("tz").asText("")) {
          case "aware" -> ClassName.get(OffsetDateTime.class);
          case "naive" -> ClassName.get(LocalDateTime.class);
          default -> dateTimeType();
        };
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

  /**
   * {@code str} keys are {@code String}, {@code int} keys {@code Long} and enum keys the enum (the
   * worker reads each back from the JSON key's text by the hint); any other key is a {@code
   * String}.
   */
  private TypeName mapKey(JsonNode key, Notes notes) {
    if (isStr(key)) {
      return STRING;
    }
    if (kind(key).equals("primitive") && key.path("name").asText().equals("int")) {
      return TypeName.LONG.box();
    }
    if (kind(key).equals("ref") && isEnum.test(key.path("ref").asText())) {
      return namedTypes.apply(key.path("ref").asText());
    }
    notes.add(
        "dict keys of type " + PythonTypes.render(key) + " cross as strings (JSON object keys)");
    return STRING;
  }

  /** Keys that have a string form: scalars, enums, Literals; not tuples or containers. */
  private static boolean keyCrosses(JsonNode tree) {
    return switch (kind(tree)) {
      case "primitive", "literal", "ref", "any" -> true;
      case "optional" -> keyCrosses(tree.get("type"));
      default -> false;
    };
  }

  private static boolean isStr(JsonNode tree) {
    return kind(tree).equals("primitive") && tree.path("name").asText().equals("str");
  }

  private static String kind(JsonNode tree) {
    return tree == null ? "any" : tree.path("kind").asText("any");
  }
}
