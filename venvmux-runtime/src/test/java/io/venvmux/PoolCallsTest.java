package io.venvmux;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import com.fasterxml.jackson.core.type.TypeReference;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Calls against real workers: two envs side by side, results, errors, functions. */
class PoolCallsTest {
  static Pool pool;

  record Point(int x, int y) {}

  @BeforeAll
  static void start() {
    pool =
        TestEnvs.pool()
            .env(
                "one",
                TestEnvs.spec().workers(1).environment("VMX_TAG", "one").build(),
                "vmx_fixture")
            .env(
                "two",
                TestEnvs.spec().workers(2).environment("VMX_TAG", "two").build(),
                "vmx_fixture")
            .build();
  }

  @AfterAll
  static void stop() {
    pool.close();
  }

  @Test
  void twoEnvsAnswerSyncAsyncAndMap() throws Exception {
    assertThat(((Map<?, ?>) pool.call("one", "whoami", Map.of())).get("tag")).isEqualTo("one");
    CompletableFuture<Object> two = pool.callAsync("two", "whoami", Map.of());
    assertThat(((Map<?, ?>) two.get(30, TimeUnit.SECONDS)).get("tag")).isEqualTo("two");
    assertThat(pool.call("one", "add", Map.of("a", 2, "b", 3))).isEqualTo(5);

    List<Map<String, Object>> inputs =
        IntStream.range(0, 20)
            .mapToObj(i -> Map.<String, Object>of("a", i, "b", 100))
            .collect(Collectors.toList());
    assertThat(pool.venv("two").map("add", inputs, 4))
        .containsExactlyElementsOf(
            IntStream.range(0, 20).mapToObj(i -> i + 100).collect(Collectors.toList()));
    assertThat(pool.venv("one").map("add", inputs, 3, Long.class)).startsWith(100L, 101L, 102L);

    List<CompletableFuture<Object>> many = new ArrayList<>();
    for (int i = 0; i < 50; i++) {
      many.add(pool.venv(i % 2 == 0 ? "one" : "two").callAsync("echo", Map.of("value", i)));
    }
    for (int i = 0; i < 50; i++) {
      assertThat(many.get(i).get(30, TimeUnit.SECONDS)).isEqualTo(i);
    }
  }

  @Test
  void asyncFuturesCompleteOffTheIoThreads() throws Exception {
    String thread =
        pool.venv("one")
            .callAsync("echo", Map.of("value", 1))
            .thenApply(v -> Thread.currentThread().getName())
            .get(30, TimeUnit.SECONDS);
    assertThat(thread).doesNotContain("stdout").doesNotContain("stderr").doesNotContain("timer");
  }

  @Test
  void mapThrowsTheFirstFailureOnceTheStartedCallsEnded() {
    List<Map<String, Object>> inputs =
        List.of(
            Map.of("value", 1),
            Map.of("value", 2),
            Map.of("message", "third fails"),
            Map.of("value", 4));
    RemoteException e =
        catchThrowableOfType(
            RemoteException.class, () -> pool.venv("two").map("echo_or_boom", inputs, 2));
    assertThat(e.pythonMessage()).isEqualTo("third fails");
    assertThat(pool.venv("two").map("echo", List.of(Map.of("value", 1)), 1)).containsExactly(1);
  }

  @Test
  void typedResults() {
    VenvHandle one = pool.venv("one");
    assertThat(one.call("point", Map.of("x", 1, "y", 2), Point.class)).isEqualTo(new Point(1, 2));
    assertThat(one.call("point", Map.of("x", 1, "y", 2), new TypeReference<Map<String, Long>>() {}))
        .containsEntry("x", 1L);
    InvalidJsonException bad =
        catchThrowableOfType(
            InvalidJsonException.class,
            () -> one.call("echo", Map.of("value", "not a number"), Integer.class));
    assertThat(bad).hasMessageContaining("echo").hasMessageContaining("java.lang.Integer");
  }

