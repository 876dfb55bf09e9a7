package io.venvmux.internal;

import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;

/**
 * The checks the public builders run on what users pass, with the messages they throw: one wording
 * for every setting of every builder.
 */
public final class Arguments {
  private Arguments() {}

  /** {@code n} if it is at least {@code min}. */
  public static long atLeast(String what, long n, long min) {
    if (n < min) {
      throw new IllegalArgumentException(what + " must be >= " + min + ", got " + n);
    }
    return n;
  }

  /** {@code n} if it is at least {@code min}. */
  public static int atLeast(String what, int n, int min) {
    return (int) atLeast(what, (long) n, min);
  }

  /** {@code d} if it is zero or more. */
  public static Duration nonNegative(String what, Duration d) {
    if (d.isNegative()) {
      throw new IllegalArgumentException(what + " must not be negative, got " + d);
    }
    return d;
  }

  /** {@code d} if it is more than zero. */
  public static Duration positive(String what, Duration d) {
    if (d.isNegative() || d.isZero()) {
      throw new IllegalArgumentException(what + " must be positive, got " + d);
    }
    return d;
  }

  /**
   * A requirement specifier such as {@code numpy<2}, stripped. Anything that starts with {@code -}
   * would reach the installer as an option (an index, a requirements file of the caller's choice),
   * so it is refused.
   */
  public static String packageSpecifier(String s) {
    if (s == null || s.isBlank()) {
      throw new IllegalArgumentException("a package specifier must not be blank");
    }
    String spec = s.strip();
    if (spec.startsWith("-")) {
      throw new IllegalArgumentException(
          "'"
              + spec
              + "' is not a package specifier: packages(..) takes requirement specifiers"
              + " such as \"numpy<2\", never installer options. Use requirements(..) for a"
              + " requirements file, and PIP_INDEX_URL / UV_INDEX for an index.");
    }
    return spec;
  }

  /** {@code python} if it can name an interpreter: a path, or a version such as {@code 3.12}. */
  public static String interpreter(String python) {
    if (python.isBlank()) {
      throw new IllegalArgumentException(
          "python must be an interpreter path or a version such as \"3.12\"");
    }
    return python;
  }

  /** {@code values} as a list, none of them null. */
  @SafeVarargs
  public static <T> List<T> noNulls(String what, T... values) {
    for (T value : values) {
      Objects.requireNonNull(value, what);
    }
    return Arrays.asList(values);
  }

  /** {@code name} if it can name an environment variable. */
  public static String environmentName(String name) {
    if (name.isEmpty() || name.indexOf('=') >= 0) {
      throw new IllegalArgumentException("not an environment variable name: '" + name + "'");
    }
    return name;
  }
}
