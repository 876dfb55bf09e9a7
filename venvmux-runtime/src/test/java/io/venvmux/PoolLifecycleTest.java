package io.venvmux;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** Spill files, stopping, reloading, closing and autoscaling, against real workers. */
class PoolLifecycleTest {
  private static Set<Path> spillDirs() throws IOException {
    try (Stream<Path> s = Files.list(Path.of(System.getProperty("java.io.tmpdir")))) {
      return s.filter(p -> p.getFileName().toString().startsWith("venvmux-spill-"))
          .collect(Collectors.toSet());
    }
  }

  private static Set<String> venvmuxThreads() {
    return Thread.getAllStackTraces().keySet().stream()
        .filter(Thread::isAlive)
        .map(Thread::getName)
        .filter(n -> n.startsWith("venvmux"))
        .collect(Collectors.toSet());
  }

  @Test
  void aNewPoolSweepsTheSpillFoldersOfKilledJvms() throws Exception {
    Process gone = new ProcessBuilder("true").start();
    gone.waitFor();
    Path left =
        Files.createTempDirectory(
            Path.of(System.getProperty("java.io.tmpdir")), "venvmux-spill-" + gone.pid() + "-");
    Files.writeString(left.resolve("payload-1.json"), "{\"args\":[]}");
    try (Pool pool = TestEnvs.fixturePool(TestEnvs.spec().workers(1).build())) {
      TestEnvs.eventually(
          Duration.ofSeconds(10),
          "the dead JVM's spill folder is swept",
          () -> !Files.exists(left));
    }
  }

