package io.venvmux.processor;

import java.util.HashSet;
import java.util.List;
import java.util.Set;
import javax.lang.model.element.Element;
import javax.lang.model.element.ElementKind;
import javax.lang.model.element.Modifier;
import javax.lang.model.element.RecordComponentElement;
import javax.lang.model.element.TypeElement;
import javax.lang.model.type.ArrayType;
import javax.lang.model.type.DeclaredType;
import javax.lang.model.type.ExecutableType;
import javax.lang.model.type.TypeKind;
import javax.lang.model.type.TypeMirror;
import javax.lang.model.util.ElementFilter;
import javax.lang.model.util.Elements;
import javax.lang.model.util.Types;
import org.jspecify.annotations.Nullable;

/**
 * Checks that a type can cross the border, recursively through records, collections, maps,
 * optionals and arrays, and reports each part that cannot on the given element.
 */
final class TypeChecker {
  /** Scalars of the types table, plus their JDK relatives Jackson handles the same way. */
  private static final Set<String> SCALARS =
      Set.of(
          "java.lang.String",
          "java.lang.Boolean",
          "java.lang.Character",
          "java.lang.Byte",
          "java.lang.Short",
          "java.lang.Integer",
          "java.lang.Long",
          "java.lang.Float",
          "java.lang.Double",
          "java.math.BigInteger",
          "java.math.BigDecimal",
          "java.time.OffsetDateTime",
          "java.time.Instant",
          "java.time.LocalDateTime",
          "java.time.LocalDate",
          "java.time.LocalTime",
          "java.time.ZonedDateTime",
          "java.time.OffsetTime",
          "java.time.Duration",
          "java.util.UUID",
          "java.nio.file.Path",
          "io.venvmux.NdArray",
          "java.util.OptionalInt",
          "java.util.OptionalLong",
          "java.util.OptionalDouble");

  private static final Set<String> UNTYPED =
      Set.of("java.lang.Object", "com.fasterxml.jackson.databind.JsonNode");

  private static final Set<String> COLLECTIONS =
      Set.of(
          "java.util.Collection",
          "java.util.List",
          "java.util.Set",
          "java.util.SortedSet",
          "java.util.NavigableSet",
          "java.util.ArrayList",
          "java.util.LinkedList",
          "java.util.HashSet",
          "java.util.LinkedHashSet",
          "java.util.TreeSet",
          // a set of a @PyFlag enum crosses as Python's combined Flag int, of another enum as an
          // array
          "java.util.EnumSet");

  private static final Set<String> MAPS =
      Set.of(
          "java.util.Map",
          "java.util.SortedMap",
          "java.util.NavigableMap",
          "java.util.HashMap",
          "java.util.LinkedHashMap",
          "java.util.TreeMap");

  private static final Set<String> MAP_KEYS =
      Set.of(
          "java.lang.String",
          "java.lang.Long",
          "java.lang.Integer",
          "java.lang.Short",
          "java.math.BigInteger");

  private static final Set<String> FUTURES =
      Set.of(
          "java.util.concurrent.CompletableFuture",
          "java.util.concurrent.CompletionStage",
          "java.util.concurrent.Future");

  /** Live objects of the JVM: they stay in the JVM, however they are declared. */
  private static final List<String> LIVE =
      List.of(
          "java.lang.AutoCloseable",
          "java.lang.Thread",
          "java.lang.ClassLoader",
          "java.lang.Class",
          "java.util.concurrent.Executor",
          "java.util.Iterator",
          "java.util.stream.BaseStream",
          "java.lang.Iterable");

  private final Types types;
  private final Elements elements;
  private final ValidationReport report;
  private final Element where;
  private final String context;
  private final Set<String> visiting = new HashSet<>();

  /**
   * @param where the element problems are reported on (the parameter, or the method for results)
   * @param context how messages name the place ({@code parameter task of Compute.run(Task)})
   */
  TypeChecker(
      Types types, Elements elements, ValidationReport report, Element where, String context) {
    this.types = types;
    this.elements = elements;
    this.report = report;
    this.where = where;
    this.context = context;
  }

  /** Checks a value type (a parameter, a result, an element of either). */
  void check(TypeMirror type) {
    check(type, context);
  }

  private void check(TypeMirror type, String at) {
    switch (type.getKind()) {
      case BOOLEAN, BYTE, SHORT, INT, LONG, CHAR, FLOAT, DOUBLE -> {}
      case ARRAY -> {
        TypeMirror component = ((ArrayType) type).getComponentType();
        if (component.getKind() != TypeKind.BYTE) {
          check(component, at);
        }
      }
      case DECLARED -> checkDeclared((DeclaredType) type, at);
      case WILDCARD -> report.report(Message.WILDCARD, where, type, at);
      case TYPEVAR -> report.report(Message.TYPE_VARIABLE, where, type, at);
      case ERROR -> report.defer();
      default -> report.report(Message.CANNOT_CROSS, where, type, at, "it is not a data type");
    }
  }

