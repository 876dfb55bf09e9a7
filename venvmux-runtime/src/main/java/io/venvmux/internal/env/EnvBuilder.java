package io.venvmux.internal.env;

import io.venvmux.EnvBuildException;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Builds one env in place at its final path (venvs record absolute paths, so they cannot be moved
 * after), logging each step, and writes the manifest as the very last step. The caller holds the
 * env's {@link BuildLock}. A failed build removes its folder, so it never blocks the next try.
 */
final class EnvBuilder {
  private static final Logger LOG = LoggerFactory.getLogger(EnvBuilder.class);

  private final EnvStore store;

  /** What {@code fastJson} installs: the worker uses it when importable. */
  static final String FAST_JSON_PACKAGE = "orjson";

  private final ProcessRunner runner;
  private final OsPlatform platform;

  EnvBuilder(EnvStore store, ProcessRunner runner, OsPlatform platform) {
    this.store = store;
    this.runner = runner;
    this.platform = platform;
  }

  VenvLayout build(EnvFingerprint fp, EnvSource source, PythonInstall python, Installer installer) {
    return build(fp, source, python, installer, false);
  }

  /**
   * Builds the env; with {@code fastJson}, orjson is installed after the env's own inputs (a no-op
   * when they already brought it, so their pinned version wins), best effort.
   */
  VenvLayout build(
      EnvFingerprint fp,
      EnvSource source,
      PythonInstall python,
      Installer installer,
      boolean fastJson) {
    String hash = fp.hash();
    VenvLayout venv = new VenvLayout(store.envDir(hash), platform);
    long start = System.nanoTime();
    LOG.info(
        "building env {} ({}) with {} on Python {} ({})",
        hash,
        source.describe(),
        installer.describe(),
        python.version(),
        python.executable());
    try {
      store.createEnvDir(hash);
      step(hash, installer.createVenv(python.executable(), venv));
      install(source, python, installer, venv);
      if (fastJson) {
        installFastJson(installer, venv);
      }
      Map<String, String> packages =
          EnvManifest.parsePackageList(runner.output(installer.list(venv)));
      double seconds = (System.nanoTime() - start) / 1e9;
      EnvManifest manifest =
          new EnvManifest(
              EnvManifest.FORMAT,
              hash,
              Instant.now().toString(),
              installer.describe(),
              python.executable().toString(),
              python.version(),
              source.kind(),
              fp.inputs(),
              source.files().stream().map(Path::toString).toList(),
              packages,
              Math.round(seconds * 10) / 10.0);
      manifest.writeTo(venv.root());
      store.markUsed(hash);
      String took = String.format(Locale.ROOT, "%.1f", seconds);
      LOG.info(
          "env {} ready in {} s: {} installed with {}",
          hash,
          took,
          packages.size() == 1 ? "1 package" : packages.size() + " packages",
          installer.name());
      store.recordBuild(
          Instant.now()
              + " built "
              + hash
              + " in "
              + took
              + " s with "
              + installer.name()
              + " by pid "
              + ProcessHandle.current().pid()
              + " ("
              + source.describe()
              + ")");
      return venv;
    } catch (EnvBuildException e) {
      discard(venv.root());
      throw new EnvBuildException(
          "Building env " + hash + " (" + source.describe() + ") failed. " + e.getMessage(),
          e.command(),
          e.outputTail());
    } catch (IOException | RuntimeException e) {
      discard(venv.root());
      throw new EnvBuildException(
          "Building env " + hash + " (" + source.describe() + ") failed: " + e,
          List.of(),
          List.of());
    }
  }

  private void install(
      EnvSource source, PythonInstall python, Installer installer, VenvLayout venv) {
    if (source instanceof EnvSource.Packages p) {
      step(venv, installer.installSpecifiers(venv, p.specifiers(), "installing " + p.describe()));
    } else if (source instanceof EnvSource.Requirements r) {
      List<String> args = new ArrayList<>();
      for (Path f : r.given()) {
        args.add("-r");
        args.add(f.toString());
      }
      step(venv, installer.install(venv, args, "installing " + r.describe()));
    } else if (source instanceof EnvSource.Project p) {
      installProject(p, python, installer, venv);
    }
  }

  private void installProject(
      EnvSource.Project p, PythonInstall python, Installer installer, VenvLayout venv) {
    if (p.lock().isPresent() && installer.syncsLockfiles()) {
      step(venv, installer.sync(p.dir(), python.executable(), venv));
      return;
    }
    if (p.lock().isPresent()) {
      LOG.info(
          "uv.lock in {} is not used: uv was not found, so {} installs from pyproject.toml",
          p.dir(),
          installer.name());
    }
    if (p.toml().isPackage()) {
      step(
          venv,
          installer.install(
              venv,
              List.of("-e", p.dir().toString()),
              "installing the project " + p.dir() + " (editable)"));
    } else if (!p.toml().dependencies().isEmpty()) {
      List<String> deps = p.toml().dependencies();
      step(
          venv,
          installer.installSpecifiers(
              venv,
              deps,
              "installing the project's " + deps.size() + " dependencies (it is not a package)"));
    } else {
      LOG.info(
          "project {} is no package and lists no dependencies: the env is an empty venv", p.dir());
    }
  }

  private void installFastJson(Installer installer, VenvLayout venv) {
    try {
      step(
          venv,
          installer.install(
              venv,
              List.of(FAST_JSON_PACKAGE),
              "installing orjson for the worker's JSON (EnvSpec.fastJson(false) leaves it out)"));
    } catch (RuntimeException e) {
      LOG.warn(
          "env {}: orjson could not be installed, the workers will use json: {}",
          venv.root().getFileName(),
          e.toString());
    }
  }

  /** Logs the step at INFO (so a long build shows what it is doing), then runs it. */
  private void step(String hash, Command command) {
    LOG.info("env {}: {}", hash, command.activity());
    runner.run(command);
  }

  private void step(VenvLayout venv, Command command) {
    step(venv.root().getFileName().toString(), command);
  }

  private static void discard(Path dir) {
    try {
      EnvStore.deleteTree(dir);
    } catch (RuntimeException e) {
      LOG.warn(
          "could not remove the failed build at {} ({}); the next build removes it",
          dir,
          e.getMessage());
    }
  }
}
