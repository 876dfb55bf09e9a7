package io.venvmux.stubgen;

import com.palantir.javapoet.ClassName;
import io.venvmux.stubgen.ModuleDescription.NamedType;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * Names the Java class generated for each Python type: its Python name when that is free, else its
 * qualified name joined ({@code Outer.Inner} is {@code OuterInner}), else prefixed with its module,
 * else with a counter. A name that the generated files already use for a JDK or venvmux type
 * ({@code String}, {@code List}, {@code Path}, ...) is taken with a {@code Py} prefix, so no
 * generated file shadows it.
 */
final class TypeNamer {
  private static final Set<String> RESERVED =
      Set.of(
          "Object",
          "String",
          "Long",
          "Double",
          "Boolean",
          "Integer",
          "Byte",
          "Short",
          "Float",
          "Character",
          "Number",
          "Void",
          "Class",
          "Enum",
          "Record",
          "Override",
          "Deprecated",
          "SuppressWarnings",
          "FunctionalInterface",
          "SafeVarargs",
          "Iterable",
          "Comparable",
          "Math",
          "System",
          "Thread",
          "Runnable",
          "Exception",
          "Error",
          "RuntimeException",
          "IllegalArgumentException",
          "List",
          "Set",
          "Map",
          "Optional",
          "OffsetDateTime",
          "LocalDateTime",
          "LocalDate",
          "LocalTime",
          "Duration",
          "BigDecimal",
          "UUID",
          "Path",
          "Generated",
          "VenvModule",
          "PyName",
          "CallTimeout",
          "JsonValue",
          "JsonCreator",
          "JsonInclude",
          "CompletableFuture");

  private final Map<String, ClassName> names = new HashMap<>();

  /**
   * @param types the description's named types by key
   * @param taken simple names already used in the package (the interface's)
   */
  TypeNamer(String javaPackage, Map<String, NamedType> types, Set<String> taken) {
    Set<String> used = new HashSet<>(taken);
    // sorted: the same description always gives the same names
    for (Map.Entry<String, NamedType> e : new TreeMap<>(types).entrySet()) {
      String simple = pick(e.getValue(), used);
      used.add(simple);
      names.put(e.getKey(), ClassName.get(javaPackage, simple));
    }
  }

  /** Whether a type of this simple name would shadow a type the generated files use. */
  static boolean isReserved(String simpleName) {
    return RESERVED.contains(simpleName);
  }

  /** The name, or {@code Py} and the name when it is reserved ({@code Path} is {@code PyPath}). */
  static String unreserved(String simpleName) {
    return isReserved(simpleName) ? "Py" + simpleName : simpleName;
  }

  /** The class for a key of the description's {@code types}. */
  ClassName nameOf(String key) {
    ClassName name = names.get(key);
    if (name == null) {
      throw new StubGenException(
          "the description refers to type '"
              + key
              + "' but does not describe it; is the worker newer than stubgen?");
    }
    return name;
  }

  private static String pick(NamedType type, Set<String> used) {
    String simple = JavaNames.type(type.name());
    simple = unreserved(simple);
    if (!used.contains(simple)) {
      return simple;
    }
    for (String candidate : List.of(joined(type.qualname()), pascal(type.module()) + simple)) {
      if (!used.contains(candidate) && !RESERVED.contains(candidate)) {
        return candidate;
      }
    }
    for (int i = 2; ; i++) {
      if (!used.contains(simple + i)) {
        return simple + i;
      }
    }
  }

  /** {@code Outer.Inner} as {@code OuterInner}; {@code <locals>} parts dropped. */
  private static String joined(String qualname) {
    StringBuilder sb = new StringBuilder();
    for (String part : qualname.split("\\.")) {
      if (!part.startsWith("<")) {
        sb.append(JavaNames.type(part));
      }
    }
    return sb.toString();
  }

  private static String pascal(String module) {
    StringBuilder sb = new StringBuilder();
    for (String segment : module.split("\\.")) {
      sb.append(JavaNames.interfaceFor(segment));
    }
    return sb.toString();
  }
}
