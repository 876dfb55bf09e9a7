package io.venvmux.benchmarks;

import io.venvmux.EnvSpec;
import io.venvmux.Pool;
import io.venvmux.VenvHandle;
import java.util.Map;
import java.util.function.UnaryOperator;

/**
 * The pool the warm benchmarks measure, in a temporary home: one env "bench", one worker serving
 * bench_entry, started before the measurement.
 */
final class BenchPool implements AutoCloseable {
  private final TempHome home = new TempHome();
  private final Pool pool;
  private final VenvHandle env;

  BenchPool() {
    this(UnaryOperator.identity());
  }

  /**
   * @param placement what the env's spec adds to the one worker on bench_entry (e.g. {@code
   *     ray(..)})
   */
  BenchPool(UnaryOperator<EnvSpec.Builder> placement) {
    pool =
        Pool.builder()
            .home(home.dir())
            .env(
                "bench",
                placement
                    .apply(
                        EnvSpec.builder()
                            .python(BenchPaths.python())
                            .workers(1)
                            .workerPaths(BenchPaths.pythonDir()))
                    .build(),
                "bench_entry")
            .build();
    env = pool.venv("bench");
    env.call("echo", Map.of("n", 1, "name", "warm")); // the worker starts outside the measurement
  }

  Pool pool() {
    return pool;
  }

  VenvHandle env() {
    return env;
  }

  @Override
  public void close() {
    pool.close();
    home.close();
  }
}
