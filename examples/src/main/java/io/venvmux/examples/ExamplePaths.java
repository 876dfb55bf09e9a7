package io.venvmux.examples;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/** Finds the examples' Python sources, whether run from the repository root or from examples/. */
final class ExamplePaths {
  private ExamplePaths() {}

  /**
   * The folder holding the examples' Python modules: {@code -Dvenvmux.examples.python=DIR}, else
   * {@code src/main/python} or {@code examples/src/main/python}, whichever holds {@code marker}.
   */
  static Path pythonDir(String marker) {
    String configured = System.getProperty("venvmux.examples.python");
    if (configured != null) {
      return Path.of(configured).toAbsolutePath();
    }
    for (Path candidate :
        List.of(Path.of("src/main/python"), Path.of("examples/src/main/python"))) {
      if (Files.isRegularFile(candidate.resolve(marker))) {
        return candidate.toAbsolutePath();
      }
    }
    throw new IllegalStateException(
        "cannot find "
            + marker
            + ": run from the repository root or examples/,"
            + " or set -Dvenvmux.examples.python=DIR");
  }
}
