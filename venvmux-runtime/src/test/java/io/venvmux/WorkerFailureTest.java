package io.venvmux;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import com.fasterxml.jackson.databind.JavaType;
import io.venvmux.internal.codec.WireMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Crashes, timeouts and start failures, against real workers. */
class WorkerFailureTest {
  static final JavaType OBJECT = WireMapper.mapper().constructType(Object.class);

  @Test
  void killedWorkerFailsItsCallAndIsReplaced() throws Exception {
    try (Pool pool = TestEnvs.fixturePool(TestEnvs.spec().workers(1).build())) {
      VenvHandle e = TestEnvs.started(pool, "e");
      long pid = TestEnvs.workerPids(e).get(0);
      CompletableFuture<Object> sleeping = e.callAsync("nap", Map.of("seconds", 30));
      CompletableFuture<Object> queued = e.callAsync("add", Map.of("a", 1, "b", 2));
      ProcessHandle.of(pid).orElseThrow().destroyForcibly();

      ExecutionException failed =
          catchThrowableOfType(ExecutionException.class, () -> sleeping.get(30, TimeUnit.SECONDS));
      assertThat(failed.getCause())
          .isInstanceOf(WorkerCrashedException.class)
          .hasMessageContaining("nap");
      WorkerCrashedException crash = (WorkerCrashedException) failed.getCause();
      assertThat(crash.exitCode()).isNotNull().isNotZero();
      // the call queued behind it goes to the replacement
      assertThat(queued.get(30, TimeUnit.SECONDS)).isEqualTo(3);
      Map<?, ?> who = (Map<?, ?>) e.call("whoami", Map.of());
      assertThat(((Number) who.get("pid")).longValue()).isNotEqualTo(pid);
    }
  }

  @Test
  void timeoutKillsOnlyItsWorkerAndOtherWorkersCarryOn() throws Exception {
    try (Pool pool = TestEnvs.fixturePool(TestEnvs.spec().workers(2).build())) {
      VenvHandle e = TestEnvs.started(pool, "e");
      CompletableFuture<Object> other = e.callAsync("nap", Map.of("seconds", 1.5));
      CallTimeoutException timeout =
          catchThrowableOfType(
              CallTimeoutException.class,
              () ->
                  e.call("nap", List.of(), Map.of("seconds", 60), OBJECT, Duration.ofMillis(500)));
      assertThat(timeout)
          .hasMessageContaining("nap")
          .hasMessageContaining("'e'")
          .hasMessageContaining("PT0.5S");
      assertThat(timeout.timeout()).isEqualTo(Duration.ofMillis(500));
      long survivor = ((Number) other.get(30, TimeUnit.SECONDS)).longValue();
      assertThat(TestEnvs.workerPids(e)).contains(survivor);
      TestEnvs.eventually(
          Duration.ofSeconds(30),
          "the killed worker is replaced",
          () -> TestEnvs.workerPids(e).size() == 2);
      assertThat(e.call("add", Map.of("a", 2, "b", 2))).isEqualTo(4);
    }
  }

  @Test
  void callsSharingATimedOutWorkerFailAsCrashedWithTheReason() throws Exception {
    EnvSpec spec = TestEnvs.spec().workers(1).inflight(2).build();
    try (Pool pool = TestEnvs.fixturePool(spec)) {
      VenvHandle e = TestEnvs.started(pool, "e");
      CompletableFuture<Object> neighbour = e.callAsync("nap", Map.of("seconds", 60));
      CompletableFuture<Object> doomed =
          e.callAsync("nap", List.of(), Map.of("seconds", 60), OBJECT, Duration.ofMillis(500));
      ExecutionException t =
          catchThrowableOfType(ExecutionException.class, () -> doomed.get(30, TimeUnit.SECONDS));
      assertThat(t.getCause()).isInstanceOf(CallTimeoutException.class);
      ExecutionException n =
          catchThrowableOfType(ExecutionException.class, () -> neighbour.get(30, TimeUnit.SECONDS));
      assertThat(n.getCause())
          .isInstanceOf(WorkerCrashedException.class)
          .hasMessageContaining("timed out");
      assertThat(e.call("add", Map.of("a", 1, "b", 1))).isEqualTo(2);
    }
  }

