package io.venvmux.benchmarks.env;

import io.venvmux.EnvSpec;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The small real envs the environment benchmarks build: the package each one installs and the
 * module (under {@code src/main/python/env_bench}) a worker or a bare interpreter imports in it.
 */
public enum BenchEnv {
  /** One small pure-Python package. */
  SIX("six", "env_bench.uses_six"),
  /** numpy 1: a package whose import costs something (~100 ms). */
  NUMPY("numpy<2", "env_bench.uses_numpy");

  /** The function every env_bench module has; it returns its package's version. */
  static final String FUNCTION = "version";

  private final String requirement;
  private final String module;

  BenchEnv(String requirement, String module) {
    this.requirement = requirement;
    this.module = module;
  }

  String module() {
    return module;
  }

  /** The spec of this env: the same spec in the benchmark and in the child JVM, so the same hash. */
  EnvSpec spec(Path pythonDir) {
    return EnvSpec.builder().packages(requirement).workerPaths(pythonDir).workers(1).build();
  }

  /**
   * The folder holding the {@code env_bench} package: {@code -Dvenvmux.bench.python-dir}, else
   * {@code src/main/python} seen from benchmarks/ or from the repository root.
   */
  static Path pythonDir() {
    String configured = System.getProperty("venvmux.bench.python-dir");
    if (configured != null) {
      return Path.of(configured).toAbsolutePath();
    }
    for (Path candidate : new Path[] {Path.of("src/main/python"), Path.of("benchmarks/src/main/python")}) {
      if (Files.isRegularFile(candidate.resolve("env_bench").resolve("__init__.py"))) {
        return candidate.toAbsolutePath();
      }
    }
    throw new IllegalStateException(
        "cannot find the env_bench Python package: run from the repository root or benchmarks/,"
            + " or set -Dvenvmux.bench.python-dir");
  }
}
