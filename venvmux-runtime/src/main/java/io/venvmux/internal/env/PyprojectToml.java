package io.venvmux.internal.env;

import io.venvmux.EnvBuildException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The little of a pyproject.toml that decides how a project is installed: whether it is a package
 * (a {@code [build-system]} table, and not {@code [tool.uv] package = false}), and its {@code
 * [project].dependencies} for a project that is not one. A small reader rather than a TOML library,
 * since the runtime keeps its dependencies few; anything it does not understand it leaves alone.
 *
 * @param hasBuildSystem a {@code [build-system]} table is present
 * @param uvPackageFalse {@code [tool.uv]} says {@code package = false}
 * @param dependencies the {@code [project].dependencies} strings, as written
 */
record PyprojectToml(boolean hasBuildSystem, boolean uvPackageFalse, List<String> dependencies) {

  PyprojectToml {
    dependencies = List.copyOf(dependencies);
  }

  /**
   * A project that builds and installs as a package (otherwise only its dependencies are
   * installed).
   */
  boolean isPackage() {
    return hasBuildSystem && !uvPackageFalse;
  }

  static PyprojectToml read(Path file) {
    try {
      return parse(Files.readString(file));
    } catch (IOException e) {
      throw new EnvBuildException(
          "Cannot read " + file + ": " + e.getMessage(), List.of(), List.of());
    }
  }

  static PyprojectToml parse(String text) {
    boolean buildSystem = false;
    boolean uvPackageFalse = false;
    List<String> deps = new ArrayList<>();
    String table = "";
    String[] lines = text.split("\r?\n", -1);
    for (int i = 0; i < lines.length; i++) {
      String line = stripComment(lines[i]).strip();
      if (line.startsWith("[") && !line.startsWith("[[")) {
        table = line.substring(1, Math.max(1, line.indexOf(']'))).strip();
        buildSystem |= table.equals("build-system");
        continue;
      }
      String key = keyOf(line);
      if (table.equals("project") && key.equals("dependencies")) {
        StringBuilder array = new StringBuilder(line.substring(line.indexOf('=') + 1));
        while (!balanced(array) && i + 1 < lines.length) {
          array.append('\n').append(lines[++i]);
        }
        deps.addAll(strings(array));
      } else if (table.equals("tool.uv") && key.equals("package")) {
        uvPackageFalse = line.substring(line.indexOf('=') + 1).strip().startsWith("false");
      } else if (table.isEmpty() && key.equals("build-system.requires")) {
        buildSystem = true;
      }
    }
    return new PyprojectToml(buildSystem, uvPackageFalse, deps);
  }

  private static String keyOf(String line) {
    int eq = line.indexOf('=');
    return eq < 0 ? "" : line.substring(0, eq).strip().replace("\"", "");
  }

  /** True once every '[' outside a string has its ']'. */
  private static boolean balanced(CharSequence s) {
    int depth = 0;
    boolean seenOpen = false;
    char quote = 0;
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (quote != 0) {
        if (c == '\\' && quote == '"') {
          i++;
        } else if (c == quote) {
          quote = 0;
        }
      } else if (c == '"' || c == '\'') {
        quote = c;
      } else if (c == '#') {
        while (i < s.length() && s.charAt(i) != '\n') {
          i++;
        }
      } else if (c == '[') {
        depth++;
        seenOpen = true;
      } else if (c == ']') {
        depth--;
      }
    }
    return seenOpen && depth <= 0;
  }

  /** The string literals in an array's text, comments skipped. */
  private static List<String> strings(CharSequence s) {
    List<String> out = new ArrayList<>();
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (c == '#') {
        while (i < s.length() && s.charAt(i) != '\n') {
          i++;
        }
      } else if (c == '"' || c == '\'') {
        StringBuilder value = new StringBuilder();
        for (i++; i < s.length() && s.charAt(i) != c; i++) {
          if (c == '"' && s.charAt(i) == '\\' && i + 1 < s.length()) {
            i++;
          }
          value.append(s.charAt(i));
        }
        out.add(value.toString());
      }
    }
    return out;
  }

  private static String stripComment(String line) {
    char quote = 0;
    for (int i = 0; i < line.length(); i++) {
      char c = line.charAt(i);
      if (quote != 0) {
        if (c == quote) {
          quote = 0;
        }
      } else if (c == '"' || c == '\'') {
        quote = c;
      } else if (c == '#') {
        return line.substring(0, i);
      }
    }
    return line;
  }
}
