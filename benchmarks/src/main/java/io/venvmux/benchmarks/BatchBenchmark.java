package io.venvmux.benchmarks;

import io.venvmux.EnvSpec;
import io.venvmux.Pool;
import io.venvmux.Serializer;
import io.venvmux.VenvHandle;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
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
 * 100k small calls on one worker, in calls per second, beside their floor in the same run: {@code
 * floorPipelined} is a raw JSON echo over a pipe to a minimal Python loop with up to 256 requests
 * outstanding; {@code map} is {@link VenvHandle#map} of the same calls on a one-worker env; {@code
 * burst} submits all of them with {@code callAsync} at once, then waits for every future; the
 * {@code Orjson} twins run the worker on orjson. Both envs use {@code pipelined(32)}.
 */
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 2, time = 1)
@Measurement(iterations = 3, time = 1)
@Fork(1)
@State(Scope.Benchmark)
public class BatchBenchmark {
  static final int CALLS = 100_000;
  static final int WINDOW = 256;

  private final Map<String, Object> kwargs = Map.of("n", 7, "name", "abc");
  private final List<Map<String, Object>> inputs = Collections.nCopies(CALLS, kwargs);
  private RawEchoPipe floor;
  private Pool pool;
  private VenvHandle env;
  private Pool orjsonPool;
  private VenvHandle orjsonEnv;
  private TempHome home;

  @Setup(Level.Trial)
  public void setUp() {
    floor = new RawEchoPipe();
    home = new TempHome();
    pool = oneWorkerPool(Serializer.JSON);
    env = pool.venv("bench");
    env.call("echo", kwargs); // start the worker outside the measurement
    orjsonPool = oneWorkerPool(Serializer.ORJSON);
    orjsonEnv = orjsonPool.venv("bench");
    orjsonEnv.call("echo", kwargs);
  }

  private Pool oneWorkerPool(Serializer serializer) {
    return Pool.builder()
        .home(home.dir())
        .serializer(serializer)
        .env(
            "bench",
            EnvSpec.builder()
                .python(BenchPaths.python())
                .workers(1)
                .pipelined(32)
                .maxQueued(2 * CALLS) // the burst queues all of its calls at once
                .workerPaths(BenchPaths.pythonDir())
                .build(),
            "bench_entry")
        .build();
  }

  @TearDown(Level.Trial)
  public void tearDown() throws Exception {
    floor.close();
    pool.close();
    orjsonPool.close();
    home.close();
  }

  @Benchmark
  @OperationsPerInvocation(CALLS)
  public Object floorPipelined() throws IOException {
    return floor.pipelined("echo", kwargs, CALLS, WINDOW);
  }

  @Benchmark
  @OperationsPerInvocation(CALLS)
  public Object map() {
    return env.map("echo", inputs, 1);
  }

  @Benchmark
  @OperationsPerInvocation(CALLS)
  public Object burst() {
    return burst(env);
  }

  /** {@code map} with the worker on orjson (the pool's {@code Serializer.ORJSON}). */
  @Benchmark
  @OperationsPerInvocation(CALLS)
  public Object mapOrjson() {
    return orjsonEnv.map("echo", inputs, 1);
  }

  /** {@code burst} with the worker on orjson. */
  @Benchmark
  @OperationsPerInvocation(CALLS)
  public Object burstOrjson() {
    return burst(orjsonEnv);
  }

  private Object burst(VenvHandle target) {
    List<CompletableFuture<Object>> futures = new ArrayList<>(CALLS);
    for (int i = 0; i < CALLS; i++) {
      futures.add(target.callAsync("echo", kwargs));
    }
    Object last = null;
    for (CompletableFuture<Object> f : futures) {
      last = f.join();
    }
    return last;
  }
}
