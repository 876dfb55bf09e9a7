package io.venvmux.internal.env;

import io.venvmux.EnvBuildException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * Requirements files with everything they include: {@code -r}/{@code --requirement} and {@code
 * -c}/{@code --constraint} lines, followed recursively, each path relative to the file that names
 * it. All of them go into an env's hash, so editing an included file makes a new env.
 */
final class RequirementsFiles {
  private RequirementsFiles() {}

  /** The given files and, after each, the files it includes (depth first, each once). */
  static List<Path> withIncludes(List<Path> files) {
    Set<Path> seen = new LinkedHashSet<>();
    for (Path f : files) {
      visit(f.toAbsolutePath().normalize(), null, seen);
    }
    return List.copyOf(seen);
  }

  private static void visit(Path file, Path includedFrom, Set<Path> seen) {
    if (!seen.add(file)) {
      return;
    }
    if (!Files.isRegularFile(file)) {
      throw new EnvBuildException(
          "Requirements file "
              + file
              + (includedFrom == null
                  ? " (EnvSpec.requirements)"
                  : " (included from " + includedFrom + ")")
              + " does not exist.",
          List.of(),
          List.of());
    }
    for (String include : includesOf(file)) {
      if (include.matches("^[a-zA-Z][a-zA-Z0-9+.-]*://.*")) {
        continue; // a URL: its text is already part of the including file's content
      }
      Path parent = file.getParent();
      visit((parent == null ? Path.of(include) : parent.resolve(include)).normalize(), file, seen);
    }
  }

  /** The paths a requirements file includes, in order, as written. */
  static List<String> includesOf(Path file) {
    List<String> lines;
    try {
      lines = Files.readAllLines(file);
    } catch (IOException e) {
      throw new EnvBuildException(
          "Cannot read requirements file " + file + ": " + e.getMessage(), List.of(), List.of());
    }
    List<String> includes = new ArrayList<>();
    for (String line : joinContinuations(lines)) {
      String l = stripComment(line).strip();
      for (String option : List.of("--requirement", "--constraint", "-r", "-c")) {
        if (l.startsWith(option)) {
          String rest = l.substring(option.length());
          if (option.startsWith("--")
              && !(rest.startsWith("=") || rest.startsWith(" ") || rest.startsWith("\t"))) {
            continue;
          }
          rest = rest.startsWith("=") ? rest.substring(1) : rest;
          if (!rest.isBlank()) {
            includes.add(rest.strip());
          }
          break;
        }
      }
    }
    return includes;
  }

  private static List<String> joinContinuations(List<String> lines) {
    List<String> out = new ArrayList<>();
    StringBuilder current = new StringBuilder();
    for (String line : lines) {
      if (line.endsWith("\\")) {
        current.append(line, 0, line.length() - 1);
      } else {
        out.add(current.append(line).toString());
        current.setLength(0);
      }
    }
    if (current.length() > 0) {
      out.add(current.toString());
    }
    return out;
  }

  /** pip's rule: {@code #} starts a comment at the line's start or after whitespace. */
  private static String stripComment(String line) {
    for (int i = 0; i < line.length(); i++) {
      if (line.charAt(i) == '#' && (i == 0 || Character.isWhitespace(line.charAt(i - 1)))) {
        return line.substring(0, i);
      }
    }
    return line;
  }
}
