package io.venvmux.internal.env;

import java.nio.file.Path;

/**
 * A Python interpreter found for a spec.
 *
 * @param found the file as found (on PATH, in pyenv, or given), possibly a link or a shim
 * @param executable the real interpreter behind it (links and pyenv shims followed)
 * @param version its exact version, e.g. {@code 3.11.7}
 */
record PythonInstall(Path found, Path executable, String version) {
  @Override
  public String toString() {
    return executable + " (" + version + ")";
  }
}
