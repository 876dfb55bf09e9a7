package io.venvmux.internal.ray;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.venvmux.EnvSpec;
import io.venvmux.EnvStartException;
import io.venvmux.RayCluster;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The JSON the proxy hands to Ray: the job's {@code runtime_env} (the env's requirements as {@code
 * uv} packages, its environment variables) and each actor's resource options. {@code py_modules}
 * are added by the proxy, which lists the folders' modules.
 */
final class RuntimeEnv {
  private static final ObjectMapper JSON = new ObjectMapper();

  private RuntimeEnv() {}

  /**
   * The runtime_env of an env's actors.
   *
   * @throws EnvStartException the env names an existing venv, which cannot travel to a cluster
   */
  static String of(String name, EnvSpec spec) {
    if (spec.venv().isPresent()) {
      throw new EnvStartException(
          "env '"
              + name
              + "' names an existing venv ("
              + spec.venv().get()
              + "), which cannot move to a Ray cluster; give its packages or requirements instead",
          "");
    }
    ObjectNode env = JSON.createObjectNode();
    List<String> requirements = requirements(spec);
    if (!requirements.isEmpty()) {
      env.putObject("uv").putPOJO("packages", requirements);
    }
    if (!spec.environment().isEmpty()) {
      env.putPOJO("env_vars", spec.environment());
    }
    return write(env);
  }

  /** Each actor's num_cpus, num_gpus and custom resources, as Ray's actor options. */
  static String actorOptions(RayCluster cluster) {
    ObjectNode options = JSON.createObjectNode();
    cluster.numCpus().ifPresent(n -> options.put("num_cpus", n));
    cluster.numGpus().ifPresent(n -> options.put("num_gpus", n));
    if (!cluster.resources().isEmpty()) {
      options.putPOJO("resources", cluster.resources());
    }
    return write(options);
  }

  /**
   * The project (as a path: only a cluster that sees this machine's files can install it), then the
   * requirements files' lines, then the inline packages.
   */
  private static List<String> requirements(EnvSpec spec) {
    List<String> all = new ArrayList<>();
    spec.project().ifPresent(p -> all.add(p.toAbsolutePath().toString()));
    for (Path file : spec.requirements()) {
      all.addAll(lines(file));
    }
    all.addAll(spec.packages());
    return all;
  }

  private static List<String> lines(Path file) {
    try {
      return Files.readAllLines(file, StandardCharsets.UTF_8).stream()
          .map(String::strip)
          .filter(l -> !l.isEmpty() && !l.startsWith("#"))
          .toList();
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read requirements file " + file, e);
    }
  }

  private static String write(ObjectNode node) {
    try {
      return JSON.writeValueAsString(node);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
