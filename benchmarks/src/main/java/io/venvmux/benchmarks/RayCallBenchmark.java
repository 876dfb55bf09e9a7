package io.venvmux.benchmarks;

import io.venvmux.RayCluster;
import io.venvmux.VenvHandle;
import java.time.Duration;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;

/**
 * One warm call through a Ray-backed env ({@code rayCall}: the env's one worker is an actor on a
 * local Ray, {@link RayCluster#local()}, started in the set-up) beside the warm-call benchmark's
 * own, in the same run: {@code floor} (a raw JSON echo over a pipe) and {@code untypedCall} (the
 * same echo through a Pool and a local worker). The difference to {@code untypedCall} is the
 * proxy's pipe hop and Ray's actor call. Run {@code RayCallBenchmark\.(floor|untypedCall|rayCall)}
 * for just these three; compare their p0.50 lines.
 */
public class RayCallBenchmark extends WarmCallBenchmark {

  /** The Ray-backed pool, apart from the local one so that only this benchmark starts Ray. */
  @State(Scope.Benchmark)
  public static class RayEnv {
    private BenchPool bench;
    private VenvHandle env;

    @Setup(Level.Trial)
    public void setUp() {
      // The start covers building the proxy's env, the local Ray's start and the actor's.
      bench =
          new BenchPool(spec -> spec.ray(RayCluster.local()).startTimeout(Duration.ofMinutes(5)));
      env = bench.env();
    }

    @TearDown(Level.Trial)
    public void tearDown() {
      bench.close();
    }
  }

  @Benchmark
  public Object rayCall(RayEnv ray) {
    return ray.env.call("echo", kwargs);
  }
}
