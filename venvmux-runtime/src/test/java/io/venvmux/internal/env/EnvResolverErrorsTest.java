package io.venvmux.internal.env;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.venvmux.EnvBuildException;
import io.venvmux.EnvSpec;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Specs that cannot resolve fail at once with a message that says what to do. */
class EnvResolverErrorsTest {
  @TempDir Path tmp;

  private EnvResolver resolver() {
    return new EnvResolver(tmp.resolve("home"), InstallerChoice.UV, Duration.ofSeconds(5));
  }

  @Test
  void unknownVersionListsTheInterpretersFound() {
    assertThatThrownBy(
            () -> resolver().resolve(EnvSpec.builder().python("3.99").packages("six").build()))
        .isInstanceOf(EnvBuildException.class)
        .hasMessageContaining("No Python 3.99 found")
        .hasMessageContaining("python3.99")
        .hasMessageContaining("Interpreters found:")
        .hasMessageContaining("(3.11.");
  }

  @Test
  void interpreterPathThatDoesNotExist() {
    assertThatThrownBy(
            () ->
                resolver()
                    .resolve(
                        EnvSpec.builder()
                            .python(tmp.resolve("nope/python3").toString())
                            .packages("six")
                            .build()))
        .isInstanceOf(EnvBuildException.class)
        .hasMessageContaining("does not exist");
    assertThatThrownBy(
            () ->
                resolver()
                    .resolve(
                        EnvSpec.builder().python(tmp.resolve("nope/python3").toString()).build()))
        .isInstanceOf(EnvBuildException.class)
        .hasMessageContaining("does not exist");
  }

  @Test
  void venvWithoutInterpreter() throws Exception {
    Path notAVenv = Files.createDirectories(tmp.resolve("empty"));
    assertThatThrownBy(() -> resolver().resolve(EnvSpec.builder().venv(notAVenv).build()))
        .isInstanceOf(EnvBuildException.class)
        .hasMessageContaining("has no interpreter at " + notAVenv.resolve("bin/python"));
  }

  @Test
  void installerChoiceParsing() {
    assertThat(InstallerChoice.parse(null, "x")).isEqualTo(InstallerChoice.AUTO);
    assertThat(InstallerChoice.parse(" Pip ", "x")).isEqualTo(InstallerChoice.PIP);
    assertThatThrownBy(() -> InstallerChoice.parse("conda", "venvmux.installer"))
        .hasMessageContaining("venvmux.installer must be auto, uv or pip");
  }

  @Test
  void uvReadsPipsIndexSettingsUnlessItsOwnAreSet() {
    Map<String, String> fromPip =
        Installer.Uv.uvEnvironment(
            Map.of(
                "PIP_INDEX_URL",
                "https://a.invalid/simple",
                "PIP_EXTRA_INDEX_URL",
                "https://b.invalid/simple",
                "PIP_FIND_LINKS",
                "/w1 /w2"));
    assertThat(fromPip)
        .containsEntry("UV_DEFAULT_INDEX", "https://a.invalid/simple")
        .containsEntry("UV_INDEX", "https://b.invalid/simple")
        .containsEntry("UV_FIND_LINKS", "/w1,/w2")
        .containsEntry("UV_PYTHON_DOWNLOADS", "never");
    Map<String, String> own =
        Installer.Uv.uvEnvironment(
            Map.of(
                "PIP_INDEX_URL",
                "https://a.invalid/simple",
                "UV_DEFAULT_INDEX",
                "https://c.invalid/simple"));
    assertThat(own).doesNotContainKey("UV_DEFAULT_INDEX");
  }

  @Test
  void commandsDisplayQuoted() {
    Command c =
        new Command(
            java.util.List.of("pip", "install", "numpy<2", "a b"),
            Map.of(),
            java.util.Set.of(),
            tmp,
            "x",
            Duration.ofSeconds(1));
    assertThat(c.display()).isEqualTo("pip install 'numpy<2' 'a b'");
  }
}
