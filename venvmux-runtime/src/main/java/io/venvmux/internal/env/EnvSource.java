package io.venvmux.internal.env;

import io.venvmux.EnvBuildException;
import io.venvmux.EnvSpec;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.slf4j.LoggerFactory;

/**
 * What gets installed into a built env, picked from an {@link EnvSpec} by priority: project &gt;
 * requirements &gt; packages (a {@code venv} is never built, so it is not a source).
 */
sealed interface EnvSource {
  /**
   * The source's short name, as in the manifest: {@code project}, {@code requirements}, {@code
   * packages}.
   */
  String kind();

  /**
   * What the hash covers besides interpreter, platform and index: file contents, sorted packages.
   */
  Map<String, String> hashInputs();

  /** The files read for the hash, in order (empty for inline packages). */
  List<Path> files();

  /** One line for logs and messages. */
  String describe();

  /** The source of a spec that needs a build. */
  static EnvSource of(EnvSpec spec) {
    if (spec.project().isPresent()) {
      if (!spec.requirements().isEmpty() || !spec.packages().isEmpty()) {
        LoggerFactory.getLogger(EnvSource.class)
            .warn(
                "EnvSpec has a project and also requirements/packages; the project takes priority, the others are ignored");
      }
      return Project.of(spec.project().get());
    }
    if (!spec.requirements().isEmpty()) {
      if (!spec.packages().isEmpty()) {
        LoggerFactory.getLogger(EnvSource.class)
            .warn(
                "EnvSpec has requirements and also packages; the requirements take priority, the packages are ignored");
      }
      return new Requirements(
          spec.requirements().stream().map(p -> p.toAbsolutePath().normalize()).toList());
    }
    return new Packages(spec.packages().stream().sorted().distinct().toList());
  }

  /** Inline specifiers, sorted so their order never changes the env. */
  record Packages(List<String> specifiers) implements EnvSource {
    public Packages {
      specifiers = List.copyOf(specifiers);
    }

    @Override
    public String kind() {
      return "packages";
    }

    @Override
    public Map<String, String> hashInputs() {
      return Map.of("packages", String.join("\n", specifiers));
    }

    @Override
    public List<Path> files() {
      return List.of();
    }

    @Override
    public String describe() {
      return specifiers.size()
          + (specifiers.size() == 1 ? " package: " : " packages: ")
          + String.join(", ", specifiers);
    }
  }

  /** Requirements files as given; {@link #files()} adds what they include. */
  record Requirements(List<Path> given) implements EnvSource {
    public Requirements {
      given = List.copyOf(given);
    }

    @Override
    public String kind() {
      return "requirements";
    }

    @Override
    public Map<String, String> hashInputs() {
      Map<String, String> in = new LinkedHashMap<>();
      List<Path> all = files();
      for (int i = 0; i < all.size(); i++) {
        in.put("requirements[" + i + "]", EnvHash.sha256Hex(all.get(i)));
      }
      return in;
    }

    @Override
    public List<Path> files() {
      return RequirementsFiles.withIncludes(given);
    }

    @Override
    public String describe() {
      return "requirements " + given.stream().map(p -> p.getFileName().toString()).toList();
    }
  }

  /**
   * A pyproject.toml folder: {@code uv sync} when it has uv.lock and uv is there, else the project
   * is installed (editable, so its sources stay where they are), or just its dependencies when it
   * is not a package.
   */
  record Project(Path dir, PyprojectToml toml, Optional<Path> lock) implements EnvSource {
    static Project of(Path dir) {
      Path abs = dir.toAbsolutePath().normalize();
      Path pyproject = abs.resolve("pyproject.toml");
      if (!Files.isRegularFile(pyproject)) {
        throw new EnvBuildException(
            "EnvSpec.project "
                + abs
                + " has no pyproject.toml; point it at the folder that holds one.",
            List.of(),
            List.of());
      }
      Path lock = abs.resolve("uv.lock");
      return new Project(
          abs,
          PyprojectToml.read(pyproject),
          Files.isRegularFile(lock) ? Optional.of(lock) : Optional.empty());
    }

    Path pyproject() {
      return dir.resolve("pyproject.toml");
    }

    @Override
    public String kind() {
      return "project";
    }

    @Override
    public Map<String, String> hashInputs() {
      Map<String, String> in = new LinkedHashMap<>();
      in.put("pyproject.toml", EnvHash.sha256Hex(pyproject()));
      lock.ifPresent(l -> in.put("uv.lock", EnvHash.sha256Hex(l)));
      if (toml.isPackage()) {
        // installed editable: the env points at this folder, so another folder is another env
        in.put("project", dir.toString());
      }
      return in;
    }

    @Override
    public List<Path> files() {
      List<Path> f = new ArrayList<>(List.of(pyproject()));
      lock.ifPresent(f::add);
      return f;
    }

    @Override
    public String describe() {
      return "project "
          + dir
          + (lock.isPresent() ? " (uv.lock)" : "")
          + (toml.isPackage() ? "" : " (dependencies only)");
    }
  }
}
