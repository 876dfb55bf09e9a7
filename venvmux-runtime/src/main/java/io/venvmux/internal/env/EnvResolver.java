package io.venvmux.internal.env;

import io.venvmux.EnvBuildException;
import io.venvmux.EnvSpec;
import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Turns an {@link EnvSpec} into a ready env under a venvmux home, building the venv if needed.
 *
 * <p>A spec with a {@code venv} gets that venv as is. A spec without project, requirements or
 * packages runs on its interpreter directly. Any other spec gets {@code <home>/envs/<hash>}, built
 * once (see {@link EnvFingerprint} for what the hash covers) with uv when found, pip otherwise;
 * {@value InstallerChoice#PROPERTY} or {@code VENV_MUX_INSTALLER} ({@code auto|uv|pip}) choose.
 * Resolving an env that is already built reads a few files and starts no process.
 */
public final class EnvResolver {
  /** Looked up on first use: a pool starts its workers while logging still initializes. */
  private static final class Log {
    static final Logger LOG = LoggerFactory.getLogger(EnvResolver.class);
  }

  private static final Duration PROGRESS_TICK = Duration.ofSeconds(10);

  private final Path home;
  private final Map<String, String> env;
  private final OsPlatform platform;
  private final InstallerChoice choice;
  private final EnvStore store;
  private final InterpreterFinder finder;
  private final ProcessRunner runner;
  private volatile Installer installer;

  /**
   * Loads what hashing an env's inputs needs (the JDK's SHA-256 and its providers, tens of
   * milliseconds of a cold JVM), so that a pool can do it in the background before it resolves.
   */
  public static void warmUp() {
    EnvHash.warmUp();
  }

  public EnvResolver(Path home) {
    this(home, InstallerChoice.configured(System.getenv()), PROGRESS_TICK);
  }

  EnvResolver(Path home, InstallerChoice choice, Duration progressTick) {
    this.home = home.toAbsolutePath();
    this.env = System.getenv();
    this.platform = OsPlatform.current();
    this.choice = choice;
    this.store = new EnvStore(this.home);
    this.finder =
        new InterpreterFinder(
            env, Path.of("").toAbsolutePath(), new InterpreterProbe(this.home), platform);
    this.runner = new ProcessRunner(progressTick);
  }

  /** The venvmux home this resolver builds envs under. */
  public Path home() {
    return home;
  }

  /** Returns a ready env for the spec; blocks while a venv is built. */
  public ResolvedEnv resolve(EnvSpec spec) {
    if (spec.venv().isPresent()) {
      return existingVenv(spec.venv().get());
    }
    if (!spec.needsBuild()) {
      return new ResolvedEnv(finder.locate(spec.python()), null, Map.of());
    }
    long start = System.nanoTime();
    EnvSource source = EnvSource.of(spec);
    PythonInstall python = finder.find(spec.python());
    EnvFingerprint fp =
        EnvFingerprint.of(python, source, platform, env).withFastJson(spec.fastJson());
    Optional<ResolvedEnv> cached = cached(fp.hash());
    if (cached.isPresent()) {
      if (Log.LOG.isDebugEnabled()) {
        Log.LOG.debug(
            "env {} ({}) found in the cache in {} ms",
            fp.hash(),
            source.describe(),
            String.format(Locale.ROOT, "%.2f", (System.nanoTime() - start) / 1e6));
      }
      return cached.get();
    }
    return buildOnce(fp, source, python, spec.fastJson());
  }

  /**
   * The hash the spec's env has (or would have) under this home; finds the interpreter, builds
   * nothing.
   */
  public String hashOf(EnvSpec spec) {
    if (!spec.needsBuild()) {
      throw new IllegalArgumentException("this spec builds no env: " + spec);
    }
    return EnvFingerprint.of(finder.find(spec.python()), EnvSource.of(spec), platform, env)
        .withFastJson(spec.fastJson())
        .hash();
  }

  private Optional<ResolvedEnv> cached(String hash) {
    if (!store.isComplete(hash)) {
      return Optional.empty();
    }
    VenvLayout venv = new VenvLayout(store.envDir(hash), platform);
    if (venv.brokenReason().isPresent()) {
      return Optional.empty();
    }
    store.markUsed(hash);
    return Optional.of(ready(venv));
  }

  private ResolvedEnv buildOnce(
      EnvFingerprint fp, EnvSource source, PythonInstall python, boolean fastJson) {
    String hash = fp.hash();
    try (BuildLock lock = BuildLock.acquire(store.lockFile(hash), "env " + hash)) {
      Optional<ResolvedEnv> builtMeanwhile = cached(hash);
      if (builtMeanwhile.isPresent()) {
        Log.LOG.info(
            "env {} was built by another thread or process while this one waited; using it", hash);
        return builtMeanwhile.get();
      }
      InstallerPids pids = new InstallerPids(store.pidsFile(hash));
      pids.killLeftovers();
      Path dir = store.envDir(hash);
      if (Files.exists(dir)) {
        if (store.isComplete(hash)) {
          Log.LOG.info(
              "env {} is broken: {}; rebuilding it",
              hash,
              new VenvLayout(dir, platform).brokenReason().orElse("it does not look runnable"));
        } else {
          Log.LOG.info(
              "env {} has no completion mark: an earlier build did not finish; removing it and building again",
              hash);
        }
        EnvStore.deleteTree(dir);
      }
      try {
        return ready(
            new EnvBuilder(store, runner.reportingStarts(pids::record), platform)
                .build(fp, source, python, installer(python), fastJson));
      } finally {
        pids.clear();
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new EnvBuildException(
          "Interrupted while waiting for another build of env " + hash, List.of(), List.of());
    }
  }

  /**
   * The installer, found once per resolver (uv lookup may cost a process, and only builds need it).
   */
  private Installer installer(PythonInstall python) {
    Installer found = installer;
    if (found != null) {
      return found;
    }
    Path workDir = store.root();
    if (choice == InstallerChoice.PIP) {
      found = new Installer.Pip(workDir);
    } else {
      Optional<Path> uv =
          new UvLocator(env, platform, Path.of("").toAbsolutePath()).find(python.executable());
      if (uv.isPresent()) {
        found = new Installer.Uv(uv.get(), workDir, env);
      } else if (choice == InstallerChoice.UV) {
        throw new EnvBuildException(
            "uv was asked for ("
                + InstallerChoice.PROPERTY
                + "=uv) but not found: set "
                + UvLocator.VARIABLE
                + " to its path or put it on PATH.",
            List.of(),
            List.of());
      } else {
        Log.LOG.info(
            "uv not found (set {} or put uv on PATH for faster builds); using pip",
            UvLocator.VARIABLE);
        found = new Installer.Pip(workDir);
      }
    }
    installer = found;
    return found;
  }

  private ResolvedEnv existingVenv(Path root) {
    VenvLayout venv = new VenvLayout(root.toAbsolutePath(), platform);
    if (!Files.isExecutable(venv.python())) {
      throw new EnvBuildException(
          "EnvSpec.venv "
              + venv.root()
              + " has no interpreter at "
              + venv.python()
              + ". Point it at a venv's root folder (the one holding pyvenv.cfg), or create one with `python3 -m venv "
              + venv.root()
              + "`.",
          List.of(),
          List.of());
    }
    Optional<String> broken = venv.brokenReason();
    if (broken.isPresent() && Files.isRegularFile(venv.pyvenvCfg())) {
      throw new EnvBuildException(
          "EnvSpec.venv "
              + venv.root()
              + " cannot run: "
              + broken.get()
              + ". Recreate it; venvmux never modifies a given venv.",
          List.of(),
          List.of());
    }
    return ready(venv);
  }

  /** The worker's view of a venv: its interpreter, VIRTUAL_ENV, and its scripts first on PATH. */
  private ResolvedEnv ready(VenvLayout venv) {
    Map<String, String> vars = new HashMap<>();
    vars.put("VIRTUAL_ENV", venv.root().toString());
    String path = env.getOrDefault("PATH", "");
    vars.put(
        "PATH",
        path.isEmpty() ? venv.binDir().toString() : venv.binDir() + File.pathSeparator + path);
    return new ResolvedEnv(venv.python(), venv.root(), vars);
  }
}