  @Test
  void naturalValuesIncludeBytesAndSpecialNumbers() {
    assertThat(pool.call("one", "blob", Map.of()))
        .isEqualTo(new byte[] {0, 1, 'b', 'i', 'n', 'a', 'r', 'y'});
    @SuppressWarnings("unchecked")
    List<Object> specials = (List<Object>) pool.call("one", "specials", Map.of());
    assertThat((Double) specials.get(0)).isNaN();
    assertThat(specials.subList(1, 4))
        .containsExactly(
            Double.POSITIVE_INFINITY, Double.NEGATIVE_INFINITY, BigInteger.TWO.pow(70));
    List<Double> typed =
        pool.venv("one").call("specials", Map.of(), new TypeReference<List<Double>>() {});
    assertThat(typed.get(0)).isNaN();
    assertThat(typed.get(2)).isEqualTo(Double.NEGATIVE_INFINITY);
    assertThat(pool.call("one", "echo", Map.of("value", Map.of("nested", List.of(true, "s")))))
        .isEqualTo(Map.of("nested", List.of(true, "s")));
  }

  @Test
  void printAndRawWritesToStdoutDoNotDisturbCalls() {
    for (int i = 0; i < 5; i++) {
      assertThat(pool.call("one", "noisy", Map.of("n", i))).isEqualTo("quiet");
      assertThat(pool.call("one", "add", Map.of("a", i, "b", 1))).isEqualTo(i + 1);
    }
  }

  @Test
  void pythonExceptionBecomesRemoteExceptionAndTheWorkerLivesOn() {
    RemoteException e =
        catchThrowableOfType(
            RemoteException.class, () -> pool.call("one", "boom", Map.of("message", "bad input")));
    assertThat(e.pythonType()).isEqualTo("ValueError");
    assertThat(e.pythonMessage()).isEqualTo("bad input");
    assertThat(e.pythonTraceback()).contains("vmx_fixture.py").contains("raise ValueError");
    assertThat(e.getSuppressed())
        .anySatisfy(
            s ->
                assertThat(s.getStackTrace())
                    .anySatisfy(
                        f ->
                            assertThat(f.getClassName()).isEqualTo(PoolCallsTest.class.getName())));
    assertThat(pool.call("one", "add", Map.of("a", 1, "b", 1))).isEqualTo(2);

    ExecutionException async =
        catchThrowableOfType(
            ExecutionException.class,
            () ->
                pool.callAsync("one", "boom", Map.of("message", "async"))
                    .get(30, TimeUnit.SECONDS));
    assertThat(async.getCause()).isInstanceOf(RemoteException.class).hasMessageContaining("async");
  }

  @Test
  void onlyPublicFunctionsAreFound() {
    for (String fn : List.of("no_such_function", "_private", "system", "os.system")) {
      NotFoundException e =
          catchThrowableOfType(NotFoundException.class, () -> pool.call("one", fn, Map.of()));
      assertThat(e).as(fn).isNotNull();
      assertThat(e.available()).contains("echo", "add", "nap").doesNotContain("_private", "system");
      assertThat(e.getMessage()).contains(fn).contains("echo");
    }
  }

  @Test
  void badArgumentsAreReported() {
    assertThatThrownBy(() -> pool.call("one", "add", Map.of("a", 1)))
        .isInstanceOf(BadArgumentsException.class)
        .hasMessageContaining("add");
  }

  @Test
  void functionsAndVersionComeFromTheHello() {
    VenvHandle two = pool.venv("two");
    assertThat(two.functions())
        .containsKeys("echo", "add", "nap")
        .doesNotContainKeys("_private", "system");
    assertThat(two.functions().get("add")).isEqualTo("(a: int, b: int) -> int");
    assertThat(two.pythonVersion()).matches("3\\.\\d+\\.\\d+.*");
    assertThat(two.name()).isEqualTo("two");
    assertThat(two.module()).isEqualTo("vmx_fixture");
  }

  @Test
  void envLookupAndAdding() {
    assertThatThrownBy(() -> pool.venv("nope"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("one")
        .hasMessageContaining("two");
    assertThat(pool.envServing("vmx_fixture")).isEmpty();
    assertThat(pool.envServing("other")).isEmpty();
    EnvSpec spec = TestEnvs.spec().workers(1).build();
    VenvHandle added = pool.addEnv("added", spec, "vmx_flaky");
    assertThat(pool.addEnv("added", spec, "vmx_flaky")).isSameAs(added);
    assertThatThrownBy(() -> pool.addEnv("added", spec, "vmx_fixture"))
        .isInstanceOf(IllegalArgumentException.class);
    assertThat(pool.envServing("vmx_flaky")).containsSame(added);
    assertThat(pool.envNames()).containsExactly("one", "two", "added");
    assertThat(added.call("ping", Map.of())).isEqualTo("pong");
  }
}
