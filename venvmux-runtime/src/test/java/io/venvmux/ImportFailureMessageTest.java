package io.venvmux;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import org.junit.jupiter.api.Test;

/** A module that does not import: the exception says where Python looked and what to check. */
class ImportFailureMessageTest {
  @Test
  void misspeltModuleNamesTheWorkerPathsAndWhatToCheck() {
    try (Pool pool =
        TestEnvs.pool().env("e", TestEnvs.spec().workers(1).build(), "vmx_fixtur").build()) {
      EnvStartException e =
          catchThrowableOfType(EnvStartException.class, pool.venv("e")::functions);
      assertThat(e)
          .hasMessageContaining("module 'vmx_fixtur' failed to import in env 'e'")
          .hasMessageContaining("No module named 'vmx_fixtur'")
          .hasMessageContaining(
              "Python looked for 'vmx_fixtur' in workerPaths " + TestEnvs.FIXTURES)
          .hasMessageContaining("the env's interpreter ")
          .hasMessageContaining("Check the module name 'vmx_fixtur'")
          .hasMessageContaining("workerPaths holds the folder containing 'vmx_fixtur'")
          .hasMessageContaining("the env's packages");
    }
  }
}
