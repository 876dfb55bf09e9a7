package io.venvmux.benchmarks.env;

import io.venvmux.EnvSpec;
import io.venvmux.benchmarks.TempHome;
import io.venvmux.internal.env.EnvManifest;
import io.venvmux.internal.env.EnvResolver;
import io.venvmux.internal.env.ResolvedEnv;
import java.util.Objects;
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
 * Building the {@code numpy<2} env from nothing with uv, beside building it with pip: {@code new
 * EnvResolver(home).resolve(spec)} in a fresh home per iteration, the installer chosen with the
 * {@code venvmux.installer} property. Each includes creating the venv, installing, listing the
 * installed packages and writing the manifest.
 *
 * <p>Caches are warm: the warmup iteration downloads whatever uv's cache or pip's HTTP cache lacks,
 * so the measured builds show installing from the local cache, not the network. {@code uv} needs uv
 * to be found (VENV_MUX_UV, PATH, ...) and fails otherwise. After each iteration the env's manifest
 * is checked to name the installer asked for and a numpy 1.
 */
@BenchmarkMode(Mode.SingleShotTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 1)
@Measurement(iterations = 3)
@Fork(1)
@State(Scope.Benchmark)
public class NumpyBuildBenchmark {
  private static final String INSTALLER_PROPERTY = "venvmux.installer";

  private final EnvSpec spec = EnvSpec.builder().packages("numpy<2").build();
  private TempHome home;
  private String installer;
  private ResolvedEnv built;

  @Setup(Level.Iteration)
  public void freshHome() {
    home = new TempHome();
  }

  @TearDown(Level.Iteration)
  public void checkAndDeleteHome() {
    try {
      EnvManifest manifest =
          EnvManifest.read(Objects.requireNonNull(built.venv()))
              .orElseThrow(() -> new IllegalStateException("no manifest in " + built.venv()));
      String numpy = manifest.packages().getOrDefault("numpy", "none");
      if (!manifest.installer().startsWith(installer) || !numpy.startsWith("1.")) {
        throw new IllegalStateException(
            "asked "
                + installer
                + " for numpy<2, got "
                + manifest.installer()
                + " and numpy "
                + numpy);
      }
    } finally {
      home.close();
    }
  }

  @Benchmark
  public ResolvedEnv uv() {
    return buildWith("uv");
  }

  @Benchmark
  public ResolvedEnv pip() {
    return buildWith("pip");
  }

  private ResolvedEnv buildWith(String name) {
    installer = name;
    System.setProperty(INSTALLER_PROPERTY, name);
    built = new EnvResolver(home.dir()).resolve(spec);
    return built;
  }
}