  private void checkDeclared(DeclaredType type, String at) {
    TypeElement element = (TypeElement) type.asElement();
    String name = element.getQualifiedName().toString();
    List<? extends TypeMirror> args = type.getTypeArguments();
    if (!element.getTypeParameters().isEmpty() && args.isEmpty()) {
      report.report(Message.RAW_TYPE, where, type, at);
      return;
    }
    if (UNTYPED.contains(name)) {
      report.report(Message.UNTYPED, where, type, at);
    } else if (SCALARS.contains(name) || isJsonNode(type)) {
      // Scalars cross as they are; JsonNode subtypes are as untyped as JsonNode but ask for a
      // shape.
    } else if (name.equals("java.util.Optional") || COLLECTIONS.contains(name)) {
      check(args.get(0), at);
    } else if (MAPS.contains(name)) {
      if (!isMapKey(args.get(0))) {
        report.report(Message.MAP_KEY, where, type, at);
      }
      check(args.get(1), at);
    } else if (FUTURES.contains(name)) {
      report.report(Message.RETURN_TYPE, where, type, at);
    } else if (InterfaceReader.STREAMED.containsValue(name)) {
      report.report(Message.STREAM_PLACE, where, type, at);
    } else if (element.getKind() == ElementKind.ENUM) {
      // Enums cross as their value.
    } else if (element.getKind() == ElementKind.RECORD) {
      checkRecord(type, element, at);
    } else {
      String why = whyNot(type, element);
      if (why != null) {
        report.report(Message.CANNOT_CROSS, where, type, at, why);
      }
    }
  }

  /**
   * JSON object keys are strings: String keys cross as they are, integer and enum keys as their
   * text, which the worker reads back by the parameter's hint.
   */
  private static boolean isMapKey(TypeMirror key) {
    if (key.getKind() != TypeKind.DECLARED) {
      return false;
    }
    TypeElement element = (TypeElement) ((DeclaredType) key).asElement();
    return MAP_KEYS.contains(element.getQualifiedName().toString())
        || element.getKind() == ElementKind.ENUM;
  }

  private void checkRecord(DeclaredType type, TypeElement record, String at) {
    // A record may contain itself (a tree): check each instantiation once.
    if (!visiting.add(type.toString())) {
      return;
    }
    for (RecordComponentElement component :
        ElementFilter.recordComponentsIn(record.getEnclosedElements())) {
      TypeMirror componentType = types.asMemberOf(type, component.getAccessor());
      check(
          ((ExecutableType) componentType).getReturnType(),
          at + ", component " + record.getSimpleName() + "." + component.getSimpleName());
    }
  }

  private boolean isJsonNode(DeclaredType type) {
    TypeElement jsonNode = elements.getTypeElement("com.fasterxml.jackson.databind.JsonNode");
    return jsonNode != null
        && types.isSubtype(types.erasure(type), types.erasure(jsonNode.asType()));
  }

  /** Why a class that is none of the known kinds cannot cross, or null if it can (a bean). */
  private @Nullable String whyNot(DeclaredType type, TypeElement element) {
    for (String live : LIVE) {
      TypeElement liveType = elements.getTypeElement(live);
      if (liveType != null
          && types.isSubtype(types.erasure(type), types.erasure(liveType.asType()))) {
        return "it is a live " + liveType.getSimpleName() + " that exists only in this JVM";
      }
    }
    if (element.getKind() == ElementKind.INTERFACE) {
      return isFunctional(element)
          ? "it is a function, and Python cannot call back into Java"
          : "it is an interface, which no JSON value can be turned into";
    }
    if (element.getModifiers().contains(Modifier.ABSTRACT)) {
      return "it is an abstract class, which no JSON value can be turned into";
    }
    String pkg = elements.getPackageOf(element).getQualifiedName().toString();
    if (pkg.startsWith("java.")
        || pkg.startsWith("javax.")
        || pkg.startsWith("jdk.")
        || pkg.startsWith("sun.")) {
      return "it is a JDK type that is not in the types table";
    }
    return null;
  }

  private static boolean isFunctional(TypeElement element) {
    return element.getAnnotationMirrors().stream()
            .anyMatch(a -> a.getAnnotationType().toString().equals("java.lang.FunctionalInterface"))
        || element.getQualifiedName().toString().startsWith("java.util.function.");
  }
}
