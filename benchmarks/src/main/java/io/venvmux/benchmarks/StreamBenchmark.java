package io.venvmux.benchmarks;

import io.venvmux.VenvHandle;
import java.io.IOException;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Items per second of a streamed generator (small ints) beside the floor, in the same run: {@code
 * floor} is a Python loop writing item lines over a pipe with no flow control, read and decoded by
 * Jackson ({@code python-worker/bench/floor.py --stream}); {@code untypedStream} and {@code
 * typedStream} stream a real generator through a Pool, with credit, as natural values and as {@code
 * Long}. Scores are items per second.
 */
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 3, time = 3)
@Measurement(iterations = 5, time = 3)
@Fork(1)
@State(Scope.Benchmark)
public class StreamBenchmark {
  private static final int ITEMS = 10_000;
  private final Map<String, Object> kwargs = Map.of("n", ITEMS);
  private RawStreamPipe floor;
  private BenchPool bench;
  private VenvHandle env;

  @Setup(Level.Trial)
  public void setUp() {
    floor = new RawStreamPipe();
    bench = new BenchPool();
    env = bench.env();
  }

  @TearDown(Level.Trial)
  public void tearDown() throws Exception {
    floor.close();
    bench.close();
  }

  @Benchmark
  @OperationsPerInvocation(ITEMS)
  public long floor() throws IOException {
    return floor.drain(ITEMS);
  }

  @Benchmark
  @OperationsPerInvocation(ITEMS)
  public long untypedStream() {
    try (Stream<Object> items = env.stream("count", kwargs)) {
      return items.mapToLong(i -> ((Number) i).longValue()).sum();
    }
  }

  @Benchmark
  @OperationsPerInvocation(ITEMS)
  public long typedStream() {
    try (Stream<Long> items = env.stream("count", kwargs, Long.class)) {
      return items.mapToLong(Long::longValue).sum();
    }
  }
}
