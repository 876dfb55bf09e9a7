package io.venvmux.stubgen;

import io.venvmux.internal.codec.SnakeCase;
import java.util.Locale;
import java.util.Set;
import javax.lang.model.SourceVersion;

/**
 * Java names for Python names. Functions, parameters and fields become camelCase ({@code
 * compute_stats} is {@code computeStats}), classes keep their name; a name that is a Java keyword
 * gets a trailing {@code _}. {@link #needsPyName} says when the border's mechanical rule ({@link
 * SnakeCase}) would not lead back to the Python name, so the generated member needs
 * {@code @PyName}.
 */
final class JavaNames {
  /** Names a generated record component must not take: they clash with Object's methods. */
  private static final Set<String> OBJECT_METHODS =
      Set.of(
          "hashCode", "toString", "getClass", "notify", "notifyAll", "wait", "clone", "finalize");

  private JavaNames() {}

  /** The camelCase Java name of a Python function, parameter or field. */
  static String member(String pythonName) {
    StringBuilder sb = new StringBuilder();
    for (String part : pythonName.split("_")) {
      if (part.isEmpty()) {
        continue;
      }
      sb.append(sb.length() == 0 ? lowerFirst(part) : upperFirst(part));
    }
    String name = sb.length() == 0 ? "value" : sb.toString();
    return legal(name);
  }

  /** A record component's name: a member name that does not clash with Object's methods. */
  static String component(String pythonName) {
    String name = member(pythonName);
    return OBJECT_METHODS.contains(name) ? name + "_" : name;
  }

  /** The Java name of a Python class (an enum, dataclass, ...): kept, made legal. */
  static String type(String pythonName) {
    return legal(Character.toUpperCase(pythonName.charAt(0)) + pythonName.substring(1));
  }

  /**
   * The PascalCase form of a dotted module's last segment: {@code pkg.entry_point} is {@code
   * EntryPoint}.
   */
  static String interfaceFor(String module) {
    String last = module.substring(module.lastIndexOf('.') + 1);
    return type(member(last).replaceAll("_$", ""));
  }

  /**
   * A Java enum constant for a Python member name, in capitals as Java spells constants (the
   * generated enum carries the exact Python value, so the constant's name is free).
   */
  static String constant(String pythonName) {
    return legal(pythonName.toUpperCase(Locale.ROOT));
  }

  /** Whether the mechanical snake_case of {@code javaName} differs from {@code pythonName}. */
  static boolean needsPyName(String javaName, String pythonName) {
    return !SnakeCase.of(javaName).equals(pythonName);
  }

  /**
   * The name itself when Java accepts it; illegal characters replaced, keywords suffixed with _.
   */
  static String legal(String name) {
    StringBuilder sb = new StringBuilder();
    for (int i = 0; i < name.length(); i++) {
      char c = name.charAt(i);
      boolean ok = i == 0 ? Character.isJavaIdentifierStart(c) : Character.isJavaIdentifierPart(c);
      sb.append(ok ? c : '_');
    }
    String legal = sb.toString();
    if (!Character.isJavaIdentifierStart(legal.charAt(0))) {
      legal = "_" + legal;
    }
    return SourceVersion.isKeyword(legal) || legal.equals("_") ? legal + "_" : legal;
  }

  /**
   * An all-capitals part ({@code HTTP}) reads as a word: {@code http} first, {@code Http} after.
   */
  private static String lowerFirst(String part) {
    if (part.length() > 1 && part.equals(part.toUpperCase(Locale.ROOT))) {
      return part.toLowerCase(Locale.ROOT);
    }
    return Character.toLowerCase(part.charAt(0)) + part.substring(1);
  }

  private static String upperFirst(String part) {
    if (part.length() > 1
        && part.equals(part.toUpperCase(Locale.ROOT))
        && !part.equals(part.toLowerCase(Locale.ROOT))) {
      return part.charAt(0) + part.substring(1).toLowerCase(Locale.ROOT);
    }
    return Character.toUpperCase(part.charAt(0)) + part.substring(1);
  }
}
