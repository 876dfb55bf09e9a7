package io.venvmux;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;

/**
 * The headline case through the public API: numpy 1 and numpy 2 in two envs of one pool, each built
 * from inline packages, called at once. The numpy 1 env runs on another interpreter version where
 * pyenv has a 3.12, and its worker reports that version.
 */
class NumpyEnvsSideBySideTest {

  @Test
  void numpyOneAndTwoAnswerFromTheirOwnEnvs() {
    String otherPython = pyenv312() ? "3.12" : TestEnvs.python();
    try (Pool pool =
        TestEnvs.pool()
            .env(
                "v1",
                EnvSpec.builder()
                    .python(otherPython)
                    .packages("numpy<2")
                    .workerPaths(TestEnvs.FIXTURES)
                    .workers(1)
                    .build(),
                "vmx_numpy")
            .env("v2", TestEnvs.spec().packages("numpy>=2").workers(1).build(), "vmx_numpy")
            .build()) {
      CompletableFuture<Object> v1 = pool.callAsync("v1", "versions", Map.of());
      CompletableFuture<Object> v2 = pool.callAsync("v2", "versions", Map.of());

      assertThat((String) ((Map<?, ?>) v1.join()).get("numpy")).startsWith("1.");
      assertThat((String) ((Map<?, ?>) v2.join()).get("numpy")).startsWith("2.");
      assertThat(pool.call("v1", "sum_of_squares", Map.of("n", 1000)))
          .isEqualTo(pool.call("v2", "sum_of_squares", Map.of("n", 1000)))
          .isEqualTo(332_833_500);
      if (pyenv312()) {
        assertThat(pool.venv("v1").pythonVersion()).startsWith("3.12.");
      }
    }
  }

  private static boolean pyenv312() {
    Path versions = Path.of(System.getProperty("user.home"), ".pyenv", "versions");
    try (var dirs = Files.list(versions)) {
      return dirs.anyMatch(d -> d.getFileName().toString().startsWith("3.12."));
    } catch (java.io.IOException e) {
      return false;
    }
  }
}
