package io.venvmux.internal.env;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.venvmux.EnvBuildException;
import io.venvmux.EnvSpec;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Builds that fail, are killed or left half done: a clear error, and the next try builds cleanly.
 */
class EnvBuildFailuresTest {
  @TempDir Path home;

  @AfterEach
  void cleanUp() {
    TestEnvs.deleteEnvs(home);
  }

  private EnvResolver resolver(InstallerChoice choice) {
    return new EnvResolver(home, choice, Duration.ofSeconds(5));
  }

  @Test
  void typoInAPackageNameFailsWithTheInstallersOwnErrorThenTheFixBuilds() throws Exception {
    EnvResolver r = resolver(InstallerChoice.UV);
    EnvSpec typo = EnvSpec.builder().packages("six", "nmupy-does-not-exist-vmx").build();
    EnvBuildException e = (EnvBuildException) catchThrowable(() -> r.resolve(typo));
    assertThat(e.getMessage())
        .contains("nmupy-does-not-exist-vmx was not found in the package registry")
        .contains("uv pip install --python")
        .contains("exited with code");
    assertThat(e.command()).contains("install", "nmupy-does-not-exist-vmx");
    assertThat(e.outputTail())
        .anyMatch(l -> l.contains("nmupy-does-not-exist-vmx"))
        .hasSizeLessThanOrEqualTo(ProcessRunner.TAIL_LINES);
    assertThat(new EnvStore(home).hashes()).as("a failed build leaves no folder").isEmpty();

    ResolvedEnv fixed = r.resolve(EnvSpec.builder().packages("six").build());
    assertThat(TestEnvs.python(fixed.python(), "import six; print('ok')")).isEqualTo("ok");
  }

  @Test
  void killedInstallerFailsTheBuildAndTheNextOneSucceeds() throws Exception {
    EnvResolver r = resolver(InstallerChoice.PIP);
    EnvSpec spec = EnvSpec.builder().packages("six").build();
    String hash = r.hashOf(spec);
    CompletableFuture<ResolvedEnv> build = CompletableFuture.supplyAsync(() -> r.resolve(spec));
    // python -m venv (with its pip bootstrap) takes seconds: long enough to catch it and kill it
    ProcessHandle installer = awaitChildMentioning(hash, Duration.ofSeconds(60));
    installer.destroyForcibly();
    assertThatThrownBy(() -> build.get(2, TimeUnit.MINUTES))
        .cause()
        .isInstanceOf(EnvBuildException.class)
        .hasMessageContaining("Creating the venv")
        .hasMessageContaining("killed by signal 9");
    assertThat(Files.exists(new EnvStore(home).envDir(hash))).isFalse();

    ResolvedEnv again = r.resolve(spec);
    assertThat(TestEnvs.python(again.python(), "import six; print('ok')")).isEqualTo("ok");
    assertThat(TestEnvs.builds(home, hash)).hasSize(1);
  }

  @Test
  void killedJvmLeavesAHalfBuildThatTheNextResolveReplaces() throws Exception {
    EnvSpec spec = EnvSpec.builder().packages("six").build();
    EnvResolver r = resolver(InstallerChoice.PIP);
    String hash = r.hashOf(spec);
    Path dir = new EnvStore(home).envDir(hash);
    Process other =
        EnvBuildOnceTest.javaMain(ResolveMain.class, List.of(home.toString(), "pip", "0", "six"));
    List<ProcessHandle> orphans;
    try {
      long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
      while (!Files.exists(dir.resolve("pyvenv.cfg")) && System.nanoTime() < deadline) {
        Thread.sleep(20);
      }
      assertThat(dir.resolve("pyvenv.cfg")).exists();
      orphans = other.descendants().toList();
    } finally {
      other.destroyForcibly(); // kill -9 of the JVM alone: its installer lives on, orphaned
      other.waitFor(30, TimeUnit.SECONDS);
    }
    assertThat(orphans).as("the installer the dead JVM started").isNotEmpty();
    assertThat(new EnvStore(home).isComplete(hash)).isFalse();

    ResolvedEnv env = r.resolve(spec);
    assertThat(orphans)
        .as("the next build kills the orphaned installer first")
        .noneMatch(ProcessHandle::isAlive);
    assertThat(new EnvStore(home).isComplete(hash)).isTrue();
    assertThat(new EnvStore(home).root().resolve(hash + ".pids")).doesNotExist();
    assertThat(TestEnvs.python(env.python(), "import six; print('ok')")).isEqualTo("ok");
  }

