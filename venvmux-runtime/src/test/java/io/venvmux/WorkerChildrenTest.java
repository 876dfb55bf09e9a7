package io.venvmux;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.venvmux.internal.VenvMuxThreads;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.DisabledOnOs;
import org.junit.jupiter.api.condition.OS;

/**
 * What a worker's module starts ends with the worker, and a worker's stderr cannot starve the pool,
 * against real workers.
 */
@DisabledOnOs(OS.WINDOWS)
class WorkerChildrenTest {
  private static final Duration GONE_WITHIN = Duration.ofSeconds(15);

  /** The worker package's own test module, shared with its pytest suite. */
  private static final Path WORKER_FIXTURES =
      Path.of("../python-worker/tests/fixtures").toAbsolutePath().normalize();

  private static Pool spawningPool(EnvSpec.Builder spec) {
    return TestEnvs.pool()
        .env("spawn", spec.workerPaths(TestEnvs.FIXTURES, WORKER_FIXTURES).build(), "spawning_mod")
        .build();
  }

  private static boolean alive(long pid) {
    Optional<ProcessHandle> p = ProcessHandle.of(pid);
    return p.isPresent() && p.get().isAlive();
  }

  private static long pid(Object result) {
    return ((Number) result).longValue();
  }

  private static List<String> venvmuxThreadsOf(String env) {
    Thread[] threads = new Thread[VenvMuxThreads.group().activeCount() + 16];
    int n = VenvMuxThreads.group().enumerate(threads);
    return java.util.Arrays.stream(threads, 0, n)
        .filter(Thread::isAlive)
        .map(Thread::getName)
        .filter(name -> name.startsWith("venvmux-" + env + "-"))
        .toList();
  }

  @Test
  void childrenAndForksOfAWorkerEndWhenThePoolCloses() throws InterruptedException {
    long child;
    long fork;
    try (Pool pool = spawningPool(TestEnvs.spec().workers(1))) {
      child = pid(pool.call("spawn", "start_sleeper", Map.of()));
      fork = pid(pool.call("spawn", "fork_sleeper", Map.of()));
      assertThat(alive(child)).isTrue();
      assertThat(alive(fork)).isTrue();
    }
    TestEnvs.eventually(
        GONE_WITHIN, "the worker's child and fork end", () -> !alive(child) && !alive(fork));
    TestEnvs.eventually(
        GONE_WITHIN, "the worker's threads end", () -> venvmuxThreadsOf("spawn").isEmpty());
  }

  @Test
  void childrenOfAWorkerKilledForATimeoutEndWithIt() throws InterruptedException {
    EnvSpec.Builder spec = TestEnvs.spec().workers(1).callTimeout(Duration.ofSeconds(3));
    try (Pool pool = spawningPool(spec)) {
      long worker = pid(pool.call("spawn", "pid", Map.of()));
      List<Long> before =
          ProcessHandle.of(worker).orElseThrow().descendants().map(ProcessHandle::pid).toList();
      assertThatThrownBy(() -> pool.call("spawn", "start_then_nap", Map.of("seconds", 60)))
          .isInstanceOf(CallTimeoutException.class);
      TestEnvs.eventually(GONE_WITHIN, "the timed-out worker ends", () -> !alive(worker));
      // Everything below the old worker, listed now by parent: none may be left.
      TestEnvs.eventually(
          GONE_WITHIN,
          "no sleeper of the killed worker is left",
          () ->
              ProcessHandle.allProcesses()
                  .filter(p -> p.parent().map(pp -> pp.pid() == worker).orElse(false))
                  .findAny()
                  .isEmpty());
      assertThat(before).allMatch(p -> !alive(p));
      assertThat(pool.call("spawn", "pid", Map.of())).isNotEqualTo(worker);
    }
  }

  @Test
  void aHugeStderrLineWithoutNewlineNeitherKillsTheLogNorTheWorker() {
    try (Pool pool = spawningPool(TestEnvs.spec().workers(1))) {
      long worker = pid(pool.call("spawn", "pid", Map.of()));
      assertThat(pool.call("spawn", "flood_stderr", Map.of("megabytes", 200))).isEqualTo(200);
      assertThat(pool.call("spawn", "flood_stderr", Map.of("megabytes", 1))).isEqualTo(1);
      assertThat(pid(pool.call("spawn", "pid", Map.of()))).isEqualTo(worker);
      assertThat(venvmuxThreadsOf("spawn")).anyMatch(name -> name.endsWith("-stderr"));
    }
  }
}
