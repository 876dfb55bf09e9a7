package io.venvmux.examples;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/** The demo says which home it uses: the one given, else the one VENV_MUX_HOME chose. */
class TwoEnvsDemoTest {
  @Test
  void homeGivenOnTheCommandLineWins() {
    assertThat(TwoEnvsDemo.home(new String[] {"some/home"}))
        .isEqualTo(Path.of("some/home").toAbsolutePath());
  }

  @Test
  void otherwiseTheHomeTheVariableChose() {
    // surefire sets VENV_MUX_HOME for this module's tests
    assertThat(TwoEnvsDemo.home(new String[0]))
        .isEqualTo(Path.of(System.getenv("VENV_MUX_HOME")).toAbsolutePath());
  }
}
