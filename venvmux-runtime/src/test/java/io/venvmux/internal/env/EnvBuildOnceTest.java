package io.venvmux.internal.env;

import static org.assertj.core.api.Assertions.assertThat;

import io.venvmux.EnvSpec;
import java.io.File;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Many threads, or two JVMs, asking for the same env at once: it is built once and shared. */
class EnvBuildOnceTest {
  @TempDir Path home;

  @AfterEach
  void cleanUp() {
    TestEnvs.deleteEnvs(home);
  }

  @Test
  void concurrentThreadsBuildOnce() throws Exception {
    int threads = 6;
    CyclicBarrier start = new CyclicBarrier(threads);
    ExecutorService pool = Executors.newFixedThreadPool(threads);
    try {
      List<Future<ResolvedEnv>> results = new ArrayList<>();
      for (int i = 0; i < threads; i++) {
        // separate resolvers, as separate pools in one JVM would have
        Callable<ResolvedEnv> task =
            () -> {
              EnvResolver r = new EnvResolver(home, InstallerChoice.UV, Duration.ofSeconds(5));
              start.await();
              return r.resolve(EnvSpec.builder().packages("six").build());
            };
        results.add(pool.submit(task));
      }
      Set<Path> pythons = new HashSet<>();
      for (Future<ResolvedEnv> f : results) {
        pythons.add(f.get(3, TimeUnit.MINUTES).python());
      }
      assertThat(pythons).hasSize(1);
      String hash = pythons.iterator().next().getParent().getParent().getFileName().toString();
      assertThat(TestEnvs.builds(home, hash)).hasSize(1);
      assertThat(TestEnvs.python(pythons.iterator().next(), "import six; print(six.__name__)"))
          .isEqualTo("six");
    } finally {
      pool.shutdownNow();
    }
  }

  @Test
  void twoJvmsOnAnEmptyHomeBuildEachEnvOnce() throws Exception {
    long startAt = System.currentTimeMillis() + 2500;
    List<String> args = List.of(home.toString(), "uv", Long.toString(startAt), "six", "packaging");
    Process a = javaMain(ResolveMain.class, args);
    Process b = javaMain(ResolveMain.class, args);
    try {
      String outA = finish(a);
      String outB = finish(b);
      System.out.println("first JVM:\n" + outA + "second JVM:\n" + outB);
      assertThat(outA).contains("resolved ");
      assertThat(outB).contains("resolved ");
    } finally {
      a.destroyForcibly();
      b.destroyForcibly();
    }
    EnvStore store = new EnvStore(home);
    assertThat(store.hashes()).hasSize(2);
    for (String hash : store.hashes()) {
      assertThat(store.isComplete(hash)).isTrue();
      assertThat(TestEnvs.builds(home, hash)).as("builds of %s", hash).hasSize(1);
    }
  }

  static Process javaMain(Class<?> main, List<String> args) throws Exception {
    return new ProcessBuilder(javaCommand(main, args)).redirectErrorStream(true).start();
  }

  /** {@code java -cp <the test class path> main args..}. */
  static List<String> javaCommand(Class<?> main, List<String> args) {
    String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
    String cp =
        System.getProperty("surefire.test.class.path", System.getProperty("java.class.path"));
    List<String> cmd =
        new ArrayList<>(
            List.of(
                java,
                "-cp",
                cp.replace(File.pathSeparator + File.pathSeparator, File.pathSeparator),
                main.getName()));
    cmd.addAll(args);
    return cmd;
  }

  static String finish(Process p) throws Exception {
    // read before waiting, so a chatty child never blocks on a full pipe
    String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertThat(p.waitFor(3, TimeUnit.MINUTES)).isTrue();
    assertThat(p.exitValue()).as(out).isZero();
    return out;
  }
}
