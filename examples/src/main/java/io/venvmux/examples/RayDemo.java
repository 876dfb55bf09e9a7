package io.venvmux.examples;

import io.venvmux.EnvSpec;
import io.venvmux.Pool;
import io.venvmux.RayCluster;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * numpy 1 and numpy 2 envs whose workers are Ray actors on a local Ray. The calling code is the
 * same as {@link TwoEnvsDemo}'s: only the env specs name a cluster. venvmux builds a venv with Ray
 * for the proxies (and the local Ray), and Ray builds each env's packages as its actors'
 * runtime_env.
 *
 * <p>Run: {@code mvn -q -Pdemo -pl examples -am package -DskipTests
 * -Ddemo.main=io.venvmux.examples.RayDemo}. To use an existing cluster instead, replace {@code
 * RayCluster.local()} with {@code RayCluster.at("ray://head:10001")}.
 */
public final class RayDemo {
  private RayDemo() {}

  public static void main(String[] args) {
    Path python = ExamplePaths.pythonDir("numpy_v1_entry.py");
    RayCluster ray = RayCluster.local();
    Pool.Builder builder = Pool.builder();
    if (args.length > 0) {
      builder.home(Path.of(args[0]));
    }
    builder
        .env("v1", rayEnv("numpy<2", python, ray), "numpy_v1_entry")
        .env("v2", rayEnv("numpy>=2", python, ray), "numpy_v2_entry");
    long t0 = System.nanoTime();
    try (Pool pool = builder.build()) {
      for (String env : List.of("v1", "v2")) {
        Object result = pool.venv(env).call("compute", Map.of("n", 1_000_000));
        System.out.printf("%s on Ray: %s%n", env, result);
      }
      System.out.printf("(both envs ready and called in %.1f s)%n", (System.nanoTime() - t0) / 1e9);
    }
  }

  private static EnvSpec rayEnv(String numpy, Path python, RayCluster ray) {
    return EnvSpec.builder()
        .packages(numpy)
        .workerPaths(python)
        .ray(ray)
        .workers(1)
        .startTimeout(java.time.Duration.ofMinutes(5))
        .build();
  }
}
