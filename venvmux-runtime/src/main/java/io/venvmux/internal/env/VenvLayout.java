package io.venvmux.internal.env;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/**
 * Where things live inside a venv: {@code bin/python} on Linux and macOS, {@code
 * Scripts\python.exe} on Windows, and {@code pyvenv.cfg} at the root on both.
 */
record VenvLayout(Path root, OsPlatform platform) {

  static VenvLayout of(Path root) {
    return new VenvLayout(root, OsPlatform.current());
  }

  /** The folder holding the venv's executables. */
  Path binDir() {
    return root.resolve(platform.isWindows() ? "Scripts" : "bin");
  }

  /** The venv's interpreter. */
  Path python() {
    return binDir().resolve(platform.isWindows() ? "python.exe" : "python");
  }

  Path pyvenvCfg() {
    return root.resolve("pyvenv.cfg");
  }

  /**
   * The base interpreter's folder as pyvenv.cfg records it ({@code home = ...}); empty when
   * unreadable.
   */
  Optional<Path> baseHome() {
    try {
      for (String line : Files.readAllLines(pyvenvCfg())) {
        int eq = line.indexOf('=');
        if (eq > 0 && line.substring(0, eq).strip().equals("home")) {
          return Optional.of(Path.of(line.substring(eq + 1).strip()));
        }
      }
    } catch (IOException | RuntimeException e) {
      return Optional.empty();
    }
    return Optional.empty();
  }

  /**
   * Why this venv can no longer run, or empty when it looks runnable. Checks without starting a
   * process: the interpreter (a link to the base one on POSIX) resolves, and pyvenv.cfg's home
   * exists.
   */
  Optional<String> brokenReason() {
    if (!Files.isRegularFile(pyvenvCfg())) {
      return Optional.of("pyvenv.cfg is missing");
    }
    Optional<Path> home = baseHome();
    if (home.isEmpty()) {
      return Optional.of("pyvenv.cfg has no 'home' entry");
    }
    if (!Files.isDirectory(home.get())) {
      return Optional.of(
          "its base interpreter's folder " + home.get() + " (pyvenv.cfg home) is gone");
    }
    if (!Files.isExecutable(python())) {
      return Optional.of("its interpreter " + python() + " no longer resolves to an executable");
    }
    return Optional.empty();
  }
}
