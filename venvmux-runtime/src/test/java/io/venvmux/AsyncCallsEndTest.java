package io.venvmux;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * An async call's future completes, on the callback executor and never on the thread that read its
 * reply, even when the executor fails it or a burst of replies is completed in shared tasks.
 */
class AsyncCallsEndTest {

  @Test
  void aCallbackExecutorThatThrowsStillGetsTheFutureCompleted() throws Exception {
    Executor broken =
        r -> {
          throw new IllegalStateException("simulated broken executor");
        };
    try (Pool pool =
        TestEnvs.pool()
            .callbackExecutor(broken)
            .env("e", TestEnvs.spec().workers(1).build(), "vmx_fixture")
            .build()) {
      CompletableFuture<Object> f = pool.venv("e").callAsync("add", Map.of("a", 1, "b", 2));

      assertThat(f.get(30, TimeUnit.SECONDS)).isEqualTo(3);
    }
  }

  @Test
  void aBurstOfAsyncCallsCompletesEachOffTheReaderThreadWithItsOwnResult() throws Exception {
    try (Pool pool = TestEnvs.fixturePool(TestEnvs.spec().workers(1).pipelined(32).build())) {
      VenvHandle e = TestEnvs.started(pool, "e");
      List<CompletableFuture<Object>> plain = new ArrayList<>();
      List<CompletableFuture<String>> attached = new ArrayList<>();
      for (int i = 0; i < 2000; i++) {
        plain.add(e.callAsync("add", Map.of("a", i, "b", 1)));
        attached.add(
            e.callAsync("add", Map.of("a", i, "b", 2))
                .thenApply(r -> r + " on " + Thread.currentThread().getName()));
      }
      for (int i = 0; i < 2000; i++) {
        assertThat(plain.get(i).get(30, TimeUnit.SECONDS)).isEqualTo(i + 1);
        String r = attached.get(i).get(30, TimeUnit.SECONDS);
        // The callback thread, or this one when the reply came before thenApply was attached.
        assertThat(r).startsWith((i + 2) + " on ").doesNotContain("-stdout");
      }
    }
  }

  @Test
  void completingAnAsyncCallsFutureWithACancellationCancelsTheQueuedCall() throws Exception {
    try (Pool pool = TestEnvs.fixturePool(TestEnvs.spec().workers(1).build())) {
      VenvHandle e = TestEnvs.started(pool, "e");
      CompletableFuture<Object> running = e.callAsync("nap", Map.of("seconds", 0.3));
      CompletableFuture<Object> queued = e.callAsync("add", Map.of("a", 1, "b", 1));
      assertThat(queued.completeExceptionally(new CancellationException("not needed"))).isTrue();
      assertThat(TestEnvs.queuedCalls(e)).isZero();
      assertThat(running.get(30, TimeUnit.SECONDS)).isNotNull();
    }
  }
}
