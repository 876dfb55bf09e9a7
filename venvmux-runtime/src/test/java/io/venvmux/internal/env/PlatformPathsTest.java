package io.venvmux.internal.env;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Venv layouts, executable names and pyenv shims, per platform; no processes. */
class PlatformPathsTest {
  @TempDir Path dir;

  @Test
  void venvLayoutPerPlatform() {
    Path root = Path.of("envs", "abc");
    VenvLayout posix = new VenvLayout(root, OsPlatform.of("Linux", "amd64"));
    VenvLayout mac = new VenvLayout(root, OsPlatform.of("Mac OS X", "aarch64"));
    VenvLayout win = new VenvLayout(root, OsPlatform.of("Windows 11", "amd64"));
    assertThat(posix.python()).isEqualTo(root.resolve("bin").resolve("python"));
    assertThat(mac.python()).isEqualTo(root.resolve("bin").resolve("python"));
    assertThat(win.python()).isEqualTo(root.resolve("Scripts").resolve("python.exe"));
    assertThat(win.binDir()).isEqualTo(root.resolve("Scripts"));
    assertThat(win.pyvenvCfg()).isEqualTo(root.resolve("pyvenv.cfg"));
  }

  @Test
  void platformNamesAndExecutables() {
    assertThat(OsPlatform.of("Windows 10", "AMD64").tag()).isEqualTo("windows-amd64");
    assertThat(OsPlatform.of("Mac OS X", "aarch64").tag()).isEqualTo("macos-aarch64");
    assertThat(OsPlatform.of("Linux", "amd64").tag()).isEqualTo("linux-amd64");
    assertThat(OsPlatform.of("Windows 10", "amd64").executableNames("uv"))
        .containsExactly("uv.exe", "uv");
    assertThat(OsPlatform.of("Linux", "amd64").executableNames("uv")).containsExactly("uv");
  }

  @Test
  void brokenVenvIsNoticedWithoutRunningIt() throws Exception {
    Path base = Files.createDirectories(dir.resolve("base/bin"));
    Path pythonFile = executable(base.resolve("python3"));
    Path venv = Files.createDirectories(dir.resolve("venv/bin"));
    Files.createSymbolicLink(venv.resolve("python"), pythonFile);
    Files.writeString(dir.resolve("venv/pyvenv.cfg"), "home = " + base + "\nversion = 3.11.7\n");
    VenvLayout layout = new VenvLayout(dir.resolve("venv"), OsPlatform.of("Linux", "amd64"));
    assertThat(layout.baseHome()).contains(base);
    assertThat(layout.brokenReason()).isEmpty();

    Files.delete(pythonFile);
    assertThat(layout.brokenReason()).get().asString().contains("no longer resolves");
    Files.writeString(dir.resolve("venv/pyvenv.cfg"), "home = " + dir.resolve("gone") + "\n");
    assertThat(layout.brokenReason()).get().asString().contains("is gone");
  }

  @Test
  void pyenvShimsResolveToTheSelectedVersion() throws Exception {
    Path root = dir.resolve("pyenv");
    Path shim = executable(Files.createDirectories(root.resolve("shims")).resolve("python3.12"));
    executable(Files.createDirectories(root.resolve("versions/3.12.1/bin")).resolve("python3.12"));
    Files.createDirectories(root.resolve("versions/3.11.7/bin"));
    Path system = executable(Files.createDirectories(dir.resolve("usr/bin")).resolve("python3.12"));
    PathSearch path =
        new PathSearch(
            List.of(root.resolve("shims"), dir.resolve("usr/bin")),
            OsPlatform.of("Linux", "amd64"));
    Path work = Files.createDirectories(dir.resolve("work/sub"));

    Files.writeString(root.resolve("version"), "3.11.7\n");
    assertThat(new PyenvShims(Map.of(), work).resolve(shim, path))
        .isEmpty(); // 3.11.7 has no python3.12

    assertThat(new PyenvShims(Map.of("PYENV_VERSION", "3.11.7:3.12.1"), work).resolve(shim, path))
        .contains(root.resolve("versions/3.12.1/bin/python3.12"));

    Files.writeString(
        dir.resolve("work/.python-version"), "3.12  # prefix of an installed version\n");
    assertThat(new PyenvShims(Map.of(), work).resolve(shim, path))
        .contains(root.resolve("versions/3.12.1/bin/python3.12"));

    Files.writeString(dir.resolve("work/.python-version"), "system\n");
    assertThat(new PyenvShims(Map.of(), work).resolve(shim, path)).contains(system);

    Path notAShim = executable(dir.resolve("usr/bin/python3"));
    assertThat(new PyenvShims(Map.of(), work).resolve(notAShim, path)).contains(notAShim);
  }

  @Test
  void versionsCompareNumerically() {
    assertThat(PyenvShims.compareVersions("3.10.2", "3.9.18")).isPositive();
    assertThat(PyenvShims.compareVersions("3.12.1", "3.12.1")).isZero();
    assertThat(InterpreterFinder.matches("3.12.1", "3.12")).isTrue();
    assertThat(InterpreterFinder.matches("3.1.0", "3.12")).isFalse();
    assertThat(InterpreterFinder.matches("3.12.1", "3")).isTrue();
    assertThat(InterpreterFinder.isVersion("3.12")).isTrue();
    assertThat(InterpreterFinder.isVersion("python3.12")).isFalse();
  }

  private static Path executable(Path file) throws Exception {
    Files.writeString(file, "#!/bin/sh\n");
    Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rwxr-xr-x"));
    return file;
  }
}
