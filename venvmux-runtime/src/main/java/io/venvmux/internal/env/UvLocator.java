package io.venvmux.internal.env;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Finds uv, in this order: {@code $VENV_MUX_UV}; {@code uv} on PATH (a pyenv shim followed to the
 * real binary); {@code ~/.local/bin/uv} and {@code ~/.cargo/bin/uv}, where uv's own installer puts
 * it; last, the uv Python package of the build's base interpreter ({@code import uv;
 * uv.find_uv_bin()}, as after {@code pip install uv}). The last costs one short process, and only
 * when a build is about to run anyway.
 */
final class UvLocator {
  static final String VARIABLE = "VENV_MUX_UV";
  private static final Logger LOG = LoggerFactory.getLogger(UvLocator.class);

  private final Map<String, String> env;
  private final OsPlatform platform;
  private final Path workingDir;

  UvLocator(Map<String, String> env, OsPlatform platform, Path workingDir) {
    this.env = env;
    this.platform = platform;
    this.workingDir = workingDir;
  }

  Optional<Path> find(Path basePython) {
    String configured = env.get(VARIABLE);
    if (configured != null && !configured.isBlank()) {
      Path p = Path.of(configured.strip());
      if (Files.isExecutable(p)) {
        return Optional.of(p);
      }
      LOG.warn("{}={} is not an executable file; looking for uv elsewhere", VARIABLE, configured);
    }
    PathSearch path = PathSearch.fromEnvironment(env, platform);
    Optional<Path> onPath =
        path.find("uv").flatMap(p -> new PyenvShims(env, workingDir).resolve(p, path));
    if (onPath.isPresent()) {
      return onPath;
    }
    Path userHome = Path.of(System.getProperty("user.home"));
    for (Path dir :
        List.of(
            userHome.resolve(".local").resolve("bin"), userHome.resolve(".cargo").resolve("bin"))) {
      Optional<Path> hit = new PathSearch(List.of(dir), platform).find("uv");
      if (hit.isPresent()) {
        return hit;
      }
    }
    return fromPythonPackage(basePython);
  }

  private Optional<Path> fromPythonPackage(Path basePython) {
    Command ask =
        new Command(
            List.of(basePython.toString(), "-c", "import uv; print(uv.find_uv_bin())"),
            Map.of(),
            Set.of("PYTHONHOME", "PYTHONPATH"),
            workingDir,
            "looking for uv in " + basePython + "'s packages",
            Duration.ofSeconds(30));
    try {
      Path p = Path.of(new ProcessRunner(Duration.ofSeconds(10)).output(ask).strip());
      return Files.isExecutable(p) ? Optional.of(p) : Optional.empty();
    } catch (RuntimeException e) {
      return Optional.empty(); // no uv package: pip it is
    }
  }
}
