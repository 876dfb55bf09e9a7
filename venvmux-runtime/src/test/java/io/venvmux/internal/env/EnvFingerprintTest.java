package io.venvmux.internal.env;

import static org.assertj.core.api.Assertions.assertThat;

import io.venvmux.EnvSpec;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What goes into an env's hash, and what does not. No builds: the hash alone. */
class EnvFingerprintTest {
  private static final PythonInstall PY311 =
      new PythonInstall(Path.of("/usr/bin/python3"), Path.of("/usr/bin/python3.11"), "3.11.7");
  private static final OsPlatform LINUX = OsPlatform.of("Linux", "amd64");

  @TempDir Path dir;

  private static String hash(EnvSpec spec) {
    return hash(spec, PY311, LINUX, Map.of());
  }

  private static String hash(
      EnvSpec spec, PythonInstall py, OsPlatform platform, Map<String, String> env) {
    return EnvFingerprint.of(py, EnvSource.of(spec), platform, env).hash();
  }

  @Test
  void packagesInAnotherOrderGiveTheSameHash() {
    String a = hash(EnvSpec.builder().packages("numpy<2", "six", "packaging").build());
    String b = hash(EnvSpec.builder().packages("packaging", "numpy<2").packages("six").build());
    assertThat(a).isEqualTo(b).hasSize(EnvHash.LENGTH).matches("[0-9a-f]+");
    assertThat(hash(EnvSpec.builder().packages("numpy>=2", "six", "packaging").build()))
        .isNotEqualTo(a);
  }

  @Test
  void interpreterVersionPlatformAndIndexAllCount() {
    EnvSpec spec = EnvSpec.builder().packages("six").build();
    String base = hash(spec);
    PythonInstall py312 =
        new PythonInstall(PY311.found(), Path.of("/opt/py/bin/python3.12"), "3.12.1");
    PythonInstall patched = new PythonInstall(PY311.found(), PY311.executable(), "3.11.8");
    assertThat(hash(spec, py312, LINUX, Map.of())).isNotEqualTo(base);
    assertThat(hash(spec, patched, LINUX, Map.of())).isNotEqualTo(base);
    assertThat(hash(spec, PY311, OsPlatform.of("Linux", "aarch64"), Map.of())).isNotEqualTo(base);
    assertThat(hash(spec, PY311, OsPlatform.of("Mac OS X", "amd64"), Map.of())).isNotEqualTo(base);
    for (String var : EnvFingerprint.INDEX_VARIABLES) {
      assertThat(hash(spec, PY311, LINUX, Map.of(var, "https://index.example/simple")))
          .as(var)
          .isNotEqualTo(base);
    }
    assertThat(hash(spec, PY311, LINUX, Map.of("SOMETHING_ELSE", "x"))).isEqualTo(base);
  }

  @Test
  void changedRequirementsFileGivesANewHashButItsPathDoesNot() throws Exception {
    Path req = Files.writeString(dir.resolve("requirements.txt"), "six\n");
    String first = hash(EnvSpec.builder().requirements(req).build());
    Path moved = Files.createDirectories(dir.resolve("elsewhere")).resolve("reqs.txt");
    Files.writeString(moved, "six\n");
    assertThat(hash(EnvSpec.builder().requirements(moved).build())).isEqualTo(first);
    Files.writeString(req, "six==1.16.0\n");
    assertThat(hash(EnvSpec.builder().requirements(req).build())).isNotEqualTo(first);
  }

  @Test
  void changedIncludedFileGivesANewHash() throws Exception {
    Path sub = Files.createDirectories(dir.resolve("sub"));
    Path main = Files.writeString(dir.resolve("main.txt"), "-r sub/base.txt\npackaging\n");
    Path base = Files.writeString(sub.resolve("base.txt"), "-c pins.txt\nsix\n");
    Path pins = Files.writeString(sub.resolve("pins.txt"), "six>=1.15\n");
    EnvSpec spec = EnvSpec.builder().requirements(main).build();
    String first = hash(spec);
    assertThat(EnvSource.of(spec).files()).containsExactly(main, base, pins);
    Files.writeString(pins, "six>=1.16\n");
    String second = hash(spec);
    assertThat(second).isNotEqualTo(first);
    Files.writeString(base, "-c pins.txt\nsix\nattrs\n");
    assertThat(hash(spec)).isNotEqualTo(second);
  }

  @Test
  void projectHashCoversPyprojectAndLockAndAPackagesFolder() throws Exception {
    Path project = Files.createDirectories(dir.resolve("p"));
    Files.writeString(
        project.resolve("pyproject.toml"), "[project]\nname='p'\ndependencies=['six']\n");
    EnvSpec spec = EnvSpec.builder().project(project).build();
    String noLock = hash(spec);
    Files.writeString(project.resolve("uv.lock"), "version = 1\n");
    String withLock = hash(spec);
    assertThat(withLock).isNotEqualTo(noLock);
    Files.writeString(project.resolve("uv.lock"), "version = 1\n# changed\n");
    assertThat(hash(spec)).isNotEqualTo(withLock);

    // a package is installed editable from its folder, so the folder is part of its identity
    Path pkgA = Files.createDirectories(dir.resolve("a"));
    Path pkgB = Files.createDirectories(dir.resolve("b"));
    String toml = "[build-system]\nrequires=['hatchling']\n[project]\nname='p'\n";
    Files.writeString(pkgA.resolve("pyproject.toml"), toml);
    Files.writeString(pkgB.resolve("pyproject.toml"), toml);
    assertThat(hash(EnvSpec.builder().project(pkgA).build()))
        .isNotEqualTo(hash(EnvSpec.builder().project(pkgB).build()));
  }

  @Test
  void sourcePriorityIsProjectThenRequirementsThenPackages() throws Exception {
    Path req = Files.writeString(dir.resolve("r.txt"), "six\n");
    Files.writeString(dir.resolve("pyproject.toml"), "[project]\nname='p'\n");
    assertThat(EnvSource.of(EnvSpec.builder().packages("a").requirements(req).project(dir).build()))
        .isInstanceOf(EnvSource.Project.class);
    assertThat(EnvSource.of(EnvSpec.builder().packages("a").requirements(req).build()))
        .isInstanceOf(EnvSource.Requirements.class);
    assertThat(EnvSource.of(EnvSpec.builder().packages("a").build()))
        .isInstanceOf(EnvSource.Packages.class);
  }
}
