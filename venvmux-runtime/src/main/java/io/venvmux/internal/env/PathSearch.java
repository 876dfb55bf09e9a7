package io.venvmux.internal.env;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Looks commands up in the folders of a PATH, the way a shell would, without starting one. */
final class PathSearch {
  private final List<Path> dirs;
  private final OsPlatform platform;

  PathSearch(List<Path> dirs, OsPlatform platform) {
    this.dirs = List.copyOf(dirs);
    this.platform = platform;
  }

  /** The search over {@code PATH} (or {@code Path} on Windows) of the given environment. */
  static PathSearch fromEnvironment(Map<String, String> env, OsPlatform platform) {
    String path = env.getOrDefault("PATH", env.getOrDefault("Path", ""));
    List<Path> dirs = new ArrayList<>();
    for (String entry : path.split(platform.isWindows() ? ";" : File.pathSeparator)) {
      if (entry.isBlank()) {
        continue;
      }
      try {
        dirs.add(Path.of(entry));
      } catch (InvalidPathException e) {
        // an unusable PATH entry is skipped, as a shell would
      }
    }
    return new PathSearch(dirs, platform);
  }

  List<Path> dirs() {
    return dirs;
  }

  /** The first executable named {@code command} on this PATH. */
  Optional<Path> find(String command) {
    for (Path dir : dirs) {
      for (String name : platform.executableNames(command)) {
        Path candidate = dir.resolve(name);
        if (Files.isRegularFile(candidate) && Files.isExecutable(candidate)) {
          return Optional.of(candidate);
        }
      }
    }
    return Optional.empty();
  }

  /**
   * The same search without one folder (used to look past pyenv's shims for its "system" python).
   */
  PathSearch without(Path dir) {
    List<Path> kept = new ArrayList<>();
    for (Path d : dirs) {
      if (!d.toAbsolutePath().normalize().equals(dir.toAbsolutePath().normalize())) {
        kept.add(d);
      }
    }
    return new PathSearch(kept, platform);
  }
}
