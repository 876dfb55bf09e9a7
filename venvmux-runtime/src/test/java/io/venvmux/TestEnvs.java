package io.venvmux;

import io.venvmux.internal.dispatch.EnvHandle;
import io.venvmux.internal.worker.WorkerProcess;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.function.BooleanSupplier;
import java.util.stream.Collectors;

/**
 * Shared set-up of the runtime tests: real workers on the test interpreter, fixtures on the path.
 */
final class TestEnvs {
  static final Path FIXTURES = Path.of("src/test/python").toAbsolutePath();

  private TestEnvs() {}

  static String python() {
    return System.getProperty("venvmux.test.python", "python3");
  }

  static Path home() {
    return Path.of(System.getProperty("venvmux.test.home", "target/venvmux-home")).toAbsolutePath();
  }

  /** A spec running the test interpreter with the fixture modules importable. */
  static EnvSpec.Builder spec() {
    return EnvSpec.builder().python(python()).workerPaths(FIXTURES);
  }

  static Pool.Builder pool() {
    return Pool.builder().home(home());
  }

  /** A pool with one env "e" serving the fixture module. */
  static Pool fixturePool(EnvSpec spec) {
    return pool().env("e", spec, "vmx_fixture").build();
  }

  /** An env's handle, its workers started. */
  static VenvHandle started(Pool pool, String env) {
    VenvHandle h = pool.venv(env);
    h.functions();
    return h;
  }

  /** The pids of an env's live workers. */
  static List<Long> workerPids(VenvHandle h) {
    return ((EnvHandle) h)
        .dispatcher().workers().stream().map(WorkerProcess::pid).collect(Collectors.toList());
  }

  /** Calls of an env waiting for a free worker slot. */
  static int queuedCalls(VenvHandle h) {
    return ((EnvHandle) h).dispatcher().queuedCalls();
  }

  /** Waits (generously) until the condition holds; fails with {@code what} otherwise. */
  static void eventually(Duration max, String what, BooleanSupplier condition)
      throws InterruptedException {
    long deadline = System.nanoTime() + max.toNanos();
    while (!condition.getAsBoolean()) {
      if (System.nanoTime() > deadline) {
        throw new AssertionError("timed out waiting until " + what);
      }
      Thread.sleep(50);
    }
  }

  /** Number of processes this JVM started that are still alive. */
  static long liveDescendants() {
    return ProcessHandle.current().descendants().filter(ProcessHandle::isAlive).count();
  }
}
