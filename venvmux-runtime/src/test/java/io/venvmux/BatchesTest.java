package io.venvmux;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import com.fasterxml.jackson.databind.JavaType;
import io.venvmux.internal.codec.WireMapper;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * Many small calls on real workers: frames of several calls, map's order and backpressure, the
 * bounded queue, and the stats that count them.
 */
class BatchesTest {
  static final JavaType OBJECT = WireMapper.mapper().constructType(Object.class);

  private static List<Map<String, Object>> adds(int n) {
    List<Map<String, Object>> out = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      out.add(Map.of("a", i, "b", 1));
    }
    return out;
  }

  @Test
  void mapKeepsOrderThroughFramesAndAppliesBackpressureBelowMaxQueued() {
    // maxQueued far below the list: map holds its own calls back, so it never trips the bound.
    try (Pool pool =
        TestEnvs.fixturePool(TestEnvs.spec().workers(1).pipelined(32).maxQueued(5).build())) {
      VenvHandle e = TestEnvs.started(pool, "e");
      List<Object> results = e.map("add", adds(3000), 1);
      assertThat(results).hasSize(3000);
      for (int i = 0; i < results.size(); i++) {
        assertThat(results.get(i)).isEqualTo(i + 1);
      }
      assertThat(e.stats().calls()).isEqualTo(3000);
      assertThat(e.stats().failures()).isZero();
    }
  }

  @Test
  void mapThrowsTheFirstElementsErrorAndMapOutcomesGivesEachElementItsOwn() {
    try (Pool pool = TestEnvs.fixturePool(TestEnvs.spec().workers(1).pipelined(8).build())) {
      VenvHandle e = TestEnvs.started(pool, "e");
      List<Map<String, Object>> input = new ArrayList<>();
      for (int i = 0; i < 20; i++) {
        Map<String, Object> kwargs = new HashMap<>();
        kwargs.put("value", i);
        if (i == 5 || i == 7) {
          kwargs.put("message", "element " + i);
        }
        input.add(kwargs);
      }
      RemoteException first =
          catchThrowableOfType(RemoteException.class, () -> e.map("echo_or_boom", input, 1));
      assertThat(first).hasMessageContaining("element 5");

      List<Outcome<Integer>> outcomes = e.mapOutcomes("echo_or_boom", input, 2, Integer.class);
      assertThat(outcomes).hasSize(20);
      for (int i = 0; i < 20; i++) {
        Outcome<Integer> o = outcomes.get(i);
        if (i == 5 || i == 7) {
          assertThat(o.isSuccess()).isFalse();
          assertThat(o.error()).isInstanceOf(RemoteException.class).hasMessageContaining("" + i);
        } else {
          assertThat(o.value()).isEqualTo(i);
        }
      }
    }
  }

  @Test
  void aBurstOfAsyncCallsShareFramesAndEachGetsItsOwnResult() throws Exception {
    try (Pool pool = TestEnvs.fixturePool(TestEnvs.spec().workers(1).pipelined(32).build())) {
      VenvHandle e = TestEnvs.started(pool, "e");
      List<CompletableFuture<Object>> futures = new ArrayList<>();
      for (int i = 0; i < 2000; i++) {
        futures.add(
            i % 100 == 99
                ? e.callAsync("boom", Map.of("message", "call " + i))
                : e.callAsync("add", Map.of("a", i, "b", 0)));
      }
      for (int i = 0; i < futures.size(); i++) {
        if (i % 100 == 99) {
          int n = i;
          ExecutionException x =
              catchThrowableOfType(
                  ExecutionException.class, () -> futures.get(n).get(30, TimeUnit.SECONDS));
          assertThat(x.getCause()).hasMessageContaining("call " + i);
        } else {
          assertThat(futures.get(i).get(30, TimeUnit.SECONDS)).isEqualTo(i);
        }
      }
      EnvStats stats = e.stats();
      assertThat(stats.calls()).isEqualTo(2000);
      assertThat(stats.failures()).isEqualTo(20);
    }
  }

  @Test
  void aCallPastMaxQueuedFailsAtOnceWithQueueFull() throws Exception {
    EnvSpec spec = TestEnvs.spec().workers(1).pipelined(0).maxQueued(2).build();
    try (Pool pool = TestEnvs.fixturePool(spec)) {
      VenvHandle e = TestEnvs.started(pool, "e");
      CompletableFuture<Object> busy = e.callAsync("nap", Map.of("seconds", 1.5));
      CompletableFuture<Object> q1 = e.callAsync("add", Map.of("a", 1, "b", 1));
      CompletableFuture<Object> q2 = e.callAsync("add", Map.of("a", 2, "b", 2));
      QueueFullException full =
          catchThrowableOfType(
              QueueFullException.class, () -> e.call("add", Map.of("a", 3, "b", 3)));
      assertThat(full).hasMessageContaining("'add'").hasMessageContaining("maxQueued");
      assertThat(full.maxQueued()).isEqualTo(2);
      busy.get(30, TimeUnit.SECONDS);
      assertThat(q1.get(30, TimeUnit.SECONDS)).isEqualTo(2);
      assertThat(q2.get(30, TimeUnit.SECONDS)).isEqualTo(4);
      assertThat(e.call("add", Map.of("a", 3, "b", 3))).isEqualTo(6);
      assertThat(e.stats().failures()).isEqualTo(1);
    }
  }

  @Test
  void callsWaitingInThePipeOfAKilledWorkerRunOnItsReplacementAndStatsCountExactly()
      throws Exception {
    try (Pool pool = TestEnvs.fixturePool(TestEnvs.spec().workers(1).pipelined(32).build())) {
      VenvHandle e = TestEnvs.started(pool, "e");
      long pid = TestEnvs.workerPids(e).get(0);
      CompletableFuture<Object> sleeping = e.callAsync("nap", Map.of("seconds", 30));
      List<CompletableFuture<Object>> piped = new ArrayList<>();
      for (int i = 0; i < 5; i++) {
        piped.add(e.callAsync("add", Map.of("a", i, "b", 10)));
      }
      TestEnvs.eventually(
          Duration.ofSeconds(30), "the calls wait behind the nap", () -> e.stats().queued() == 5);
      assertThat(e.stats().busy()).isEqualTo(1);
      ProcessHandle.of(pid).orElseThrow().destroyForcibly();

      ExecutionException crashed =
          catchThrowableOfType(ExecutionException.class, () -> sleeping.get(30, TimeUnit.SECONDS));
      assertThat(crashed.getCause()).isInstanceOf(WorkerCrashedException.class);
      for (int i = 0; i < 5; i++) {
        assertThat(piped.get(i).get(30, TimeUnit.SECONDS)).isEqualTo(i + 10);
      }
      CallTimeoutException timeout =
          catchThrowableOfType(
              CallTimeoutException.class,
              () ->
                  e.call("nap", List.of(), Map.of("seconds", 60), OBJECT, Duration.ofMillis(300)));
      assertThat(timeout).isNotNull();
      assertThat(e.call("add", Map.of("a", 1, "b", 1))).isEqualTo(2);

      EnvStats stats = e.stats();
      assertThat(stats.calls()).isEqualTo(8);
      assertThat(stats.failures()).isEqualTo(2);
      assertThat(stats.timeouts()).isEqualTo(1);
      assertThat(stats.restarts()).isEqualTo(2);
      assertThat(stats.workers()).isEqualTo(1);
      assertThat(stats.busy()).isZero();
      assertThat(stats.queued()).isZero();
      assertThat(stats.p99()).isGreaterThanOrEqualTo(stats.p50()).isPositive();
      assertThat(pool.stats()).containsOnlyKeys("e");
      assertThat(pool.stats().get("e").calls()).isEqualTo(8);
    }
  }
}
