package io.venvmux.benchmarks.env;

import io.venvmux.Pool;
import io.venvmux.benchmarks.BenchPaths;
import io.venvmux.benchmarks.TempHome;
import io.venvmux.internal.env.EnvResolver;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Time to the first call on a cached env, from a cold JVM to the result, beside Python importing
 * the same module in the same env.
 *
 * <ul>
 *   <li>{@code firstCallInFreshJvm}: a fresh {@code java -cp <this classpath> FirstCallMain} that
 *       builds a Pool on the env (already built in the home), makes one call and prints the result.
 *       It covers the JVM's start, the env's resolution, the worker's start and import of the
 *       module, the call, and the pool's shutdown.
 *   <li>{@code pythonImport} (the baseline): {@code <env python> -c "import <module>"} in that env.
 *   <li>{@code jvmStartOnly}: the same java command that exits at once, to tell how much of the
 *       difference is the JVM's own start.
 *   <li>{@code wireMapperInFreshJvm}: the same java command that builds the wire's Jackson mapper
 *       (which every call needs) and exits: the JVM's start plus Jackson's.
 *   <li>{@code resolveInFreshJvm}: the same java command that resolves the cached env ({@code new
 *       EnvResolver(home).resolve(spec)}) and exits: the JVM's start plus a cold resolve, class
 *       loading included (see {@link ResolveCachedBenchmark} for a warm one).
 * </ul>
 *
 * <p>The setup builds the env once in a home under a temp dir and makes one call through a Pool
 * there, so the measured runs find the env and the extracted worker cached. Each measurement is one
 * process run to its end (SingleShotTime).
 */
@BenchmarkMode(Mode.SingleShotTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 2)
@Measurement(iterations = 10)
@Fork(1)
@State(Scope.Benchmark)
public class ColdFirstCallBenchmark {
  @Param({"SIX", "NUMPY"})
  public BenchEnv env;

  private TempHome home;
  private List<String> firstCall;
  private List<String> pythonImport;
  private List<String> jvmOnly;
  private List<String> wireMapperOnly;
  private List<String> resolveOnly;
  private Map<String, String> pythonPath;

  @Setup(Level.Trial)
  public void setUp() {
    home = new TempHome();
    Path pythonDir = BenchPaths.pythonDir();
    Object version;
    try (Pool pool =
        Pool.builder().home(home.dir()).env("bench", env.spec(pythonDir), env.module()).build()) {
      version =
          pool.call("bench", BenchEnv.FUNCTION, Map.of()); // builds the env, extracts the worker
    }
    Path envPython = new EnvResolver(home.dir()).resolve(env.spec(pythonDir)).python();
    firstCall =
        ChildProcess.javaCommand(
            FirstCallMain.class, home.dir().toString(), pythonDir.toString(), env.name());
    jvmOnly = ChildProcess.javaCommand(FirstCallMain.class, FirstCallMain.JVM_ONLY);
    wireMapperOnly = ChildProcess.javaCommand(FirstCallMain.class, FirstCallMain.WIRE_MAPPER_ONLY);
    resolveOnly =
        ChildProcess.javaCommand(
            FirstCallMain.class,
            FirstCallMain.RESOLVE_ONLY,
            home.dir().toString(),
            pythonDir.toString(),
            env.name());
    pythonImport = List.of(envPython.toString(), "-c", "import " + env.module());
    pythonPath = Map.of("PYTHONPATH", pythonDir.toString());
    String printed = ChildProcess.run(firstCall, Map.of());
    if (!printed.equals(String.valueOf(version))) {
      throw new IllegalStateException(
          "the child JVM printed '" + printed + "', expected " + env + "'s version " + version);
    }
  }

  @TearDown(Level.Trial)
  public void tearDown() {
    home.close();
  }

  @Benchmark
  public String firstCallInFreshJvm() {
    return ChildProcess.run(firstCall, Map.of());
  }

  @Benchmark
  public String pythonImport() {
    return ChildProcess.run(pythonImport, pythonPath);
  }

  @Benchmark
  public String jvmStartOnly() {
    return ChildProcess.run(jvmOnly, Map.of());
  }

  @Benchmark
  public String wireMapperInFreshJvm() {
    return ChildProcess.run(wireMapperOnly, Map.of());
  }

  @Benchmark
  public String resolveInFreshJvm() {
    return ChildProcess.run(resolveOnly, Map.of());
  }
}
