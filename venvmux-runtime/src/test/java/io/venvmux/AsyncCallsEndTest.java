package io.venvmux;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** An async call's future completes even when the pool's callback executor fails it. */
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
}
