package io.venvmux;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.venvmux.internal.env.BuildLock;
import io.venvmux.internal.env.EnvManifest;
import io.venvmux.internal.env.EnvResolver;
import io.venvmux.internal.env.EnvStore;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Listing, removing and pruning real envs, through the API and the CLI. */
class EnvCacheTest {
  private static final String LEFTOVER = "00000000deadbeef";

  @TempDir Path home;
  private EnvCache cache;
  private String six;
  private String packaging;

  @BeforeEach
  void buildTwoEnvsAndALeftover() throws Exception {
    EnvResolver resolver = new EnvResolver(home);
    six =
        resolver.resolve(EnvSpec.builder().packages("six").build()).venv().getFileName().toString();
    packaging =
        resolver
            .resolve(EnvSpec.builder().packages("packaging").build())
            .venv()
            .getFileName()
            .toString();
    Files.createDirectories(home.resolve("envs").resolve(LEFTOVER).resolve("bin"));
    cache = EnvCache.at(home);
  }

  @AfterEach
  void cleanUp() {
    cache.prune(Set.of());
  }

  @Test
  void listShowsManifestDataSizeAndState() {
    List<EnvInfo> envs = cache.list();
    assertThat(envs).extracting(EnvInfo::hash).containsExactlyInAnyOrder(six, packaging, LEFTOVER);
    EnvInfo sixEnv = cache.get(six).orElseThrow();
    assertThat(sixEnv.complete()).isTrue();
    assertThat(sixEnv.packages()).containsKey("six");
    assertThat(sixEnv.source()).isEqualTo("packages");
    assertThat(sixEnv.pythonVersion()).startsWith("3.");
    assertThat(sixEnv.sizeBytes()).isPositive();
    assertThat(sixEnv.lastUsed()).isNotNull();
    assertThat(sixEnv.created()).isNotNull();
    assertThat(sixEnv.inputs()).containsKeys("interpreter", "version", "platform", "packages");
    EnvInfo leftover = cache.get(LEFTOVER).orElseThrow();
    assertThat(leftover.complete()).isFalse();
    assertThat(leftover.packages()).isEmpty();
    assertThat(cache.hashOf(EnvSpec.builder().packages("six").build())).isEqualTo(six);
  }

  @Test
  void removeOneEnv() {
    assertThat(cache.remove(six)).isTrue();
    assertThat(cache.get(six)).isEmpty();
    assertThat(home.resolve("envs").resolve(six + ".lock")).doesNotExist();
    assertThat(cache.remove(six)).isFalse();
    assertThatThrownBy(() -> cache.remove("../../etc"))
        .isInstanceOf(IllegalArgumentException.class);
    // the next resolve simply builds it again
    new EnvResolver(home).resolve(EnvSpec.builder().packages("six").build());
    assertThat(cache.get(six)).get().extracting(EnvInfo::complete).isEqualTo(true);
  }

  @Test
  void anEnvBeingBuiltIsNeverRemoved() {
    try (BuildLock held =
        BuildLock.tryAcquire(new EnvStore(home).lockFile(packaging)).orElseThrow()) {
      assertThatThrownBy(() -> cache.remove(packaging))
          .isInstanceOf(IllegalStateException.class)
          .hasMessageContaining("being built");
      assertThat(cache.prune(Set.of())).doesNotContain(packaging);
    }
    assertThat(cache.get(packaging)).isPresent();
  }

  /**
   * A build that finishes between prune's look at an env and its taking the lock: the env is
   * complete by then and must stay. It is a race, so the build below finishes over and over while
   * prune runs (without a second look under the lock, prune removes it within a few thousand);
   * whenever the lock is free the env is complete, so prune may never remove it.
   */
  @Test
  void anEnvWhoseBuildFinishesWhilePruneLooksStays() throws Exception {
    EnvStore store = new EnvStore(home);
    String hash = "00000000feedface";
    Path manifest = store.envDir(hash).resolve(EnvManifest.FILE_NAME);
    Path written = Files.createDirectories(manifest.getParent()).resolve("manifest.tmp");
    // Complete from the start: an incomplete env nobody holds is a leftover prune may remove, and
    // the builder thread below may start only after prune's first look.
    Files.writeString(manifest, "{}");
    CompletableFuture<Integer> builds =
        CompletableFuture.supplyAsync(
            () -> {
              int finished = 0;
              while (finished < 20000) {
                Optional<BuildLock> lock = BuildLock.tryAcquire(store.lockFile(hash));
                if (lock.isEmpty()) {
                  continue; // prune holds it for a moment
                }
                try (BuildLock held = lock.get()) {
                  if (!Files.isDirectory(manifest.getParent())) {
                    return finished; // removed while complete and idle
                  }
                  Files.deleteIfExists(manifest); // a build runs: incomplete, under the lock
                  Files.move(
                      Files.writeString(written, "{}"),
                      manifest,
                      StandardCopyOption.ATOMIC_MOVE); // and finishes
                } catch (IOException e) {
                  throw new UncheckedIOException(e);
                }
                finished++;
              }
              return finished;
            });
    while (!builds.isDone()) {
      assertThat(cache.removeIncomplete()).doesNotContain(hash);
    }
    assertThat(builds.get(1, TimeUnit.MINUTES))
        .as("builds finished before the env vanished")
        .isEqualTo(20000);
    assertThat(store.isComplete(hash)).isTrue();
  }

  @Test
  void pruneKeepsWhatIsInUseAndWhatWasUsedRecently() {
    assertThat(cache.prune(Set.of(), Duration.ofDays(1))).containsExactly(LEFTOVER);
    assertThat(cache.prune(Set.of(six))).containsExactly(packaging);
    assertThat(cache.list()).extracting(EnvInfo::hash).containsExactly(six);
  }

  @Test
  void commandLine() {
    String listed = cli(0, "--home", home.toString(), "list");
    assertThat(listed).contains("HASH", six, packaging, LEFTOVER, "incomplete", "six==");
    assertThat(cli(0, "--home", home.toString(), "remove", packaging))
        .contains("removed " + packaging);
    assertThat(cli(1, "--home", home.toString(), "remove", packaging))
        .contains("no env " + packaging);
    assertThat(cli(0, "--home", home.toString(), "prune"))
        .contains("removed " + LEFTOVER)
        .contains("1 env removed");
    assertThat(cli(0, "--home", home.toString(), "prune", "--unused-days", "0", "--keep", six))
        .contains("0 envs removed");
    assertThat(cli(2, "--home", home.toString(), "prune", "--unused-days", "soon"))
        .contains("usage:");
    assertThat(cli(2, "--home", home.toString(), "explode")).contains("unknown command");
    assertThat(cli(0, "--home", home.resolve("empty").toString(), "list"))
        .contains("no envs under");
  }

  private static String cli(int expectedStatus, String... args) {
    ByteArrayOutputStream buf = new ByteArrayOutputStream();
    PrintStream ps = new PrintStream(buf, true, StandardCharsets.UTF_8);
    int status = EnvCacheCli.run(args, ps, ps);
    String out = buf.toString(StandardCharsets.UTF_8);
    assertThat(status).as(out).isEqualTo(expectedStatus);
    return out;
  }
}
