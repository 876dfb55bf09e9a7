package io.venvmux.internal.env;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * Sees through pyenv's shims without running them: a shim is a shell script that picks the selected
 * version (PYENV_VERSION, else a {@code .python-version} file from the working folder up, else
 * {@code $PYENV_ROOT/version}, else the system's) and execs that version's command. Doing the same
 * lookup on files keeps a cached env's resolve free of subprocesses.
 */
final class PyenvShims {
  private final Map<String, String> env;
  private final Path workingDir;

  PyenvShims(Map<String, String> env, Path workingDir) {
    this.env = env;
    this.workingDir = workingDir;
  }

  /** pyenv's root from the environment: {@code $PYENV_ROOT}, else {@code ~/.pyenv}. */
  static Path defaultRoot(Map<String, String> env) {
    String root = env.get("PYENV_ROOT");
    if (root != null && !root.isBlank()) {
      return Path.of(root);
    }
    return Path.of(System.getProperty("user.home"), ".pyenv");
  }

  /** The pyenv root a shim belongs to, when the file is one ({@code <root>/shims/<command>}). */
  static Optional<Path> rootOfShim(Path file) {
    Path dir = file.toAbsolutePath().getParent();
    if (dir == null || dir.getFileName() == null || !dir.getFileName().toString().equals("shims")) {
      return Optional.empty();
    }
    Path root = dir.getParent();
    if (root == null || !Files.isDirectory(root.resolve("versions"))) {
      return Optional.empty();
    }
    return Optional.of(root);
  }

  /**
   * What a shim would run, or the file itself when it is no shim. Empty when the shim leads nowhere
   * (its command does not exist in the selected versions).
   */
  Optional<Path> resolve(Path file, PathSearch path) {
    Optional<Path> root = rootOfShim(file);
    if (root.isEmpty()) {
      return Optional.of(file);
    }
    String command = file.getFileName().toString();
    for (String version : selectedVersions(root.get())) {
      Optional<Path> target =
          version.equals("system")
              ? path.without(file.toAbsolutePath().getParent()).find(command)
              : versionDir(root.get(), version)
                  .map(d -> d.resolve("bin").resolve(command))
                  .filter(Files::isExecutable);
      if (target.isPresent()) {
        return target;
      }
    }
    return Optional.empty();
  }

  /** The versions pyenv would select, in its order of precedence. */
  List<String> selectedVersions(Path root) {
    String fromEnv = env.get("PYENV_VERSION");
    if (fromEnv != null && !fromEnv.isBlank()) {
      return List.of(fromEnv.strip().split(":"));
    }
    String dir = env.get("PYENV_DIR");
    for (Path d = dir != null && !dir.isBlank() ? Path.of(dir) : workingDir;
        d != null;
        d = d.getParent()) {
      List<String> local = readVersionFile(d.resolve(".python-version"));
      if (!local.isEmpty()) {
        return local;
      }
    }
    List<String> global = readVersionFile(root.resolve("version"));
    return global.isEmpty() ? List.of("system") : global;
  }

  /**
   * The installed version folder: exact name, else the newest one the name is a prefix of ("3.12").
   */
  static Optional<Path> versionDir(Path root, String version) {
    Path exact = root.resolve("versions").resolve(version);
    if (Files.isDirectory(exact)) {
      return Optional.of(exact);
    }
    return installedVersions(root).stream()
        .filter(d -> d.getFileName().toString().startsWith(version + "."))
        .findFirst();
  }

  /** Every folder under {@code <root>/versions}, newest version first. */
  static List<Path> installedVersions(Path root) {
    try (Stream<Path> s = Files.list(root.resolve("versions"))) {
      return s.filter(Files::isDirectory)
          .sorted(
              Comparator.comparing(
                      (Path p) -> p.getFileName().toString(), PyenvShims::compareVersions)
                  .reversed())
          .toList();
    } catch (IOException e) {
      return List.of();
    }
  }

  /**
   * Compares dotted versions numerically part by part ("3.10.2" > "3.9.18"); non-numbers compare as
   * text.
   */
  static int compareVersions(String a, String b) {
    String[] pa = a.split("[.-]");
    String[] pb = b.split("[.-]");
    for (int i = 0; i < Math.min(pa.length, pb.length); i++) {
      int c;
      if (pa[i].matches("\\d{1,9}") && pb[i].matches("\\d{1,9}")) {
        c = Integer.compare(Integer.parseInt(pa[i]), Integer.parseInt(pb[i]));
      } else {
        c = pa[i].compareTo(pb[i]);
      }
      if (c != 0) {
        return c;
      }
    }
    return Integer.compare(pa.length, pb.length);
  }

  private static List<String> readVersionFile(Path file) {
    if (!Files.isRegularFile(file)) {
      return List.of();
    }
    try {
      List<String> versions = new ArrayList<>();
      for (String line : Files.readAllLines(file)) {
        String content = line.contains("#") ? line.substring(0, line.indexOf('#')) : line;
        Arrays.stream(content.strip().split("\\s+"))
            .filter(s -> !s.isEmpty())
            .forEach(versions::add);
      }
      return versions;
    } catch (IOException e) {
      return List.of();
    }
  }
}
