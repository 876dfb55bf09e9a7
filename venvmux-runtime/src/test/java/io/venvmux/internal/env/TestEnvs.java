package io.venvmux.internal.env;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** Shared bits of the env tests: the shared home and running a snippet on an env's interpreter. */
final class TestEnvs {
  private TestEnvs() {}

  /**
   * A home shared by the tests that only need some env built once (surefire sets
   * venvmux.test.home).
   */
  static Path sharedHome() {
    return Path.of(System.getProperty("venvmux.test.home", "target/venvmux-home")).toAbsolutePath();
  }

  /** The real file behind {@code python3} on PATH (a pyenv shim followed). */
  static Path realPython3() throws IOException {
    PathSearch path = PathSearch.fromEnvironment(System.getenv(), OsPlatform.current());
    Path onPath = path.find("python3").orElseThrow();
    return new PyenvShims(System.getenv(), Path.of(""))
        .resolve(onPath, path)
        .orElseThrow()
        .toRealPath();
  }

  /** Runs {@code python -c code} and returns its stdout, stripped; fails on a non-zero exit. */
  static String python(Path python, String code) throws IOException, InterruptedException {
    Process p =
        new ProcessBuilder(List.of(python.toString(), "-c", code))
            .redirectErrorStream(true)
            .start();
    String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();
    if (!p.waitFor(60, TimeUnit.SECONDS)) {
      p.destroyForcibly();
      throw new IllegalStateException("python did not finish: " + out);
    }
    if (p.exitValue() != 0) {
      throw new IllegalStateException("python exited " + p.exitValue() + ": " + out);
    }
    return out;
  }

  static String readString(Path file) {
    try {
      return java.nio.file.Files.readString(file);
    } catch (IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }

  /** Removes a temp home's envs without following the venvs' links to their base interpreter. */
  static void deleteEnvs(Path home) {
    EnvStore.deleteTree(home.resolve("envs"));
  }

  /** The lines of the home's build history that mention the hash. */
  static List<String> builds(Path home, String hash) throws IOException {
    Path log = new EnvStore(home).root().resolve(EnvStore.HISTORY);
    List<String> out = new ArrayList<>();
    if (java.nio.file.Files.exists(log)) {
      for (String line : java.nio.file.Files.readAllLines(log)) {
        if (line.contains(" built " + hash + " ")) {
          out.add(line);
        }
      }
    }
    return out;
  }
}
