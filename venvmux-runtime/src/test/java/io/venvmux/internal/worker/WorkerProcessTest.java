package io.venvmux.internal.worker;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.venvmux.EnvStartException;
import io.venvmux.ProtocolMismatchException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The start checks of {@link WorkerProcess}, with tiny stand-in processes instead of the worker. */
class WorkerProcessTest {
  static final String PYTHON = System.getProperty("venvmux.test.python", "python3");
  static final Path FIXTURES = Path.of("src/test/python").toAbsolutePath();

  private static WorkerProcess spawn(Duration startTimeout, String... args) {
    List<String> cmd = new java.util.ArrayList<>(List.of(PYTHON));
    cmd.addAll(List.of(args));
    return WorkerProcess.spawn(new WorkerLaunch("t", "mod", cmd, Map.of(), startTimeout), w -> {});
  }

  @Test
  void otherProtocolIsRefused() {
    WorkerProcess w = spawn(Duration.ofSeconds(30), FIXTURES.resolve("fake_worker_v99.py").toString());
    ProtocolMismatchException e = catchThrowableOfType(ProtocolMismatchException.class, w::awaitHello);
    assertThat(e).hasMessageContaining("99").hasMessageContaining("protocol 1");
    assertThat(w.exited()).isTrue();
  }

  @Test
  void exitBeforeHelloReportsExitCodeAndStderr() {
    EnvStartException e = startFailure(Duration.ofSeconds(30),
        "-c", "import sys; sys.stderr.write('no module for you\\n'); sys.exit(2)");
    assertThat(e).hasMessageContaining("code 2");
    assertThat(e.pythonTraceback()).contains("no module for you");
  }

  @Test
  void silentWorkerIsKilledAfterTheStartTimeout() {
    EnvStartException e = startFailure(Duration.ofMillis(500), "-c", "import time; time.sleep(60)");
    assertThat(e).hasMessageContaining("did not say hello");
  }

  /** Starts a stand-in that fails to start; checks it is gone, reaped, before the error surfaces. */
  private static EnvStartException startFailure(Duration startTimeout, String... args) {
    WorkerProcess w = spawn(startTimeout, args);
    EnvStartException e = catchThrowableOfType(EnvStartException.class, w::awaitHello);
    assertThat(w.exited()).isTrue();
    assertThat(ProcessHandle.of(w.pid()).map(ProcessHandle::isAlive).orElse(false)).isFalse();
    return e;
  }
}
