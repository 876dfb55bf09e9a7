package io.venvmux.internal.env;

import static org.assertj.core.api.Assertions.assertThat;

import io.venvmux.EnvSpec;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/** The headline case: numpy 1 and numpy 2 in two envs side by side, each really importable. */
class NumpySideBySideTest {

  @Test
  void numpyOneAndTwoLiveInTheirOwnEnvs() throws Exception {
    EnvResolver resolver =
        new EnvResolver(TestEnvs.sharedHome(), InstallerChoice.UV, Duration.ofSeconds(5));
    ResolvedEnv v1 = resolver.resolve(EnvSpec.builder().packages("numpy<2").build());
    ResolvedEnv v2 = resolver.resolve(EnvSpec.builder().packages("numpy>=2").build());

    assertThat(v1.venv()).isNotEqualTo(v2.venv());
    assertThat(TestEnvs.python(v1.python(), "import numpy; print(numpy.__version__.split('.')[0])"))
        .isEqualTo("1");
    assertThat(TestEnvs.python(v2.python(), "import numpy; print(numpy.__version__.split('.')[0])"))
        .isEqualTo("2");
    assertThat(v1.environment()).containsEntry("VIRTUAL_ENV", v1.venv().toString());

    EnvManifest m1 = EnvManifest.read(v1.venv()).orElseThrow();
    assertThat(m1.packages().get("numpy")).startsWith("1.");
    assertThat(m1.installer()).startsWith("uv");
    assertThat(m1.source()).isEqualTo("packages");

    // the interpreter's version is remembered on disk, so another JVM's cache hit need not ask it
    try (var probes = java.nio.file.Files.list(TestEnvs.sharedHome().resolve("interpreters"))) {
      assertThat(probes.map(TestEnvs::readString))
          .anyMatch(text -> text.contains("version=" + m1.pythonVersion()));
    }

    // a cache hit reads files only; the time is reported, never asserted (the machine is noisy)
    EnvResolver fresh =
        new EnvResolver(TestEnvs.sharedHome(), InstallerChoice.UV, Duration.ofSeconds(5));
    for (int i = 0; i < 3; i++) {
      long t0 = System.nanoTime();
      ResolvedEnv again = fresh.resolve(EnvSpec.builder().packages("numpy<2").build());
      System.out.printf(
          "cached resolve #%d of numpy<2: %.2f ms%n", i + 1, (System.nanoTime() - t0) / 1e6);
      assertThat(again).isEqualTo(v1);
    }
  }
}
