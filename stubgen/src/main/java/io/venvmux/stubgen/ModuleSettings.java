package io.venvmux.stubgen;

import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * The env settings written into the generated {@code @VenvModule}, as given on the command line
 * (paths stay as typed: they are read relative to the working directory of the program that binds
 * the client). {@code @VenvModule} has no venv setting: a given venv is only mentioned in the
 * interface's Javadoc.
 */
record ModuleSettings(
    @Nullable String python,
    @Nullable String project,
    List<String> requirements,
    List<String> packages,
    List<String> workerPaths,
    @Nullable String venv) {
  ModuleSettings {
    requirements = List.copyOf(requirements);
    packages = List.copyOf(packages);
    workerPaths = List.copyOf(workerPaths);
  }

  static ModuleSettings none() {
    return new ModuleSettings(null, null, List.of(), List.of(), List.of(), null);
  }
}
