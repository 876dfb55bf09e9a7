package io.venvmux.internal.env;

import io.venvmux.EnvBuildException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Finds the interpreter an {@link io.venvmux.EnvSpec} asks for: a path, a command name, or a
 * version such as {@code "3.12"} looked up on PATH ({@code python3.12}, {@code python3}, {@code
 * python}) and then among pyenv's versions ({@code $PYENV_ROOT} or {@code ~/.pyenv}, {@code
 * versions/*}/bin/python). Nothing given means {@code python3} (else {@code python}) on PATH.
 */
final class InterpreterFinder {
  private static final Pattern VERSION = Pattern.compile("\\d+(\\.\\d+){0,2}");

  private final PathSearch path;
  private final PyenvShims shims;
  private final Path pyenvRoot;
  private final InterpreterProbe probe;
  private final OsPlatform platform;

  InterpreterFinder(
      Map<String, String> env, Path workingDir, InterpreterProbe probe, OsPlatform platform) {
    this.path = PathSearch.fromEnvironment(env, platform);
    this.shims = new PyenvShims(env, workingDir);
    this.pyenvRoot = PyenvShims.defaultRoot(env);
    this.probe = probe;
    this.platform = platform;
  }

  static boolean isVersion(String request) {
    return VERSION.matcher(request).matches();
  }

  /**
   * The interpreter to run a worker on directly (no venv): as found, shims left in place so they
   * keep choosing at run time. Starts no process unless a version has to be matched.
   */
  Path locate(Optional<String> request) {
    if (request.isPresent() && isVersion(request.get())) {
      return find(request).executable();
    }
    if (request.isPresent() && isPathLike(request.get())) {
      Path p = Path.of(request.get());
      if (!Files.isExecutable(p)) {
        throw notFound(
            "The interpreter " + p + " (EnvSpec.python) does not exist or is not executable.",
            Map.of());
      }
      return p;
    }
    List<String> names = request.map(List::of).orElse(List.of("python3", "python"));
    for (String name : names) {
      Optional<Path> hit = path.find(name);
      if (hit.isPresent()) {
        return hit.get();
      }
    }
    throw notFound("No " + String.join(" or ", names) + " found on PATH.", Map.of());
  }

  /** The interpreter with its real path and exact version, as a venv is built from it. */
  PythonInstall find(Optional<String> request) {
    if (request.isEmpty()) {
      return firstOnPath(List.of("python3", "python"), null);
    }
    String r = request.get();
    if (isVersion(r)) {
      return byVersion(r);
    }
    if (isPathLike(r)) {
      Path p;
      try {
        p = Path.of(r);
      } catch (InvalidPathException e) {
        throw notFound("EnvSpec.python '" + r + "' is not a valid path.", Map.of());
      }
      return inspect(p)
          .orElseThrow(
              () ->
                  notFound(
                      "The interpreter "
                          + r
                          + " (EnvSpec.python) does not exist or does not run as Python 3.",
                      Map.of()));
    }
    return firstOnPath(List.of(r), null);
  }

  private PythonInstall firstOnPath(List<String> names, String version) {
    Map<Path, String> seen = new LinkedHashMap<>();
    for (String name : names) {
      Optional<Path> hit = path.find(name);
      if (hit.isPresent()) {
        Optional<PythonInstall> py = inspect(hit.get());
        if (py.isPresent()) {
          return py.get();
        }
        seen.put(hit.get(), "does not run");
      }
    }
    throw notFound("No working " + String.join(" or ", names) + " found on PATH.", seen);
  }

  private PythonInstall byVersion(String wanted) {
    Map<Path, String> seen = new LinkedHashMap<>();
    List<String> names = new ArrayList<>();
    String[] parts = wanted.split("\\.");
    if (parts.length >= 2) {
      names.add("python" + parts[0] + "." + parts[1]);
    }
    names.add("python" + parts[0]);
    names.add("python3");
    names.add("python");
    for (String name : names.stream().distinct().toList()) {
      Optional<Path> hit = path.find(name);
      if (hit.isEmpty()) {
        continue;
      }
      Optional<PythonInstall> py = inspect(hit.get());
      if (py.isPresent()) {
        if (matches(py.get().version(), wanted)) {
          return py.get();
        }
        seen.put(hit.get(), py.get().version());
      }
    }
    for (Path versionDir : PyenvShims.installedVersions(pyenvRoot)) {
      Path exe = new VenvLayout(versionDir, platform).python();
      Optional<PythonInstall> py = Files.isExecutable(exe) ? inspect(exe) : Optional.empty();
      if (py.isPresent()) {
        if (matches(py.get().version(), wanted)) {
          return py.get();
        }
        seen.put(exe, py.get().version());
      }
    }
    throw notFound(
        "No Python "
            + wanted
            + " found. Looked on PATH for "
            + String.join(", ", names.stream().distinct().toList())
            + " and in pyenv ("
            + pyenvRoot.resolve("versions")
            + "). Install it (e.g. `pyenv install "
            + wanted
            + "`) or set EnvSpec.python to an interpreter's path.",
        seen);
  }

  /** Follows pyenv shims and links, then asks the version (from the probe cache when it can). */
  private Optional<PythonInstall> inspect(Path candidate) {
    Optional<Path> target = shims.resolve(candidate, path);
    if (target.isEmpty()) {
      return Optional.empty();
    }
    Path real;
    try {
      real = target.get().toRealPath();
    } catch (IOException e) {
      return Optional.empty();
    }
    return probe.version(real).map(v -> new PythonInstall(candidate, real, v));
  }

  static boolean matches(String version, String wanted) {
    return version.equals(wanted) || version.startsWith(wanted + ".");
  }

  private boolean isPathLike(String request) {
    return request.contains("/")
        || request.contains("\\")
        || request.startsWith("~")
        || Path.of(request).isAbsolute();
  }

  private static EnvBuildException notFound(String message, Map<Path, String> seen) {
    StringBuilder msg = new StringBuilder(message);
    if (!seen.isEmpty()) {
      msg.append(" Interpreters found:");
      seen.forEach((p, v) -> msg.append("\n  ").append(p).append(" (").append(v).append(')'));
    } else if (message.startsWith("No ")) {
      msg.append(" No other interpreters were found.");
    }
    return new EnvBuildException(msg.toString(), List.of(), List.of());
  }
}
