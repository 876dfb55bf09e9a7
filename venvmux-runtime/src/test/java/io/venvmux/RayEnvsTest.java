package io.venvmux;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Envs whose workers are Ray actors, on one real local Ray shared by every test here (started with
 * the pool, stopped at its close). Each behaviour is the one a local worker shows.
 */
class RayEnvsTest {
  private static Pool pool;

  @BeforeAll
  static void startPool() {
    RayCluster ray = RayCluster.local();
    Duration build = Duration.ofMinutes(5); // runtime_env builds count against the start timeout
    pool =
        TestEnvs.pool()
            .env(
                "fx",
                TestEnvs.spec().ray(ray).workers(2).pipelined(16).startTimeout(build).build(),
                "vmx_fixture")
            .env(
                "streams",
                StreamsTest.spec().ray(ray).workers(1).startTimeout(build).build(),
                StreamsTest.STREAM_MOD)
            .env("rays", TestEnvs.spec().ray(ray).workers(2).startTimeout(build).build(), "vmx_ray")
            .env(
                "np1",
                TestEnvs.spec().packages("numpy<2").ray(ray).workers(1).startTimeout(build).build(),
                "vmx_numpy")
            .env(
                "np2",
                TestEnvs.spec()
                    .packages("numpy>=2")
                    .ray(ray)
                    .workers(1)
                    .startTimeout(build)
                    .build(),
                "vmx_numpy")
            .env(
                "unbuildable",
                TestEnvs.spec()
                    .packages("venvmux-no-such-package==0.0.1")
                    .ray(ray)
                    .workers(1)
                    .startTimeout(build)
                    .build(),
                "vmx_fixture")
            .build();
  }

  @AfterAll
  static void closePool() {
    if (pool != null) {
      pool.close();
    }
  }

  @Test
  void callsRunInActorsWithTheWorkersDecoding() {
    assertThat(pool.call("fx", "add", Map.of("a", 2, "b", 3))).isEqualTo(5);
    assertThat(pool.call("fx", "point", Map.of("x", 1, "y", 2))).isEqualTo(Map.of("x", 1, "y", 2));
    assertThat(pool.venv("fx").functions()).containsKeys("add", "echo", "boom");
  }

  @Test
  void mapSpreadsAcrossTheActors() {
    List<Map<String, Object>> kwargs =
        IntStream.range(0, 8).mapToObj(i -> Map.<String, Object>of("seconds", 0.3)).toList();
    List<Object> pids = pool.venv("rays").map("slow_pid", kwargs, 2);
    assertThat(pids).hasSize(8);
    assertThat(new HashSet<>(pids)).hasSize(2); // two workers: two actors, both busy
    assertThat(pids).doesNotContain((Object) (int) ProcessHandle.current().pid());
  }

  @Test
  void errorsCarryTheFunctionsTraceback() {
    assertThatThrownBy(() -> pool.call("fx", "boom", Map.of("message", "on ray")))
        .isInstanceOfSatisfying(
            RemoteException.class,
            e -> {
              assertThat(e.getMessage()).contains("on ray");
              assertThat(e.pythonTraceback()).contains("vmx_fixture.py").contains("in boom");
            });
  }

  @Test
  void anUnknownFunctionIsNotFound() {
    assertThatThrownBy(() -> pool.call("fx", "no_such_function", Map.of()))
        .isInstanceOf(NotFoundException.class)
        .hasMessageContaining("no_such_function");
  }

  @Test
  void pipelinedFramesGiveEachCallItsOwnOutcome() {
    List<Map<String, Object>> input = new ArrayList<>();
    for (int i = 0; i < 300; i++) {
      Map<String, Object> kwargs = new HashMap<>();
      kwargs.put("value", i);
      if (i % 50 == 7) {
        kwargs.put("message", "element " + i);
      }
      input.add(kwargs);
    }
    List<Outcome<Integer>> outcomes =
        pool.venv("fx").mapOutcomes("echo_or_boom", input, 4, Integer.class);
    assertThat(outcomes).hasSize(300);
    for (int i = 0; i < 300; i++) {
      Outcome<Integer> o = outcomes.get(i);
      if (i % 50 == 7) {
        assertThat(o.error()).isInstanceOf(RemoteException.class).hasMessageContaining("" + i);
      } else {
        assertThat(o.value()).isEqualTo(i);
      }
    }
  }

