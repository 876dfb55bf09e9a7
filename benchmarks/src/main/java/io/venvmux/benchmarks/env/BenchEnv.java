package io.venvmux.benchmarks.env;

import io.venvmux.EnvSpec;
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

  /**
   * The spec of this env: the same spec in the benchmark and in the child JVM, so the same hash.
   */
  EnvSpec spec(Path pythonDir) {
    return EnvSpec.builder().packages(requirement).workerPaths(pythonDir).workers(1).build();
  }
}
