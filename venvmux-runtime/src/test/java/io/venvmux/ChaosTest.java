package io.venvmux;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/**
 * Calls from 8 threads on 4 workers while workers are killed with SIGKILL at random: every call
 * ends exactly once, with its own result or {@link WorkerCrashedException} (or {@link
 * EnvStartException}, when every worker in sight was killed right after its hello, which is how a
 * worker that cannot start looks), nothing hangs, and closing leaves no process behind. CI runs the
 * short form; {@code -Dvenvmux.chaos.calls=20000} the long one.
 */
class ChaosTest {
  private static final int CALLS = Integer.getInteger("venvmux.chaos.calls", 2000);
  private static final int THREADS = 8;

  @Test
  void everyCallEndsOnceWhileWorkersAreKilledAtRandom() throws Exception {
    long processesBefore = TestEnvs.liveDescendants();
    AtomicInteger results = new AtomicInteger();
    AtomicInteger crashed = new AtomicInteger();
    AtomicInteger kills = new AtomicInteger();
    try (Pool pool = TestEnvs.fixturePool(TestEnvs.spec().workers(4).inflight(2).build())) {
      VenvHandle e = TestEnvs.started(pool, "e");
      AtomicBoolean calling = new AtomicBoolean(true);
      Thread killer =
          new Thread(
              () -> {
                Random random = new Random(7);
                while (calling.get()) {
                  List<Long> pids = TestEnvs.workerPids(e);
                  if (!pids.isEmpty()) {
                    ProcessHandle.of(pids.get(random.nextInt(pids.size())))
                        .ifPresent(
                            p -> {
                              if (p.destroyForcibly()) {
                                kills.incrementAndGet();
                              }
                            });
                  }
                  try {
                    Thread.sleep(20 + random.nextInt(80));
                  } catch (InterruptedException x) {
                    return;
                  }
                }
              },
              "chaos-killer");
      killer.start();
      List<CompletableFuture<Void>> callers = new ArrayList<>();
      for (int t = 0; t < THREADS; t++) {
        int base = t * CALLS;
        callers.add(
            CompletableFuture.runAsync(
                () -> {
                  for (int i = 0; i < CALLS / THREADS; i++) {
                    try {
                      Object r = e.call("add", Map.of("a", base, "b", i));
                      assertThat(r).isEqualTo(base + i);
                      results.incrementAndGet();
                    } catch (WorkerCrashedException | EnvStartException x) {
                      crashed.incrementAndGet();
                    }
                  }
                },
                r -> new Thread(r, "chaos-caller").start()));
      }
      try {
        CompletableFuture.allOf(callers.toArray(CompletableFuture[]::new))
            .get(10, TimeUnit.MINUTES);
      } catch (ExecutionException x) {
        throw new AssertionError("a call ended with something else than its result", x.getCause());
      } finally {
        calling.set(false);
        killer.join();
      }
      assertThat(results.get() + crashed.get()).isEqualTo(CALLS / THREADS * THREADS);
      assertThat(kills.get()).isPositive();
      assertThat(results.get()).isGreaterThan(crashed.get());
      assertThat(e.call("add", Map.of("a", 1, "b", 1))).isEqualTo(2);
      TestEnvs.eventually(
          Duration.ofSeconds(30),
          "the pool is back to 4 workers",
          () -> TestEnvs.workerPids(e).size() == 4);
      assertThat(TestEnvs.queuedCalls(e)).isZero();
    }
    assertThat(TestEnvs.liveDescendants()).isEqualTo(processesBefore);
    System.out.printf(
        "chaos: %d calls, %d results, %d crashed, %d workers killed%n",
        CALLS / THREADS * THREADS, results.get(), crashed.get(), kills.get());
  }
}