  @Test
  void generatorsStreamThroughTheProxyWithCredit() {
    VenvHandle streams = pool.venv("streams");
    try (Stream<Object> items = streams.stream("count", Map.of("n", 2000))) {
      assertThat(items.toList())
          .containsExactlyElementsOf(IntStream.range(0, 2000).boxed().toList());
    }
    try (Stream<Object> items = streams.stream("acount", Map.of("n", 300))) {
      assertThat(items.count()).isEqualTo(300);
    }
    StreamsTest.assertErrorComesAfterItsItems(streams);
  }

  @Test
  void closingAStreamEarlyClosesTheGeneratorInTheActor() throws InterruptedException {
    VenvHandle streams = pool.venv("streams");
    try (Stream<Long> items = streams.stream("forever", Map.of(), Long.class)) {
      assertThat(items.limit(5).toList()).containsExactly(0L, 1L, 2L, 3L, 4L);
    }
    TestEnvs.eventually(
        Duration.ofSeconds(30),
        "the generator's finally ran in the actor",
        () -> ((List<?>) streams.call("closed", Map.of())).contains("forever"));
  }

  @Test
  void numpyOneAndTwoSideBySide() {
    CompletableFuture<Object> v1 = pool.callAsync("np1", "versions", Map.of());
    CompletableFuture<Object> v2 = pool.callAsync("np2", "versions", Map.of());
    assertThat((String) ((Map<?, ?>) v1.join()).get("numpy")).startsWith("1.");
    assertThat((String) ((Map<?, ?>) v2.join()).get("numpy")).startsWith("2.");
    assertThat(pool.call("np1", "sum_of_squares", Map.of("n", 1000)))
        .isEqualTo(pool.call("np2", "sum_of_squares", Map.of("n", 1000)))
        .isEqualTo(332_833_500);
  }

  @Test
  void anActorKilledMidCallFailsItsCallsAndIsReplaced() throws InterruptedException {
    VenvHandle rays = TestEnvs.started(pool, "rays");
    CompletableFuture<Object> dying = rays.callAsync("die_after", Map.of("seconds", 0.2));
    assertThatThrownBy(dying::join)
        .isInstanceOf(CompletionException.class)
        .hasCauseInstanceOf(WorkerCrashedException.class);
    TestEnvs.eventually(
        Duration.ofMinutes(2),
        "the env has two workers again",
        () -> TestEnvs.workerPids(rays).size() == 2);
    assertThat(rays.call("slow_pid", Map.of("seconds", 0))).isInstanceOf(Integer.class);
  }

  @Test
  void aRuntimeEnvThatCannotBeBuiltIsAnEnvBuildExceptionWithRaysMessage() {
    assertThatThrownBy(() -> pool.call("unbuildable", "add", Map.of("a", 1, "b", 2)))
        .isInstanceOf(EnvBuildException.class)
        .hasMessageContaining("runtime_env")
        .hasMessageContaining("venvmux-no-such-package");
  }

  @Test
  void anUnreachableClusterIsAnEnvStartExceptionNamingItsAddress() {
    try (Pool far =
        TestEnvs.pool()
            .env(
                "far",
                TestEnvs.spec().ray(RayCluster.at("127.0.0.1:9")).workers(1).build(),
                "vmx_fixture")
            .build()) {
      assertThatThrownBy(() -> far.call("far", "add", Map.of("a", 1, "b", 2)))
          .isInstanceOf(EnvStartException.class)
          .hasMessageContaining("cannot reach the Ray cluster at 127.0.0.1:9");
    }
  }
}
