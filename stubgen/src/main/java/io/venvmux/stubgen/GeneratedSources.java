package io.venvmux.stubgen;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * The Java sources stubgen made for a module, by path under a source root: written out by {@code
 * generate}, or compared with the sources checked in by {@code check}.
 */
public final class GeneratedSources {
  /** One source file: its path under the source root ({@code com/example/Gen.java}) and text. */
  public record Source(String path, String text) {}

  private static final String STAMP = "@Generated(\"" + Stamp.GENERATOR + "\")";
  private static final int LINES_PER_FILE = 12;
  private static final Pattern PYTHON_VERSION = Pattern.compile("\\(Python [^)\\s]+\\)");

  private final List<Source> sources;

  GeneratedSources(List<Source> sources) {
    this.sources = List.copyOf(sources);
  }

  /** The sources, interface first. */
  public List<Source> sources() {
    return sources;
  }

  /** Writes every source under {@code root}, making folders; returns the files written. */
  public List<Path> writeTo(Path root) {
    if (Files.exists(root) && !Files.isDirectory(root)) {
      throw new StubGenException(
          "cannot write into " + root + ": it is a file, not a folder; it must be a source root");
    }
    List<Path> written = new ArrayList<>();
    try {
      for (Source s : sources) {
        Path file = root.resolve(s.path());
        Files.createDirectories(file.getParent());
        Files.writeString(file, s.text(), StandardCharsets.UTF_8);
        written.add(file);
      }
    } catch (IOException e) {
      throw new StubGenException("cannot write into " + root + ": " + e, e);
    }
    return written;
  }

  /**
   * How the sources under {@code root} differ from these: a file missing, a file whose text changed
   * (with the lines only one side has, so the methods that differ are named; indentation and blank
   * lines do not count), and a stubgen file in the same package folders that is no longer
   * generated. Empty when they match.
   */
  public List<String> differencesFrom(Path root) {
    List<String> out = new ArrayList<>();
    Set<Path> folders = new TreeSet<>();
    for (Source s : sources) {
      Path file = root.resolve(s.path());
      folders.add(file.getParent());
      if (!Files.isRegularFile(file)) {
        out.add(s.path() + ": missing (the module now produces it)");
        continue;
      }
      String changes =
          LineDiff.describe(withoutVersion(read(file)), withoutVersion(s.text()), LINES_PER_FILE);
      if (!changes.isEmpty()) {
        out.add(s.path() + ": differs" + changes);
      }
    }
    Set<Path> expected = new TreeSet<>();
    sources.forEach(s -> expected.add(root.resolve(s.path())));
    for (Path folder : folders) {
      for (Path stale : staleStubs(folder, expected)) {
        out.add(root.relativize(stale) + ": no longer generated (its type is not used any more)");
      }
    }
    return out;
  }

  /**
   * The interface's Javadoc names the interpreter's version: another patch release on another
   * machine is no drift of the module.
   */
  private static String withoutVersion(String source) {
    return PYTHON_VERSION.matcher(source).replaceFirst("(Python)");
  }

  private static List<Path> staleStubs(Path folder, Set<Path> expected) {
    if (!Files.isDirectory(folder)) {
      return List.of();
    }
    try (Stream<Path> files = Files.list(folder)) {
      return files
          .filter(f -> f.toString().endsWith(".java") && !expected.contains(f))
          .filter(f -> read(f).contains(STAMP))
          .sorted()
          .toList();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static String read(Path file) {
    try {
      return Files.readString(file, StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new StubGenException("cannot read " + file + ": " + e, e);
    }
  }
}