  @Test
  void largePayloadsAndResultsGoThroughPrivateFilesThatAreRemoved() throws Exception {
    Set<Path> before = spillDirs();
    try (Pool pool =
        TestEnvs.pool()
            .maxPayloadBytes(1000)
            .maxResultBytes(1000)
            .env("e", TestEnvs.spec().workers(1).build(), "vmx_fixture")
            .build()) {
      String big = "y".repeat(200_000);
      assertThat(pool.call("e", "size", Map.of("data", big))).isEqualTo(200_000);
      assertThat(pool.call("e", "big", Map.of("n", 300_000))).isEqualTo("x".repeat(300_000));
      assertThat(pool.call("e", "add", Map.of("a", 1, "b", 2))).isEqualTo(3);
      Set<Path> during = spillDirs();
      during.removeAll(before);
      // Another JVM on the machine may make a folder of its own meanwhile: this one's carry its
      // pid.
      String mine = "venvmux-spill-" + ProcessHandle.current().pid() + "-";
      during.removeIf(d -> !d.getFileName().toString().startsWith(mine));
      assertThat(during).hasSize(1);
      Path dir = during.iterator().next();
      assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(dir)))
          .isEqualTo("rwx------");
      try (Stream<Path> files = Files.list(dir)) {
        assertThat(files).isEmpty();
      }
    }
    // No folder is left behind; folders of JVMs that are gone may have been swept meanwhile.
    assertThat(spillDirs()).isSubsetOf(before);
  }

  @Test
  void closeLeavesNoProcessNoThreadAndFailsLaterCalls() throws Exception {
    long processesBefore = TestEnvs.liveDescendants();
    Set<Path> spillBefore = spillDirs();
    Pool pool =
        TestEnvs.pool()
            .env("a", TestEnvs.spec().workers(2).build(), "vmx_fixture")
            .env("b", TestEnvs.spec().build(), "vmx_fixture")
            .maxResultBytes(10)
            .maxPayloadBytes(10)
            .build();
    assertThat(pool.call("a", "add", Map.of("a", 1, "b", 2))).isEqualTo(3);
    assertThat(pool.callAsync("b", "big", Map.of("n", 100)).get(30, TimeUnit.SECONDS))
        .isEqualTo("x".repeat(100));
    CompletableFuture<Object> inFlight = pool.callAsync("b", "nap", Map.of("seconds", 0.5));
    assertThat(TestEnvs.liveDescendants()).isGreaterThan(processesBefore);
    // This pool's spill folder (other tests' pools in this JVM may make and remove theirs).
    Set<Path> mine = spillDirs();
    mine.removeAll(spillBefore);
    assertThat(mine).isNotEmpty();

    pool.close();
    pool.close(); // idempotent

    assertThat(inFlight.get(30, TimeUnit.SECONDS))
        .isNotNull(); // in-flight calls may finish in the grace period
    assertThat(TestEnvs.liveDescendants()).isEqualTo(processesBefore);
    assertThat(mine).allMatch(dir -> !Files.exists(dir));
    TestEnvs.eventually(
        Duration.ofSeconds(10),
        "no venvmux thread is left: " + venvmuxThreads(),
        () -> venvmuxThreads().isEmpty());
    assertThatThrownBy(() -> pool.call("a", "add", Map.of("a", 1, "b", 2)))
        .isInstanceOf(PoolClosedException.class);
    ExecutionException async =
        catchThrowableOfType(
            ExecutionException.class,
            () -> pool.callAsync("a", "add", Map.of("a", 1, "b", 2)).get(30, TimeUnit.SECONDS));
    assertThat(async.getCause()).isInstanceOf(PoolClosedException.class);
    assertThatThrownBy(() -> pool.addEnv("c", TestEnvs.spec().build(), "vmx_fixture"))
        .isInstanceOf(PoolClosedException.class);
  }

  @Test
  void closingFromACallbackWorks() throws Exception {
    Pool pool = TestEnvs.fixturePool(TestEnvs.spec().build());
    pool.callAsync("e", "add", Map.of("a", 1, "b", 1))
        .thenRun(pool::close)
        .get(30, TimeUnit.SECONDS);
    assertThatThrownBy(() -> pool.call("e", "add", Map.of("a", 1, "b", 1)))
        .isInstanceOf(PoolClosedException.class);
  }

  @Test
  void closeFailsQueuedCalls() throws Exception {
    Pool pool = TestEnvs.fixturePool(TestEnvs.spec().workers(1).build());
    VenvHandle e = TestEnvs.started(pool, "e");
    CompletableFuture<Object> running = e.callAsync("nap", Map.of("seconds", 0.3));
    CompletableFuture<Object> queued = e.callAsync("add", Map.of("a", 1, "b", 1));
    pool.close();
    assertThat(running.get(30, TimeUnit.SECONDS)).isNotNull();
    ExecutionException q =
        catchThrowableOfType(ExecutionException.class, () -> queued.get(30, TimeUnit.SECONDS));
    assertThat(q.getCause()).isInstanceOf(PoolClosedException.class);
  }

  @Test
  void stopEnvStopsItsWorkersAndTheNextCallStartsThemAgain() throws Exception {
    try (Pool pool =
        TestEnvs.pool()
            .env("e", TestEnvs.spec().workers(2).build(), "vmx_fixture")
            .env("other", TestEnvs.spec().workers(1).build(), "vmx_fixture")
            .build()) {
      VenvHandle e = TestEnvs.started(pool, "e");
      VenvHandle other = TestEnvs.started(pool, "other");
      List<Long> old = TestEnvs.workerPids(e);
      List<Long> otherPids = TestEnvs.workerPids(other);
      TestEnvs.eventually(
          Duration.ofSeconds(30), "2 workers are up", () -> TestEnvs.workerPids(e).size() == 2);
      List<CompletableFuture<Object>> running =
          List.of(
              e.callAsync("nap", Map.of("seconds", 0.5)),
              e.callAsync("nap", Map.of("seconds", 0.5)));
      CompletableFuture<Object> queued = e.callAsync("add", Map.of("a", 1, "b", 1));
      pool.stopEnv("e");
      ExecutionException q =
          catchThrowableOfType(ExecutionException.class, () -> queued.get(30, TimeUnit.SECONDS));
      assertThat(q.getCause())
          .isInstanceOf(PoolClosedException.class)
          .hasMessageContaining("stopped");
      for (CompletableFuture<Object> r : running) {
        assertThat(r.get(30, TimeUnit.SECONDS))
            .isNotNull(); // in flight: finished within the grace period
      }
      assertThat(TestEnvs.workerPids(e)).isEmpty();
      for (long pid : old) {
        assertThat(ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false)).isFalse();
      }
      assertThat(TestEnvs.workerPids(other)).isEqualTo(otherPids);
      assertThat(e.call("add", Map.of("a", 1, "b", 1))).isEqualTo(2);
      TestEnvs.eventually(
          Duration.ofSeconds(30),
          "env e has 2 workers again",
          () -> TestEnvs.workerPids(e).size() == 2);
      assertThat(TestEnvs.workerPids(e)).doesNotContainAnyElementsOf(old);
    }
  }

  @Test
  void reloadEnvReplacesWorkersKeepingTheCountAndLetsInFlightCallsFinish() throws Exception {
    try (Pool pool = TestEnvs.fixturePool(TestEnvs.spec().workers(2).build())) {
      VenvHandle e = TestEnvs.started(pool, "e");
      TestEnvs.eventually(
          Duration.ofSeconds(30), "2 workers are up", () -> TestEnvs.workerPids(e).size() == 2);
      List<Long> old = TestEnvs.workerPids(e);
      CompletableFuture<Object> inFlight = e.callAsync("nap", Map.of("seconds", 1));
      pool.reloadEnv("e");
      Map<?, ?> who = (Map<?, ?>) e.call("whoami", Map.of());
      assertThat(old).doesNotContain(((Number) who.get("pid")).longValue());
      assertThat(((Number) inFlight.get(30, TimeUnit.SECONDS)).longValue()).isIn(old);
      TestEnvs.eventually(
          Duration.ofSeconds(30), "2 new workers are up", () -> TestEnvs.workerPids(e).size() == 2);
      assertThat(TestEnvs.workerPids(e)).doesNotContainAnyElementsOf(old);
      TestEnvs.eventually(
          Duration.ofSeconds(30),
          "the old workers exited",
          () ->
              old.stream()
                  .noneMatch(
                      pid -> ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false)));
    }
  }

  @Test
  void autoModeGrowsUnderLoadAndShrinksWhenIdle() throws Exception {
    EnvSpec spec =
        TestEnvs.spec()
            .minWorkers(1)
            .maxWorkers(3)
            .saturationWindowLen(3)
            .scaleUpCooldown(Duration.ofMillis(200))
            .scaleDownIdle(Duration.ofSeconds(1))
            .build();
    try (Pool pool = TestEnvs.fixturePool(spec)) {
      VenvHandle e = TestEnvs.started(pool, "e");
      assertThat(TestEnvs.workerPids(e)).hasSize(1);
      List<CompletableFuture<Object>> load = new java.util.ArrayList<>();
      for (int i = 0; i < 30; i++) {
        load.add(e.callAsync("nap", Map.of("seconds", 0.3)));
      }
      TestEnvs.eventually(
          Duration.ofSeconds(60),
          "the env grew to 3 workers",
          () -> TestEnvs.workerPids(e).size() == 3);
      for (CompletableFuture<Object> f : load) {
        f.get(60, TimeUnit.SECONDS);
      }
      TestEnvs.eventually(
          Duration.ofSeconds(60),
          "the env shrank back to 1 worker",
          () -> TestEnvs.workerPids(e).size() == 1);
      assertThat(e.call("add", Map.of("a", 1, "b", 1))).isEqualTo(2);
    }
  }

  @Test
  void autogrowOffKeepsTheMinimum() throws Exception {
    EnvSpec spec =
        TestEnvs.spec()
            .minWorkers(1)
            .maxWorkers(3)
            .autogrow(false)
            .saturationWindowLen(1)
            .scaleUpCooldown(Duration.ZERO)
            .build();
    try (Pool pool = TestEnvs.fixturePool(spec)) {
      VenvHandle e = pool.venv("e");
      List<Object> results =
          e.map("nap", java.util.Collections.nCopies(6, Map.of("seconds", 0.2)), 6);
      assertThat(results).hasSize(6).containsOnly(results.get(0));
      assertThat(TestEnvs.workerPids(e)).hasSize(1);
    }
  }

  @Test
  void asyncFuturesCompleteOnTheGivenCallbackExecutor() throws Exception {
    java.util.concurrent.ExecutorService mine =
        java.util.concurrent.Executors.newSingleThreadExecutor(r -> new Thread(r, "my-callbacks"));
    try (Pool pool =
        TestEnvs.pool()
            .callbackExecutor(mine)
            .env("e", TestEnvs.spec().build(), "vmx_fixture")
            .build()) {
      String thread =
          pool.callAsync("e", "add", Map.of("a", 1, "b", 1))
              .thenApply(r -> Thread.currentThread().getName())
              .get(30, TimeUnit.SECONDS);
      assertThat(thread).isEqualTo("my-callbacks");
    } finally {
      mine.shutdown();
    }
  }

  @Test
  void interruptingABlockingCallCancelsItAndItsSlotFreesWhenPythonFinishes() throws Exception {
    try (Pool pool = TestEnvs.fixturePool(TestEnvs.spec().workers(1).build())) {
      VenvHandle e = TestEnvs.started(pool, "e");
      CompletableFuture<CallException> outcome = new CompletableFuture<>();
      Thread caller =
          new Thread(
              () -> {
                try {
                  e.call("nap", Map.of("seconds", 5));
                  outcome.complete(null);
                } catch (CallException ex) {
                  outcome.complete(ex);
                }
              });
      caller.start();
      TestEnvs.eventually(
          Duration.ofSeconds(30),
          "the call is in flight",
          () -> caller.getState() == Thread.State.WAITING);
      caller.interrupt();
      assertThat(outcome.get(30, TimeUnit.SECONDS))
          .isNotNull()
          .extracting(CallException::code)
          .isEqualTo("interrupted");
      // Python still sleeps in the only slot: the next call waits for it, then runs
      CompletableFuture<Object> a = e.callAsync("add", Map.of("a", 1, "b", 1));
      assertThat(TestEnvs.queuedCalls(e)).isEqualTo(1);
      assertThat(a.get(30, TimeUnit.SECONDS)).isEqualTo(2);
    }
  }

  @Test
  void buildStartsTheMinimumWorkersBeforeAnyCall() throws Exception {
    try (Pool pool =
        TestEnvs.pool()
            .env("fixed", TestEnvs.spec().workers(2).build(), "vmx_fixture")
            .env("auto", TestEnvs.spec().minWorkers(1).maxWorkers(3).build(), "vmx_fixture")
            .env("lazy", TestEnvs.spec().minWorkers(0).build(), "vmx_fixture")
            .build()) {
      TestEnvs.eventually(
          Duration.ofSeconds(30),
          "the fixed env's 2 workers are up",
          () -> TestEnvs.workerPids(pool.venv("fixed")).size() == 2);
      TestEnvs.eventually(
          Duration.ofSeconds(30),
          "the auto env's minimum worker is up",
          () -> TestEnvs.workerPids(pool.venv("auto")).size() == 1);
      assertThat(TestEnvs.workerPids(pool.venv("lazy"))).isEmpty();
      VenvHandle added = pool.addEnv("added", TestEnvs.spec().workers(1).build(), "vmx_fixture");
      TestEnvs.eventually(
          Duration.ofSeconds(30),
          "the added env's worker is up",
          () -> TestEnvs.workerPids(added).size() == 1);
      List<Long> eager = TestEnvs.workerPids(pool.venv("fixed"));
      Map<?, ?> who = (Map<?, ?>) pool.call("fixed", "whoami", Map.of());
      assertThat(eager)
          .contains(((Number) who.get("pid")).longValue()); // served by an eager worker
    }
  }

  @Test
  void minWorkersZeroStartsOneForACall() {
    try (Pool pool = TestEnvs.fixturePool(TestEnvs.spec().minWorkers(0).build())) {
      assertThat(pool.call("e", "add", Map.of("a", 1, "b", 1))).isEqualTo(2);
    }
  }
}
