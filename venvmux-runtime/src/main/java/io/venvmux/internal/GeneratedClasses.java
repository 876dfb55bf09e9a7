package io.venvmux.internal;

import java.util.Optional;

/**
 * Finds a class the venvmux processor generated beside a user type, by the naming convention the
 * processor follows: same package, a prefix, then the type's enclosing names joined by {@code _}
 * ({@code VenvMux_Compute}, {@code VenvMux_Outer_Inner}).
 */
public final class GeneratedClasses {
  /** Prefix of a generated client: {@code VenvMux_Compute} implements {@code Compute}. */
  public static final String CLIENT_PREFIX = "VenvMux_";

  /** Prefix of a record's generated Python names: {@code VenvMuxNames_Point}. */
  public static final String NAMES_PREFIX = "VenvMuxNames_";

  private GeneratedClasses() {}

  /** The generated class's binary name for {@code type}. */
  public static String nameFor(Class<?> type, String prefix) {
    String pkg = type.getPackageName();
    return (pkg.isEmpty() ? "" : pkg + ".") + prefix + flatName(type);
  }

  /** The generated class, loaded and initialized by {@code type}'s class loader, if it exists. */
  public static Optional<Class<?>> find(Class<?> type, String prefix) {
    try {
      return Optional.of(Class.forName(nameFor(type, prefix), true, type.getClassLoader()));
    } catch (ClassNotFoundException e) {
      return Optional.empty();
    }
  }

  private static String flatName(Class<?> type) {
    Class<?> outer = type.getEnclosingClass();
    return outer == null ? type.getSimpleName() : flatName(outer) + "_" + type.getSimpleName();
  }
}
