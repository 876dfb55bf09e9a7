package io.venvmux;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

/**
 * A program whose {@code main} builds a pool, calls and returns leaves no thread in the launcher's
 * thread group: launchers such as Maven's {@code exec:java} run {@code main} in a group of their
 * own and wait for that group's threads before they end the program.
 */
class LauncherThreadGroupTest {
  @Test
  void noPoolThreadJoinsTheGroupOfTheThreadThatBuiltThePool() throws Exception {
    ThreadGroup launcher = new ThreadGroup("launcher");
    AtomicReference<Object> result = new AtomicReference<>();
    AtomicReference<Throwable> failure = new AtomicReference<>();
    AtomicReference<Pool> ownPool = new AtomicReference<>();
    Pool pool = TestEnvs.fixturePool(TestEnvs.spec().workers(1).build());
    Thread main =
        new Thread(
            launcher,
            () -> {
              try {
                Pool own = TestEnvs.fixturePool(TestEnvs.spec().workers(1).build());
                ownPool.set(own);
                result.set(own.call("e", "add", Map.of("a", 1, "b", 2)));
                result.set(pool.callAsync("e", "add", Map.of("a", 2, "b", 2)).join());
                // Not closed: like a program that returns from main and leaves the rest to exit.
              } catch (Throwable e) {
                failure.set(e);
              }
            },
            "main");
    try {
      main.start();
      main.join();
      assertThat(failure.get()).isNull();
      assertThat(result.get()).isEqualTo(4);
      Thread[] threads = new Thread[launcher.activeCount() + 16];
      int n = launcher.enumerate(threads, true);
      List<String> left = Arrays.stream(threads, 0, n).map(Thread::getName).toList();
      assertThat(left).isEmpty();
    } finally {
      pool.close();
      if (ownPool.get() != null) {
        ownPool.get().close(); // what the JVM's exit would do; other tests run in this JVM
      }
    }
  }
}
