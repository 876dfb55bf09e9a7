package io.venvmux.internal.env;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.venvmux.EnvSpec;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Package strings are requirements, never installer options, and a home's env folders are private
 * (docs/reliability.md, private files), built for real with uv and with pip.
 */
class PrivateEnvsTest {
  @TempDir Path home;

  @AfterEach
  void cleanUp() {
    TestEnvs.deleteEnvs(home);
  }

  @ParameterizedTest
  @ValueSource(strings = {"--index-url=http://127.0.0.1:9/simple", "-r", "--no-index", " -e"})
  void aPackageStringThatStartsWithADashIsRefused(String option) {
    assertThatThrownBy(() -> EnvSpec.builder().packages(option, "six"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("'" + option.strip() + "' is not a package specifier")
        .hasMessageContaining("requirements(..)");
  }

  @Test
  void specifiersFollowTheEndOfOptionsForBothInstallers() {
    VenvLayout venv = new VenvLayout(home.resolve("v"), OsPlatform.current());
    for (Installer installer :
        List.of(
            new Installer.Pip(home), new Installer.Uv(Path.of("uv"), home, java.util.Map.of()))) {
      List<String> args = installer.installSpecifiers(venv, List.of("six", "numpy<2"), "x").args();
      assertThat(args.subList(args.size() - 3, args.size()))
          .containsExactly("--", "six", "numpy<2");
    }
  }

  /**
   * A fresh home built by a JVM whose umask is 022: {@code envs/} and the env folder 0700, the lock
   * file and the build history 0600. With pip and uv, which both take the specifiers after {@code
   * --} (the build would fail otherwise).
   */
  @ParameterizedTest
  @ValueSource(strings = {"uv", "pip"})
  void aFreshHomeUnderUmask022IsPrivate(String installer) throws Exception {
    Process p = underUmask022(List.of(home.toString(), installer, "0", "six"));
    assertThat(EnvBuildOnceTest.finish(p)).contains("resolved ");
    Path envs = home.resolve("envs");
    assertThat(mode(envs)).isEqualTo("rwx------");
    EnvStore store = new EnvStore(home);
    assertThat(store.hashes()).hasSize(1);
    String hash = store.hashes().get(0);
    assertThat(mode(store.envDir(hash))).isEqualTo("rwx------");
    assertThat(mode(store.lockFile(hash))).isEqualTo("rw-------");
    assertThat(mode(envs.resolve(EnvStore.HISTORY))).isEqualTo("rw-------");
    try (Stream<Path> top = Files.list(envs)) {
      for (Path p2 : top.toList()) {
        assertThat(mode(p2)).as("%s", p2).isIn("rwx------", "rw-------");
      }
    }
  }

  private static Process underUmask022(List<String> args) throws Exception {
    List<String> cmd = new ArrayList<>(List.of("/bin/sh", "-c", "umask 022 && exec \"$@\"", "sh"));
    cmd.addAll(EnvBuildOnceTest.javaCommand(ResolveMain.class, args));
    return new ProcessBuilder(cmd).redirectErrorStream(true).start();
  }

  private static String mode(Path p) throws Exception {
    return PosixFilePermissions.toString(Files.getPosixFilePermissions(p));
  }
}