  @Test
  void envTimeoutAppliesAndAQueuedCallTimesOutWithoutKillingTheBusyWorker() throws Exception {
    EnvSpec spec = TestEnvs.spec().workers(1).callTimeout(Duration.ofSeconds(20)).build();
    try (Pool pool = TestEnvs.fixturePool(spec)) {
      VenvHandle e = TestEnvs.started(pool, "e");
      long pid = TestEnvs.workerPids(e).get(0);
      CompletableFuture<Object> busy = e.callAsync("nap", Map.of("seconds", 2));
      CallTimeoutException queued =
          catchThrowableOfType(
              CallTimeoutException.class,
              () ->
                  e.call("add", List.of(), Map.of("a", 1, "b", 1), OBJECT, Duration.ofMillis(300)));
      assertThat(queued).isNotNull();
      assertThat(((Number) busy.get(30, TimeUnit.SECONDS)).longValue()).isEqualTo(pid);
      assertThat(TestEnvs.workerPids(e)).containsExactly(pid);
      CallTimeoutException envDefault =
          catchThrowableOfType(
              CallTimeoutException.class,
              () ->
                  pool.venv("e")
                      .call(
                          "nap", List.of(), Map.of("seconds", 60), OBJECT, Duration.ofMillis(400)));
      assertThat(envDefault.timeout()).isEqualTo(Duration.ofMillis(400));
    }
  }

  @Test
  void cancellingAQueuedCallMeansItIsNeverSent() throws Exception {
    try (Pool pool = TestEnvs.fixturePool(TestEnvs.spec().workers(1).build())) {
      VenvHandle e = TestEnvs.started(pool, "e");
      CompletableFuture<Object> busy = e.callAsync("nap", Map.of("seconds", 1));
      CompletableFuture<Object> queued = e.callAsync("boom", Map.of("message", "must never run"));
      assertThat(queued.cancel(true)).isTrue();
      assertThat(TestEnvs.queuedCalls(e)).isZero();
      busy.get(30, TimeUnit.SECONDS);
      assertThat(e.call("add", Map.of("a", 1, "b", 1))).isEqualTo(2);
      assertThat(queued).isCancelled();
    }
  }

  @Test
  void cancellingAnInFlightCallFreesTheCallerButKeepsTheSlotUntilPythonFinishes() throws Exception {
    try (Pool pool = TestEnvs.fixturePool(TestEnvs.spec().workers(1).inflight(1).build())) {
      VenvHandle e = TestEnvs.started(pool, "e");
      long pid = TestEnvs.workerPids(e).get(0);
      CompletableFuture<Object> first = e.callAsync("nap", Map.of("seconds", 5));
      CompletableFuture<Object> second = e.callAsync("add", Map.of("a", 1, "b", 2));
      assertThat(TestEnvs.queuedCalls(e)).isEqualTo(1);
      assertThat(first.cancel(true)).isTrue();
      assertThat(first).isCancelled();
      // Python still sleeps in the only slot: the queued call waits for it, it does not run beside
      // it
      assertThat(TestEnvs.queuedCalls(e)).isEqualTo(1);
      assertThat(second.get(30, TimeUnit.SECONDS)).isEqualTo(3);
      assertThat(e.call("echo", Map.of("value", "after"))).isEqualTo("after");
      assertThat(TestEnvs.workerPids(e)).containsExactly(pid);
    }
  }

  /**
   * A pool whose env "flaky" misbehaves while {@code trigger} exists, counting imports in {@code
   * counter}.
   */
  private static Pool flakyPool(int workers, String triggerVar, Path trigger, Path counter) {
    EnvSpec spec =
        TestEnvs.spec()
            .workers(workers)
            .environment(triggerVar, trigger.toString())
            .environment("VMX_IMPORT_COUNTER", counter.toString())
            .build();
    return TestEnvs.pool().env("flaky", spec, "vmx_flaky").build();
  }

  @Test
  void failingImportFailsQueuedCallsWithoutARespawnLoopAndTheNextCallRetries(@TempDir Path tmp)
      throws Exception {
    Path breakFile = Files.writeString(tmp.resolve("broken"), "");
    Path counter = tmp.resolve("imports");
    try (Pool pool = flakyPool(2, "VMX_BREAK_FILE", breakFile, counter)) {
      VenvHandle h = pool.venv("flaky");
      List<CompletableFuture<Object>> burst =
          List.of(
              h.callAsync("ping", Map.of()),
              h.callAsync("ping", Map.of()),
              h.callAsync("ping", Map.of()));
      for (CompletableFuture<Object> f : burst) {
        ExecutionException ex =
            catchThrowableOfType(ExecutionException.class, () -> f.get(30, TimeUnit.SECONDS));
        assertThat(ex.getCause()).isInstanceOf(EnvStartException.class);
        EnvStartException start = (EnvStartException) ex.getCause();
        assertThat(start.pythonTraceback()).contains("RuntimeError").contains("broken on purpose");
        assertThat(start).hasMessageContaining("vmx_flaky");
      }
      Thread.sleep(1500); // a respawn loop would import again and again meanwhile
      // one attempt per worker of the fixed size (2) from the pool's eager start, which the burst
      // shares when it is still under way; when it failed already, the burst makes one more round
      assertThat(Files.readAllLines(counter)).hasSizeBetween(1, 4);

      EnvStartException again =
          catchThrowableOfType(EnvStartException.class, () -> h.call("ping", Map.of()));
      assertThat(again.pythonTraceback()).contains("broken on purpose");

      Files.delete(breakFile);
      assertThat(h.call("ping", Map.of())).isEqualTo("pong");
      assertThat(h.functions()).containsKey("ping");
    }
  }