  @Test
  void folderWithoutCompletionMarkIsRebuilt() throws Exception {
    EnvResolver r = resolver(InstallerChoice.UV);
    EnvSpec spec = EnvSpec.builder().packages("six").build();
    String hash = r.hashOf(spec);
    Path dir = Files.createDirectories(new EnvStore(home).envDir(hash).resolve("lib"));
    Files.writeString(dir.resolve("half-written.py"), "garbage");

    ResolvedEnv env = r.resolve(spec);
    assertThat(dir.resolve("half-written.py")).doesNotExist();
    assertThat(TestEnvs.python(env.python(), "import six; print('ok')")).isEqualTo("ok");
  }

  @Test
  void envWhoseBaseInterpreterVanishedIsRebuilt() throws Exception {
    EnvResolver r = resolver(InstallerChoice.UV);
    EnvSpec spec = EnvSpec.builder().packages("six").build();
    ResolvedEnv env = r.resolve(spec);
    Path cfg = env.venv().resolve("pyvenv.cfg");
    String original = Files.readString(cfg);
    Files.writeString(
        cfg,
        original.replaceFirst("home = .*", "home = " + home.resolve("uninstalled-python/bin")));

    ResolvedEnv rebuilt = r.resolve(spec);
    assertThat(rebuilt).isEqualTo(env);
    assertThat(Files.readString(cfg)).doesNotContain("uninstalled-python");
    assertThat(TestEnvs.builds(home, env.venv().getFileName().toString())).hasSize(2);
  }

  @Test
  void pipInstallerWhenForced() throws Exception {
    ResolvedEnv env =
        resolver(InstallerChoice.PIP).resolve(EnvSpec.builder().packages("six").build());
    EnvManifest m = EnvManifest.read(env.venv()).orElseThrow();
    assertThat(m.installer()).isEqualTo("pip");
    assertThat(m.packages()).containsKeys("six", "pip");
    assertThat(TestEnvs.python(env.python(), "import six, sys; print(sys.prefix)"))
        .isEqualTo(env.venv().toString());
  }

  @Test
  void pipReportsATypoWithItsOwnErrorLine() {
    EnvResolver r = resolver(InstallerChoice.PIP);
    assertThatThrownBy(
            () -> r.resolve(EnvSpec.builder().packages("nmupy-does-not-exist-vmx").build()))
        .isInstanceOf(EnvBuildException.class)
        .hasMessageContaining("No matching distribution found for nmupy-does-not-exist-vmx")
        .hasMessageContaining("-m pip install");
  }

  private static Throwable catchThrowable(Runnable r) {
    try {
      r.run();
    } catch (Throwable t) {
      return t;
    }
    throw new AssertionError("expected an exception");
  }

  private static ProcessHandle awaitChildMentioning(String text, Duration timeout)
      throws InterruptedException {
    long deadline = System.nanoTime() + timeout.toNanos();
    while (System.nanoTime() < deadline) {
      Optional<ProcessHandle> hit =
          ProcessHandle.current()
              .children()
              .filter(
                  p ->
                      p.info()
                          .arguments()
                          .map(a -> String.join(" ", a).contains(text))
                          .orElse(false))
              .findFirst();
      if (hit.isPresent()) {
        return hit.get();
      }
      Thread.sleep(10);
    }
    throw new AssertionError("no child process mentioning " + text);
  }
}
