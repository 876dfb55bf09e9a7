package io.venvmux.internal.env;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.venvmux.EnvSpec;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Each kind of source really builds; envs go to the shared test home since none needs a fresh one.
 */
class EnvSourcesBuildTest {
  private final EnvResolver resolver =
      new EnvResolver(TestEnvs.sharedHome(), InstallerChoice.UV, Duration.ofSeconds(5));

  @TempDir Path tmp;

  private static Path resource(String name) throws Exception {
    return Path.of(EnvSourcesBuildTest.class.getResource("/envs/" + name).toURI());
  }

  @Test
  void lockedProjectIsSyncedExactlyAsItsLockSays() throws Exception {
    Path project = tmp.resolve("locked");
    Files.createDirectories(project);
    Files.copy(resource("project-locked/pyproject.toml"), project.resolve("pyproject.toml"));
    // pyproject allows six>=1.15; the lock pins the older 1.16.0, so 1.16.0 proves the lock was
    // used
    Path uv =
        new UvLocator(System.getenv(), OsPlatform.current(), tmp)
            .find(Path.of("python3"))
            .orElseThrow();
    Process lock =
        new ProcessBuilder(
                List.of(
                    uv.toString(),
                    "lock",
                    // uv looks only for system interpreters by itself; python3 may be a venv's
                    "--python",
                    TestEnvs.realPython3().toString(),
                    "--upgrade-package",
                    "six==1.16.0",
                    "--project",
                    project.toString()))
            .redirectErrorStream(true)
            .start();
    String out = new String(lock.getInputStream().readAllBytes());
    assertThat(lock.waitFor(2, TimeUnit.MINUTES)).isTrue();
    assertThat(lock.exitValue()).as(out).isZero();

    ResolvedEnv env = resolver.resolve(EnvSpec.builder().project(project).build());
    EnvManifest m = EnvManifest.read(env.venv()).orElseThrow();
    assertThat(m.packages()).containsEntry("six", "1.16.0").doesNotContainKey("vmx-locked-demo");
    assertThat(m.inputs()).containsKeys("pyproject.toml", "uv.lock");
    assertThat(TestEnvs.python(env.python(), "import six; print(six.__version__)"))
        .isEqualTo("1.16.0");
    assertThat(project.resolve(".venv")).doesNotExist();
  }

  @Test
  void projectWithoutBuildSystemGetsJustItsDependencies() throws Exception {
    ResolvedEnv env =
        resolver.resolve(EnvSpec.builder().project(resource("project-deps-only")).build());
    EnvManifest m = EnvManifest.read(env.venv()).orElseThrow();
    assertThat(m.source()).isEqualTo("project");
    assertThat(m.packages())
        .containsKeys("packaging", "six")
        .doesNotContainKey("vmx-deps-only-demo")
        .doesNotContainKey("not-this-one");
  }

  @Test
  void projectThatIsAPackageIsInstalledEditable() throws Exception {
    Path project = resource("project-package");
    ResolvedEnv env = resolver.resolve(EnvSpec.builder().project(project).build());
    EnvManifest m = EnvManifest.read(env.venv()).orElseThrow();
    assertThat(m.packages()).containsKeys("vmx-demo-pkg", "six");
    assertThat(
            TestEnvs.python(
                env.python(),
                "import vmx_demo_pkg; print(vmx_demo_pkg.answer(), vmx_demo_pkg.__file__)"))
        .startsWith("42 " + project.resolve("src"));
  }

  @Test
  void requirementsWithIncludesAreInstalled() throws Exception {
    ResolvedEnv env =
        resolver.resolve(EnvSpec.builder().requirements(resource("requirements/main.txt")).build());
    EnvManifest m = EnvManifest.read(env.venv()).orElseThrow();
    assertThat(m.packages()).containsKeys("packaging", "six");
    assertThat(m.files()).hasSize(3).anyMatch(f -> f.endsWith("constraints.txt"));
    assertThat(m.inputs()).containsKeys("requirements[0]", "requirements[1]", "requirements[2]");
  }

  @Test
  void anotherInterpreterVersionFromPyenv() throws Exception {
    Path pyenv = PyenvShims.defaultRoot(System.getenv()).resolve("versions");
    assumeTrue(
        PyenvShims.installedVersions(pyenv.getParent()).stream()
            .anyMatch(p -> p.getFileName().toString().startsWith("3.12.")),
        "needs a pyenv 3.12");
    ResolvedEnv env = resolver.resolve(EnvSpec.builder().python("3.12").packages("six").build());
    assertThat(
            TestEnvs.python(env.python(), "import sys, six; print('%d.%d' % sys.version_info[:2])"))
        .isEqualTo("3.12");
    assertThat(EnvManifest.read(env.venv()).orElseThrow().pythonVersion()).startsWith("3.12.");
  }

  @Test
  void noSourceRunsOnTheInterpreterItself() {
    ResolvedEnv bare = resolver.resolve(EnvSpec.defaults());
    assertThat(bare.venv()).isNull();
    assertThat(bare.environment()).isEmpty();
    assertThat(bare.python().getFileName().toString()).startsWith("python");
    assertThat(resolver.resolve(EnvSpec.builder().python("3.12").build()).python().toString())
        .contains("3.12");
  }

  @Test
  void existingVenvIsUsedAsIs() throws Exception {
    ResolvedEnv built = resolver.resolve(EnvSpec.builder().packages("six").build());
    Path manifest = built.venv().resolve(EnvManifest.FILE_NAME);
    long before = Files.getLastModifiedTime(manifest).toMillis();
    ResolvedEnv given =
        resolver.resolve(EnvSpec.builder().venv(built.venv()).packages("numpy").build());
    assertThat(given.python()).isEqualTo(built.python());
    assertThat(given.venv()).isEqualTo(built.venv());
    assertThat(Files.getLastModifiedTime(manifest).toMillis()).isEqualTo(before);
    assertThat(Optional.ofNullable(given.environment().get("PATH")))
        .get()
        .asString()
        .startsWith(built.venv().resolve("bin").toString());
    assertThat(given.environment()).containsEntry("VIRTUAL_ENV", built.venv().toString());
    assertThat(Map.copyOf(given.environment())).isNotEmpty();
  }
}
