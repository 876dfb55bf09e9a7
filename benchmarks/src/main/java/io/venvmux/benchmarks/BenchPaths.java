package io.venvmux.benchmarks;

import io.venvmux.EnvSpec;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * Where the benchmarks' Python files are, whether run from the repository root or from benchmarks/.
 */
public final class BenchPaths {
  private BenchPaths() {}

  /**
   * The benchmarks' Python folder (bench_entry, env_bench); {@code -Dvenvmux.bench.python-dir}
   * overrides.
   */
  public static Path pythonDir() {
    String configured = System.getProperty("venvmux.bench.python-dir");
    if (configured != null) {
      return Path.of(configured).toAbsolutePath();
    }
    return firstHolding(
        List.of(Path.of("src/main/python"), Path.of("benchmarks/src/main/python")),
        "bench_entry.py");
  }

  /** A script of {@code python-worker/bench}. */
  static Path benchScript(String name) {
    return firstHolding(
            List.of(Path.of("../python-worker/bench"), Path.of("python-worker/bench")), name)
        .resolve(name);
  }

  /** One worker on the benchmarks' Python, their Python folder on its path. */
  static EnvSpec.Builder oneWorker() {
    return EnvSpec.builder().python(python()).workers(1).workerPaths(pythonDir());
  }

  static String python() {
    return System.getProperty("venvmux.bench.python", "python3");
  }

  private static Path firstHolding(List<Path> candidates, String file) {
    for (Path candidate : candidates) {
      if (Files.isRegularFile(candidate.resolve(file))) {
        return candidate.toAbsolutePath().normalize();
      }
    }
    throw new IllegalStateException(
        "cannot find " + file + ": run the benchmarks from the repository root or benchmarks/");
  }
}
