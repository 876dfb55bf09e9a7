package io.venvmux.internal.worker;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.venvmux.EnvStartException;
import io.venvmux.PoolClosedException;
import io.venvmux.ProtocolMismatchException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * The start checks of {@link WorkerProcess}, with tiny stand-in processes instead of the worker.
 */
class WorkerProcessTest {
  static final String PYTHON = System.getProperty("venvmux.test.python", "python3");
  static final Path FIXTURES = Path.of("src/test/python").toAbsolutePath();

  private static WorkerProcess spawn(Duration startTimeout, String... args) {
    List<String> cmd = new java.util.ArrayList<>(List.of(PYTHON));
    cmd.addAll(List.of(args));
    return WorkerProcess.spawn(new WorkerLaunch("t", "mod", cmd, Map.of(), startTimeout), w -> {});
  }

  /** A stand-in worker that says hello, then runs {@code python} (statements after a {@code ;}). */
  private static WorkerProcess helloThen(String python) {
    String hello = "{\\\"type\\\":\\\"hello\\\",\\\"protocol\\\":1,\\\"functions\\\":{}}";
    return spawn(
        Duration.ofSeconds(30),
        "-c",
        "import sys, time; sys.stdout.write(\"" + hello + "\\n\"); sys.stdout.flush(); " + python);
  }

  @Test
  void otherProtocolIsRefused() {
    WorkerProcess w =
        spawn(Duration.ofSeconds(30), FIXTURES.resolve("fake_worker_v99.py").toString());
    ProtocolMismatchException e =
        catchThrowableOfType(ProtocolMismatchException.class, w::awaitHello);
    assertThat(e).hasMessageContaining("99").hasMessageContaining("protocol 1");
    assertThat(w.exited()).isTrue();
  }

  @Test
  void exitBeforeHelloReportsExitCodeAndStderr() {
    EnvStartException e =
        startFailure(
            Duration.ofSeconds(30),
            "-c",
            "import sys; sys.stderr.write('no module for you\\n'); sys.exit(2)");
    assertThat(e).hasMessageContaining("code 2");
    assertThat(e.pythonTraceback()).contains("no module for you");
  }

  @Test
  void silentWorkerIsKilledAfterTheStartTimeout() {
    EnvStartException e = startFailure(Duration.ofMillis(500), "-c", "import time; time.sleep(60)");
    assertThat(e).hasMessageContaining("did not say hello");
  }

  @Test
  @Timeout(value = 30, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
  void stopEndsAWorkerThatNoLongerReadsEvenWithAWriteBlockedOnTheFullPipe() throws Exception {
    WorkerProcess w = helloThen("time.sleep(600)");
    w.awaitHello();
    byte[] line =
        ("{\"id\":1,\"fn\":\"f\",\"args\":[\"" + "x".repeat(4 << 20) + "\"]}\n").getBytes();
    RecordingCall call = new RecordingCall(1, true, line);
    Thread writer = new Thread(() -> w.send(call));
    writer.start();
    Thread.sleep(300); // let the write fill the pipe and block
    w.stop(Duration.ofMillis(500), "test");
    writer.join(10_000);
    assertThat(writer.isAlive()).isFalse();
    assertThat(w.exited()).isTrue();
    assertThat(call.outcome.get(10, TimeUnit.SECONDS)).isInstanceOf(PoolClosedException.class);
  }

  @Test
  @Timeout(value = 60, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
  void aSendAfterStdinWasClosedIsRefusedSoTheCallCanMoveToAnotherWorker() throws Exception {
    // A worker busy finishing in-flight calls: it saw stdin's end but has not exited yet.
    WorkerProcess w =
        helloThen(
            "sys.stdin.read(); sys.stderr.write('saw eof\\n'); sys.stderr.flush(); time.sleep(600)");
    w.awaitHello();
    Thread stopper = new Thread(() -> w.stop(Duration.ofSeconds(30), "reloadEnv"));
    stopper.start();
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
    while (!w.stderrTail().contains("saw eof") && System.nanoTime() < deadline) {
      Thread.sleep(20);
    }
    assertThat(w.stderrTail()).contains("saw eof");
    RecordingCall call = new RecordingCall(1, true, "{\"id\":1,\"fn\":\"f\"}\n".getBytes());

    assertThat(w.send(call)).isFalse();

    w.kill("test over");
    stopper.join(20_000);
    assertThat(w.exited()).isTrue();
    assertThat(call.outcome).isNotDone(); // untouched: the dispatcher requeues it
  }

  /**
   * Starts a stand-in that fails to start; checks it is gone, reaped, before the error surfaces.
   */
  private static EnvStartException startFailure(Duration startTimeout, String... args) {
    WorkerProcess w = spawn(startTimeout, args);
    EnvStartException e = catchThrowableOfType(EnvStartException.class, w::awaitHello);
    assertThat(w.exited()).isTrue();
    assertThat(ProcessHandle.of(w.pid()).map(ProcessHandle::isAlive).orElse(false)).isFalse();
    return e;
  }
}
