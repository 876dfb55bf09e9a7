package io.venvmux.benchmarks;

import java.nio.file.Files;
import java.nio.file.Path;

/** Where the benchmarks' Python files are, whether run from the repository root or from benchmarks/. */
final class BenchPaths {
  private BenchPaths() {}

  static Path pythonDir() {
    String configured = System.getProperty("venvmux.bench.python-dir");
    if (configured != null) {
      return Path.of(configured).toAbsolutePath();
    }
    for (Path candidate : new Path[] {Path.of("src/main/python"), Path.of("benchmarks/src/main/python")}) {
      if (Files.isRegularFile(candidate.resolve("floor.py"))) {
        return candidate.toAbsolutePath();
      }
    }
    throw new IllegalStateException(
        "cannot find the benchmarks' Python files: run from the repository root or benchmarks/,"
            + " or set -Dvenvmux.bench.python-dir");
  }

  static String python() {
    return System.getProperty("venvmux.bench.python", "python3");
  }
}
