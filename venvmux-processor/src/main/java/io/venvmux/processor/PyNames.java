package io.venvmux.processor;

import java.util.Set;

/** Python names as the border sees them: the snake_case rule, identifiers and keywords. */
final class PyNames {
  /** Python 3 hard keywords: none of them can name a function, a parameter or a module part. */
  private static final Set<String> KEYWORDS =
      Set.of(
          "False",
          "None",
          "True",
          "and",
          "as",
          "assert",
          "async",
          "await",
          "break",
          "class",
          "continue",
          "def",
          "del",
          "elif",
          "else",
          "except",
          "finally",
          "for",
          "from",
          "global",
          "if",
          "import",
          "in",
          "is",
          "lambda",
          "nonlocal",
          "not",
          "or",
          "pass",
          "raise",
          "return",
          "try",
          "while",
          "with",
          "yield");

  private PyNames() {}

  /**
   * The mechanical camelCase to snake_case rule: each upper-case letter becomes {@code _} and its
   * lower case, except at the start. The runtime's {@code SnakeCase} applies the same rule to
   * record components; the tests check that both agree.
   */
  static String snakeCase(String javaName) {
    StringBuilder sb = new StringBuilder(javaName.length() + 4);
    for (int i = 0; i < javaName.length(); i++) {
      char c = javaName.charAt(i);
      if (Character.isUpperCase(c)) {
        sb.append(i > 0 ? "_" : "").append(Character.toLowerCase(c));
      } else {
        sb.append(c);
      }
    }
    return sb.toString();
  }

  static boolean isKeyword(String name) {
    return KEYWORDS.contains(name);
  }

  /** A name Python accepts as a function, parameter or field name: an identifier, not a keyword. */
  static boolean isIdentifier(String name) {
    if (name.isEmpty() || isKeyword(name)) {
      return false;
    }
    if (!Character.isLetter(name.charAt(0)) && name.charAt(0) != '_') {
      return false;
    }
    return name.chars().allMatch(c -> Character.isLetterOrDigit(c) || c == '_');
  }

  /** A module path such as {@code yourpkg.entry}: identifiers joined by dots. */
  static boolean isModulePath(String name) {
    if (name.isEmpty() || name.startsWith(".") || name.endsWith(".")) {
      return false;
    }
    for (String part : name.split("\\.", -1)) {
      if (!isIdentifier(part)) {
        return false;
      }
    }
    return true;
  }
}
