package io.venvmux;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JavaType;
import io.venvmux.internal.codec.WireMapper;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * Under a mix of quick calls, slow calls, timeouts (killing workers) and cancellations, every call
 * ends once.
 */
class CallAccountingTest {
  static final JavaType OBJECT = WireMapper.mapper().constructType(Object.class);

  @Test
  void everyCallEndsWithItsResultOrAClearError() throws Exception {
    EnvSpec spec = TestEnvs.spec().workers(2).inflight(2).build();
    try (Pool pool = TestEnvs.fixturePool(spec)) {
      VenvHandle e = TestEnvs.started(pool, "e");
      Random random = new Random(42);
      List<CompletableFuture<Object>> futures = new ArrayList<>();
      List<String> kinds = new ArrayList<>();
      for (int i = 0; i < 300; i++) {
        int pick = random.nextInt(20);
        if (pick == 0) {
          kinds.add("timeout");
          futures.add(
              e.callAsync("nap", List.of(), Map.of("seconds", 5), OBJECT, Duration.ofMillis(200)));
        } else if (pick <= 2) {
          kinds.add("cancel");
          CompletableFuture<Object> f = e.callAsync("nap", Map.of("seconds", 0.05));
          f.cancel(true);
          futures.add(f);
        } else if (pick <= 5) {
          kinds.add("slow");
          futures.add(e.callAsync("nap", Map.of("seconds", 0.02)));
        } else {
          kinds.add("echo " + i);
          futures.add(e.callAsync("echo", Map.of("value", i)));
        }
      }
      int results = 0;
      int timeouts = 0;
      for (int i = 0; i < futures.size(); i++) {
        CompletableFuture<Object> f = futures.get(i);
        String kind = kinds.get(i);
        try {
          Object r = f.get(120, TimeUnit.SECONDS);
          assertThat(kind).isNotIn("timeout", "cancel");
          if (kind.startsWith("echo ")) {
            assertThat(r).isEqualTo(Integer.parseInt(kind.substring(5)));
          }
          results++;
        } catch (CancellationException c) {
          assertThat(kind).isEqualTo("cancel");
        } catch (ExecutionException x) {
          // its own timeout, or a neighbour's on the same worker, which killed it
          assertThat(x.getCause())
              .as(kind)
              .isInstanceOfAny(CallTimeoutException.class, WorkerCrashedException.class);
          if (x.getCause() instanceof WorkerCrashedException) {
            assertThat(x.getCause()).hasMessageContaining("timed out");
          } else {
            timeouts++;
          }
        }
      }
      assertThat(results).isGreaterThan(100);
      assertThat(timeouts).isPositive();
      assertThat(TestEnvs.queuedCalls(e)).isZero();
      assertThat(e.call("add", Map.of("a", 1, "b", 1))).isEqualTo(2);
    }
  }

  @Test
  void blockingCallsFromManyThreadsEachGetTheirOwnResult() throws Exception {
    try (Pool pool = TestEnvs.fixturePool(TestEnvs.spec().workers(2).inflight(3).build())) {
      VenvHandle e = pool.venv("e");
      List<CompletableFuture<Void>> threads = new ArrayList<>();
      for (int t = 0; t < 8; t++) {
        int base = t * 1000;
        threads.add(
            CompletableFuture.runAsync(
                () -> {
                  for (int i = 0; i < 50; i++) {
                    assertThat(e.call("add", Map.of("a", base, "b", i))).isEqualTo(base + i);
                  }
                },
                r -> new Thread(r, "caller").start()));
      }
      CompletableFuture.allOf(threads.toArray(CompletableFuture[]::new)).get(120, TimeUnit.SECONDS);
    }
  }
}
