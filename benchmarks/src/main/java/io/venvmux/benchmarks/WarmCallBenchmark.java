package io.venvmux.benchmarks;

import io.venvmux.EnvSpec;
import io.venvmux.Pool;
import io.venvmux.VenvHandle;
import java.io.IOException;
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
 * is a raw JSON echo over a pipe to a minimal Python loop; {@code untypedCall} the same round trip
 * through a Pool and a real worker; {@code typedCall} the same through a generated client; {@code
 * typedRecordCall} a dataclass result read as a record. Compare their p0.50 lines.
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
  private BenchEntry typed;
  private TempHome home;

  @Setup(Level.Trial)
  public void setUp() {
    Path pythonDir = BenchPaths.pythonDir();
    floor = new RawEchoPipe(BenchPaths.python(), BenchPaths.floorScript());
    home = new TempHome();
    pool =
        Pool.builder()
            .home(home.dir())
            .env(
                "bench",
                EnvSpec.builder()
                    .python(BenchPaths.python())
                    .workers(1)
                    .workerPaths(pythonDir)
                    .build(),
                "bench_entry")
            .build();
    env = pool.venv("bench");
    env.call("echo", kwargs); // start the worker outside the measurement
    typed = pool.bind(BenchEntry.class);
  }

  @TearDown(Level.Trial)
  public void tearDown() throws Exception {
    floor.close();
    pool.close();
    home.close();
  }

  @Benchmark
  public Object floor() throws IOException {
    return floor.call("echo", kwargs);
  }

  @Benchmark
  public Object untypedCall() {
    return env.call("echo", kwargs);
  }

  @Benchmark
  public Object typedCall() {
    return typed.echo(7, "abc");
  }

  @Benchmark
  public Object typedRecordCall() {
    return typed.echoItem(7, "abc");
  }
}
