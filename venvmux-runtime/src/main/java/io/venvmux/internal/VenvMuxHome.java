package io.venvmux.internal;

import java.nio.file.Path;
import org.jspecify.annotations.Nullable;

/**
 * Where venvmux keeps envs and the extracted worker: the configured home, else $VENV_MUX_HOME, else
 * ~/.venvmux.
 */
public final class VenvMuxHome {
  private VenvMuxHome() {}

  public static Path resolve(@Nullable Path configured) {
    if (configured != null) {
      return configured.toAbsolutePath();
    }
    String fromEnv = System.getenv("VENV_MUX_HOME");
    if (fromEnv != null && !fromEnv.isBlank()) {
      return Path.of(fromEnv).toAbsolutePath();
    }
    return Path.of(System.getProperty("user.home"), ".venvmux");
  }
}
