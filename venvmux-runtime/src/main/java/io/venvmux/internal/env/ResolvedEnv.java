package io.venvmux.internal.env;

import java.nio.file.Path;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * A ready env: the interpreter a worker runs on, and what to add to its environment.
 *
 * @param python the interpreter executable (inside the venv when there is one)
 * @param venv the venv root, or null when the worker runs on the bare interpreter
 * @param environment variables to set for the worker (e.g. {@code VIRTUAL_ENV})
 */
public record ResolvedEnv(Path python, @Nullable Path venv, Map<String, String> environment) {
  public ResolvedEnv {
    environment = Map.copyOf(environment);
  }
}
