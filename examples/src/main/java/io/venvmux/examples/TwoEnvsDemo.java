package io.venvmux.examples;

import io.venvmux.EnvCache;
import io.venvmux.EnvSpec;
import io.venvmux.Pool;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * numpy 1 and numpy 2 in one Java program: two envs, each with its own venv and warm worker, called
 * side by side. Prints each env's numpy version, the same computation's result, and the time of the
 * first (cold) call and of warm calls.
 *
 * <p>The first run builds both venvs under the venvmux home (uv when found, pip otherwise); later
 * runs reuse them, so "cold" then means starting the worker and importing numpy.
 *
 * <p>Run from the repository root or the examples folder: {@code mvn -q -Pdemo -pl examples -am
 * package}, or {@code java -cp ... io.venvmux.examples.TwoEnvsDemo [home]}. The Python modules are
 * in {@code examples/src/main/python} ({@code -Dvenvmux.examples.python=DIR} points elsewhere).
 */
public final class TwoEnvsDemo {
  private static final int WARM_CALLS = 20;
  private static final int N = 1_000_000;

  private TwoEnvsDemo() {}

  public static void main(String[] args) {
    Path python = ExamplePaths.pythonDir("numpy_v1_entry.py");
    Path home = home(args);
    Pool.Builder builder = Pool.builder().home(home);
    builder
        .env(
            "v1",
            EnvSpec.builder().packages("numpy<2").workerPaths(python).workers(1).build(),
            "numpy_v1_entry")
        .env(
            "v2",
            EnvSpec.builder().packages("numpy>=2").workerPaths(python).workers(1).build(),
            "numpy_v2_entry");

    long t0 = System.nanoTime();
    try (Pool pool = builder.build()) {
      double startMs = ms(t0);
      List<String> rows = new ArrayList<>();
      for (String env : List.of("v1", "v2")) {
        long c0 = System.nanoTime();
        Object cold = pool.venv(env).call("compute", Map.of("n", N));
        double coldMs = ms(c0);
        List<Double> warm = new ArrayList<>();
        Object last = cold;
        for (int i = 0; i < WARM_CALLS; i++) {
          long w0 = System.nanoTime();
          last = pool.venv(env).call("compute", Map.of("n", N));
          warm.add(ms(w0));
        }
        Collections.sort(warm);
        Map<?, ?> r = (Map<?, ?>) last;
        rows.add(
            String.format(
                Locale.ROOT,
                "%-4s %-8s %-22s %-10s %10.1f %10.2f",
                env,
                r.get("numpy"),
                r.get("sum_of_squares"),
                r.get("mean"),
                coldMs,
                warm.get(warm.size() / 2)));
      }
      System.out.printf(Locale.ROOT, "pool built in %.1f ms (home %s)%n%n", startMs, home);
      System.out.printf(
          "%-4s %-8s %-22s %-10s %10s %10s%n",
          "env", "numpy", "sum of squares", "mean", "cold ms", "warm ms");
      rows.forEach(System.out::println);
      System.out.printf(
          "%n(n = %d; warm = median of %d calls; cold = first call, including any venv build and the worker's start)%n",
          N, WARM_CALLS);
    }
  }

  /** The home named on the command line, else the default one ($VENV_MUX_HOME, ~/.venvmux). */
  static Path home(String[] args) {
    return args.length > 0 ? Path.of(args[0]).toAbsolutePath() : EnvCache.atDefaultHome().home();
  }

  private static double ms(long since) {
    return (System.nanoTime() - since) / 1e6;
  }
}
