package io.venvmux.internal.env;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeFalse;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Where uv is looked for, in order; against the real interpreter for the last resort. */
class UvLocatorTest {
  @TempDir Path dir;

  @Test
  void variableComesFirst() throws Exception {
    Path fake = Files.writeString(dir.resolve("my-uv"), "#!/bin/sh\n");
    Files.setPosixFilePermissions(fake, PosixFilePermissions.fromString("rwx------"));
    Map<String, String> env = Map.of("VENV_MUX_UV", fake.toString(), "PATH", System.getenv("PATH"));
    assertThat(new UvLocator(env, OsPlatform.current(), dir).find(TestEnvs.realPython3()))
        .contains(fake);
  }

  /**
   * The uv this machine has, however it was given (the build passes its test venv's uv in
   * VENV_MUX_UV).
   */
  private Path machineUv() throws Exception {
    return new UvLocator(System.getenv(), OsPlatform.current(), dir)
        .find(TestEnvs.realPython3())
        .orElseThrow(() -> new AssertionError("the tests need uv: see build-support/test_venv.py"));
  }

  @Test
  void pathComesNextAndShimsAreFollowed() throws Exception {
    // PATH as it is (pyenv's shims included, if any), then the machine's uv: a shim on PATH is met
    // first and must be followed; without one, the uv at PATH's end is found.
    String path = System.getenv("PATH") + File.pathSeparator + machineUv().getParent();
    Map<String, String> env =
        Map.of("VENV_MUX_UV", dir.resolve("missing").toString(), "PATH", path);
    Path found =
        new UvLocator(env, OsPlatform.current(), dir).find(TestEnvs.realPython3()).orElseThrow();
    assertThat(found.getFileName().toString()).startsWith("uv");
    assertThat(PyenvShims.rootOfShim(found))
        .as("a pyenv shim is followed to the real uv")
        .isEmpty();
  }

  @Test
  void lastTheUvPackageOfTheBaseInterpreter() throws Exception {
    Path home = Path.of(System.getProperty("user.home"));
    assumeFalse(
        Files.exists(home.resolve(".local/bin/uv")) || Files.exists(home.resolve(".cargo/bin/uv")),
        "uv installed in the user's bin");
    Path python = TestEnvs.realPython3();
    Map<String, String> noPath = Map.of("PATH", dir.toString());
    var found = new UvLocator(noPath, OsPlatform.current(), dir).find(python);
    boolean hasPackage = found.isPresent();
    if (hasPackage) {
      assertThat(found.get()).isExecutable();
      assertThat(TestEnvs.python(python, "import uv; print(uv.find_uv_bin())"))
          .isEqualTo(found.get().toString());
    } else {
      // no uv package in this interpreter: then nothing is found, and a build uses pip
      assertThat(found).isEmpty();
    }
  }
}
