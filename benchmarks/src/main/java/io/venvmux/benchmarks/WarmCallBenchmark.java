package io.venvmux.benchmarks;

import io.venvmux.VenvHandle;
import java.io.IOException;
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
  final Map<String, Object> kwargs = Map.of("n", 7, "name", "abc");
  private RawEchoPipe floor;
  private BenchPool bench;
  private VenvHandle env;
  private BenchEntry typed;

  @Setup(Level.Trial)
  public void setUp() {
    floor = new RawEchoPipe();
    bench = new BenchPool();
    env = bench.env();
    typed = bench.pool().bind(BenchEntry.class);
  }

  @TearDown(Level.Trial)
  public void tearDown() throws Exception {
    floor.close();
    bench.close();
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
