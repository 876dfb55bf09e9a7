package io.venvmux.benchmarks;

import io.venvmux.EnvSpec;
import io.venvmux.Pool;
import io.venvmux.VenvHandle;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * One warm call (small kwargs, small dict result) beside the floor, in the same run: {@code floor}
 * is a raw JSON echo over a pipe, {@code untypedCall} the same round trip through a Pool and a real
 * worker. Compare their p0.50 lines.
 */
@BenchmarkMode(Mode.SampleTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 3)
@Measurement(iterations = 5, time = 3)
@Fork(1)
@State(Scope.Benchmark)
public class WarmCallBenchmark {
  private final Map<String, Object> kwargs = Map.of("n", 7, "name", "abc");
  private RawEchoPipe floor;
  private Pool pool;
  private VenvHandle env;
  private Path home;

  @Setup(Level.Trial)
  public void setUp() throws IOException {
    Path pythonDir = BenchPaths.pythonDir();
    floor = new RawEchoPipe(BenchPaths.python(), BenchPaths.floorScript());
    home = Files.createTempDirectory("venvmux-bench-");
    pool =
        Pool.builder()
            .home(home)
            .env(
                "bench",
                EnvSpec.builder().python(BenchPaths.python()).workers(1).workerPaths(pythonDir).build(),
                "bench_entry")
            .build();
    env = pool.venv("bench");
    env.call("echo", kwargs); // start the worker outside the measurement
  }

  @TearDown(Level.Trial)
  public void tearDown() throws Exception {
    floor.close();
    pool.close();
    Bench.deleteTree(home);
  }

  @Benchmark
  public Object floor() throws IOException {
    return floor.call("echo", kwargs);
  }

  @Benchmark
  public Object untypedCall() {
    return env.call("echo", kwargs);
  }
}
