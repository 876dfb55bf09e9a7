package io.venvmux.internal.env;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.venvmux.EnvBuildException;
import io.venvmux.EnvSpec;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Reading requirements includes and pyproject.toml. */
class EnvInputsParsingTest {
  @TempDir Path dir;

  @Test
  void requirementsIncludesInEveryForm() throws Exception {
    Path f =
        Files.writeString(
            dir.resolve("r.txt"),
            String.join(
                "\n",
                "# -r commented.txt",
                "-r a.txt",
                "-rb.txt",
                "--requirement c.txt",
                "--requirement=d.txt",
                "-c e.txt  # trailing comment",
                "--constraint=f.txt",
                "--requirements-not-an-option g.txt",
                "-r https://example.invalid/remote.txt",
                "numpy<2 \\",
                "  ; python_version > '3'",
                "six#not-a-comment-without-space"));
    assertThat(RequirementsFiles.includesOf(f))
        .containsExactly(
            "a.txt",
            "b.txt",
            "c.txt",
            "d.txt",
            "e.txt",
            "f.txt",
            "https://example.invalid/remote.txt");
  }

  @Test
  void includeCyclesAreFollowedOnceAndMissingIncludesNameTheirIncluder() throws Exception {
    Path a = Files.writeString(dir.resolve("a.txt"), "-r b.txt\n");
    Path b = Files.writeString(dir.resolve("b.txt"), "-r a.txt\n");
    assertThat(RequirementsFiles.withIncludes(java.util.List.of(a))).containsExactly(a, b);

    Files.writeString(b, "-r missing.txt\n");
    assertThatThrownBy(() -> RequirementsFiles.withIncludes(java.util.List.of(a)))
        .isInstanceOf(EnvBuildException.class)
        .hasMessageContaining("missing.txt")
        .hasMessageContaining("included from " + b);
  }

  @Test
  void missingRequirementsAndPyprojectAreClearErrors() {
    assertThatThrownBy(
            () ->
                EnvSource.of(EnvSpec.builder().requirements(dir.resolve("nope.txt")).build())
                    .hashInputs())
        .isInstanceOf(EnvBuildException.class)
        .hasMessageContaining("nope.txt")
        .hasMessageContaining("does not exist");
    assertThatThrownBy(() -> EnvSource.of(EnvSpec.builder().project(dir).build()))
        .isInstanceOf(EnvBuildException.class)
        .hasMessageContaining("has no pyproject.toml");
  }

  @Test
  void pyprojectOfAProjectThatIsNoPackage() throws Exception {
    Path p = Path.of(getClass().getResource("/envs/project-deps-only/pyproject.toml").toURI());
    PyprojectToml toml = PyprojectToml.read(p);
    assertThat(toml.isPackage()).isFalse();
    assertThat(toml.dependencies()).containsExactly("packaging>=23", "six");
  }

  @Test
  void pyprojectOfAPackage() throws Exception {
    Path p = Path.of(getClass().getResource("/envs/project-package/pyproject.toml").toURI());
    PyprojectToml toml = PyprojectToml.read(p);
    assertThat(toml.isPackage()).isTrue();
    assertThat(toml.dependencies()).containsExactly("six");
  }

  @Test
  void pyprojectCornerCases() {
    PyprojectToml t =
        PyprojectToml.parse(
            "[project]\ndependencies = [\"a[extra]>=1\", \"b; python_version < '3.12'\"]  # c\n"
                + "[build-system]\nrequires = []\n[tool.uv]\npackage = false\n");
    assertThat(t.dependencies()).containsExactly("a[extra]>=1", "b; python_version < '3.12'");
    assertThat(t.hasBuildSystem()).isTrue();
    assertThat(t.isPackage()).isFalse();
    assertThat(PyprojectToml.parse("[project]\nname = 'x'\n").dependencies()).isEmpty();
  }
}
