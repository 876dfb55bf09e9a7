package io.venvmux.benchmarks.env;

import io.venvmux.EnvSpec;
import io.venvmux.benchmarks.BenchPaths;
import io.venvmux.benchmarks.TempHome;
import io.venvmux.internal.env.EnvManifest;
import io.venvmux.internal.env.EnvResolver;
import io.venvmux.internal.env.EnvStore;
import io.venvmux.internal.env.ResolvedEnv;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
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
 * Resolving an env that is already built, beside reading its manifest file.
 *
 * <ul>
 *   <li>{@code resolveWithNewResolver}: {@code new EnvResolver(home).resolve(spec)}, what a new
 *       Pool does per env (find the interpreter, hash the spec, check the manifest and the venv,
 *       touch the last-used mark).
 *   <li>{@code resolveWithSameResolver}: {@code resolve(spec)} on one resolver kept across calls.
 *   <li>{@code readManifest} (the baseline): {@code Files.readAllBytes} of the env's manifest.
 * </ul>
 *
 * <p>The setup builds the six env once in a home under a temp dir. The target is under 20 ms.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
@State(Scope.Benchmark)
public class ResolveCachedBenchmark {
  private TempHome home;
  private EnvSpec spec;
  private EnvResolver resolver;
  private Path manifest;

  @Setup(Level.Trial)
  public void setUp() {
    home = new TempHome();
    spec = BenchEnv.SIX.spec(BenchPaths.pythonDir());
    resolver = new EnvResolver(home.dir());
    resolver.resolve(spec); // builds it
    manifest =
        new EnvStore(home.dir()).envDir(resolver.hashOf(spec)).resolve(EnvManifest.FILE_NAME);
    if (!Files.isRegularFile(manifest)) {
      throw new IllegalStateException("no manifest at " + manifest);
    }
  }

  @TearDown(Level.Trial)
  public void tearDown() {
    home.close();
  }

  @Benchmark
  public ResolvedEnv resolveWithNewResolver() {
    return new EnvResolver(home.dir()).resolve(spec);
  }

  @Benchmark
  public ResolvedEnv resolveWithSameResolver() {
    return resolver.resolve(spec);
  }

  @Benchmark
  public byte[] readManifest() throws IOException {
    return Files.readAllBytes(manifest);
  }
}
