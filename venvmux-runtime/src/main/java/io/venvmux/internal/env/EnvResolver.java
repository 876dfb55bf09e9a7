package io.venvmux.internal.env;

import io.venvmux.EnvSpec;
import java.nio.file.Path;
import java.util.Map;

/** Turns an {@link EnvSpec} into a ready env under a venvmux home, building the venv if needed. */
public final class EnvResolver {
  private final Path home;

  public EnvResolver(Path home) {
    this.home = home;
  }

  /** The venvmux home this resolver builds envs under. */
  public Path home() {
    return home;
  }

  /** Returns a ready env for the spec; blocks while a venv is built. */
  public ResolvedEnv resolve(EnvSpec spec) {
    if (spec.venv().isPresent()) {
      Path venv = spec.venv().get();
      return new ResolvedEnv(venv.resolve("bin").resolve("python"), venv, Map.of("VIRTUAL_ENV", venv.toString()));
    }
    if (spec.needsBuild()) {
      throw new UnsupportedOperationException("building venvs is not implemented yet");
    }
    return new ResolvedEnv(Path.of(spec.python().orElse("python3")), null, Map.of());
  }
}
