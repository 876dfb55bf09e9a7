package io.venvmux.benchmarks;

import io.venvmux.EnvSpec;
import io.venvmux.Pool;
import io.venvmux.VenvHandle;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
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
 * Big binary data through one worker of a numpy env, beside its floor in the same run: {@code
 * floorReadFile} reads the same 100 MB from a file in the page cache with a {@code FileChannel}
 * into a new {@code byte[]} (what the host must do at least once per result). MB/s = 100 / (ms/op /
 * 1000); the ndarray benchmarks move 80 MB.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 2, time = 2)
@Measurement(iterations = 3, time = 3)
@Fork(
    value = 1,
    jvmArgs = {"-Xmx448m"})
@State(Scope.Benchmark)
public class BinaryDataBenchmark {
  static final int MB100 = 100 << 20;
  static final int DOUBLES = 10_000_000; // 80 MB

  private Pool pool;
  private VenvHandle env;
  private TempHome home;
  private Path floorFile;
  private byte[] argument;
  private double[] doubles;

  @Setup(Level.Trial)
  public void setUp() throws IOException {
    home = new TempHome();
    floorFile = Files.write(home.dir().resolve("floor.bin"), new byte[MB100]);
    argument = new byte[MB100];
    doubles = new double[DOUBLES];
    EnvSpec numpyEnv =
        BenchPaths.oneWorker().packages("numpy>=2").build(); // the same numpy as the tests
    pool = Pool.builder().home(home.dir()).env("bench", numpyEnv, "bench_binary").build();
    env = pool.venv("bench");
    env.call("blob", Map.of("n", MB100)); // start the worker and build the data outside
    env.call("ramp", Map.of("n", DOUBLES));
  }

  @TearDown(Level.Trial)
  public void tearDown() throws Exception {
    pool.close();
    home.close();
  }

  @Benchmark
  public byte[] floorReadFile() throws IOException {
    try (FileChannel ch = FileChannel.open(floorFile, StandardOpenOption.READ)) {
      byte[] data = new byte[(int) ch.size()];
      ByteBuffer b = ByteBuffer.wrap(data);
      while (b.hasRemaining() && ch.read(b) >= 0) {
        // read on
      }
      return data;
    }
  }

  @Benchmark
  public byte[] bytesResult() {
    return env.call("blob", Map.of("n", MB100), byte[].class);
  }

  @Benchmark
  public Object bytesArgument() {
    return env.call("size_of", Map.of("data", argument));
  }

  @Benchmark
  public double[] ndarrayToDoubles() {
    return env.call("ramp", Map.of("n", DOUBLES), double[].class);
  }

  @Benchmark
  public Object doublesToNdarray() {
    return env.call("shape_of", Map.of("values", doubles));
  }
}