  @Test
  void aModuleThatCannotImportDoesNotFailBuildButItsFirstCall(@TempDir Path tmp) throws Exception {
    Path breakFile = Files.writeString(tmp.resolve("broken"), "");
    Path counter = tmp.resolve("imports");
    try (Pool pool = flakyPool(1, "VMX_BREAK_FILE", breakFile, counter)) {
      // build() returned; the eager start tries the import in the background, before any call
      TestEnvs.eventually(
          Duration.ofSeconds(30),
          "the eager start imported the module",
          () -> Files.exists(counter));
      Thread.sleep(1500); // a respawn loop would import again and again meanwhile
      assertThat(Files.readAllLines(counter)).hasSize(1);

      EnvStartException first =
          catchThrowableOfType(EnvStartException.class, () -> pool.call("flaky", "ping", Map.of()));
      assertThat(first).hasMessageContaining("vmx_flaky");
      assertThat(first.pythonTraceback()).contains("RuntimeError").contains("broken on purpose");
      assertThat(TestEnvs.workerPids(pool.venv("flaky"))).isEmpty();

      Files.delete(breakFile);
      assertThat(pool.call("flaky", "ping", Map.of())).isEqualTo("pong");
    }
  }

  @Test
  void anEnvThatCannotResolveDoesNotFailBuildButItsFirstCall(@TempDir Path tmp) {
    EnvSpec spec = EnvSpec.builder().venv(tmp.resolve("no-such-venv")).workers(1).build();
    try (Pool pool = TestEnvs.pool().env("broken", spec, "vmx_fixture").build()) {
      CallException e =
          catchThrowableOfType(CallException.class, () -> pool.call("broken", "add", Map.of()));
      assertThat(e)
          .isInstanceOfAny(EnvStartException.class, EnvBuildException.class)
          .hasMessageContaining("no-such-venv");
    }
  }

  @Test
  void workerDyingRightAfterItsHelloIsNotRespawnedInALoop(@TempDir Path tmp) throws Exception {
    Path dieFile = Files.writeString(tmp.resolve("die"), "");
    Path counter = tmp.resolve("imports");
    try (Pool pool = flakyPool(1, "VMX_DIE_FILE", dieFile, counter)) {
      VenvHandle h = TestEnvs.started(pool, "flaky");
      TestEnvs.eventually(
          Duration.ofSeconds(30), "the worker died", () -> TestEnvs.workerPids(h).isEmpty());
      Thread.sleep(1500); // a respawn loop would import again and again meanwhile
      // the eager start's worker; functions() starts another only if that one died before it asked
      assertThat(Files.readAllLines(counter)).hasSizeBetween(1, 2);
      Files.delete(dieFile);
      assertThat(h.call("ping", Map.of())).isEqualTo("pong");
    }
  }

  @Test
  void anEnvThatCannotStartFailsEachCallClearly(@TempDir Path tmp) {
    EnvSpec spec = EnvSpec.builder().venv(tmp.resolve("no-such-venv")).workers(2).build();
    try (Pool pool = TestEnvs.pool().env("broken", spec, "vmx_fixture").build()) {
      for (int i = 0; i < 2; i++) {
        CallException e =
            catchThrowableOfType(CallException.class, () -> pool.call("broken", "add", Map.of()));
        assertThat(e)
            .isInstanceOfAny(EnvStartException.class, EnvBuildException.class)
            .hasMessageContaining("no-such-venv");
      }
      assertThat(TestEnvs.workerPids(pool.venv("broken"))).isEmpty();
    }
  }

  @Test
  void fixedModuleWorksAfterReload(@TempDir Path tmp) throws Exception {
    Path breakFile = Files.writeString(tmp.resolve("broken"), "");
    EnvSpec spec =
        TestEnvs.spec().workers(1).environment("VMX_BREAK_FILE", breakFile.toString()).build();
    try (Pool pool = TestEnvs.pool().env("flaky", spec, "vmx_flaky").build()) {
      VenvHandle h = pool.venv("flaky");
      catchThrowableOfType(EnvStartException.class, h::functions);
      Files.delete(breakFile);
      pool.reloadEnv("flaky");
      assertThat(h.call("ping", Map.of())).isEqualTo("pong");
    }
  }
}
