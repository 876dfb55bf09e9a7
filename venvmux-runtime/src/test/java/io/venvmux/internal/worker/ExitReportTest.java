package io.venvmux.internal.worker;

import static org.assertj.core.api.Assertions.assertThat;

import io.venvmux.CallException;
import io.venvmux.EnvStartException;
import io.venvmux.PoolClosedException;
import io.venvmux.WorkerCrashedException;
import java.time.Duration;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.DisabledOnOs;
import org.junit.jupiter.api.condition.OS;
import org.slf4j.event.Level;

/** The texts and log levels of {@link ExitReport}. */
class ExitReportTest {
  private static final String WORKER = "worker pid 42 of env 'v1'";

  private static ExitReport report(
      @Nullable Integer code,
      @Nullable String stopReason,
      @Nullable String killReason,
      int lostCalls,
      String... tail) {
    return new ExitReport(
        WORKER, "v1", "mod", code, stopReason, killReason, lostCalls, List.of(tail));
  }

  @Test
  void aWorkerStoppedOnPurposeLogsAtDebug() {
    for (String why :
        List.of("the pool was closed", "env 'v1' was stopped", "reloadEnv", "idle scale-down")) {
      ExitReport r = report(0, why, null, 0);
      assertThat(r.logLevel()).as(why).isEqualTo(Level.DEBUG);
      assertThat(r.logLine()).isEqualTo(WORKER + " stopped (" + why + ") with code 0");
    }
    // a stop that had to end in a kill, calls still running, is still the stop asked for
    assertThat(report(137, "the pool was closed", "the pool closed", 2).logLevel())
        .isEqualTo(Level.DEBUG);
  }

  @Test
  void aWorkerKilledOnPurposeLogsAtDebugOrAtInfoWhenTheKillCostCalls() {
    ExitReport idle = report(137, null, "the pool closed", 0);
    assertThat(idle.logLevel()).isEqualTo(Level.DEBUG);
    assertThat(idle.logLine()).isEqualTo(WORKER + " was killed (the pool closed) with code 137");

    ExitReport timeout = report(137, null, "fn 'nap' (call 3) timed out after PT1S", 2);
    assertThat(timeout.logLevel()).isEqualTo(Level.INFO);
    assertThat(timeout.logLine())
        .isEqualTo(
            WORKER
                + " was killed (fn 'nap' (call 3) timed out after PT1S) with code 137;"
                + " 2 call(s) were still running on it");
  }

  @Test
  void anExitNobodyAskedForIsAWarning() {
    assertThat(report(0, null, null, 0).logLevel()).isEqualTo(Level.WARN);
    assertThat(report(1, null, null, 1).logLevel()).isEqualTo(Level.WARN);
    assertThat(report(null, null, null, 0).logLevel()).isEqualTo(Level.WARN);
    assertThat(report(3, null, null, 1).logLine())
        .isEqualTo(WORKER + " exited with code 3; 1 call(s) were still running on it");
  }

  @Test
  @DisabledOnOs(OS.WINDOWS)
  void anExitCodeAbove128NamesItsSignal() {
    assertThat(ExitReport.signal(137)).isEqualTo(" (killed by signal 9, SIGKILL)");
    assertThat(ExitReport.signal(139)).isEqualTo(" (killed by signal 11, SIGSEGV)");
    assertThat(ExitReport.signal(143)).isEqualTo(" (killed by signal 15, SIGTERM)");
    assertThat(ExitReport.signal(140)).isEqualTo(" (killed by signal 12)");
    assertThat(report(134, null, null, 0).logLine())
        .isEqualTo(WORKER + " exited with code 134 (killed by signal 6, SIGABRT)");
  }

  @Test
  void otherExitCodesNameNoSignal() {
    assertThat(ExitReport.signal(null)).isEmpty();
    assertThat(ExitReport.signal(0)).isEmpty();
    assertThat(ExitReport.signal(3)).isEmpty();
    assertThat(ExitReport.signal(128)).isEmpty();
    assertThat(ExitReport.signal(255)).isEmpty();
  }

  @Test
  void aCallOfAStoppedWorkerEndsAsPoolClosed() {
    CallException e = report(0, "reloadEnv", null, 1).callFailure("nap");
    assertThat(e)
        .isInstanceOf(PoolClosedException.class)
        .hasMessage(WORKER + " was stopped (reloadEnv) before fn 'nap' finished");
  }

  @Test
  void aCallOfAKilledWorkerIsLostAndSaysWhy() {
    WorkerCrashedException e =
        (WorkerCrashedException)
            report(137, "reloadEnv", "fn 'nap' timed out", 2, "line 1", "line 2")
                .callFailure("add");
    assertThat(e)
        .hasMessageStartingWith(
            WORKER
                + " was killed because fn 'nap' timed out; fn 'add' was running on the same"
                + " worker and was lost. A replacement worker is started")
        .hasMessageEndingWith("Last stderr lines:\nline 1\nline 2");
    assertThat(e.exitCode()).isEqualTo(137);
    assertThat(e.lastStderr()).containsExactly("line 1", "line 2");
  }

  @Test
  void aCallOfACrashedWorkerGivesTheExitCodeAndStderr() {
    WorkerCrashedException e =
        (WorkerCrashedException) report(139, null, null, 1, "Segmentation fault").callFailure("f");
    assertThat(e)
        .hasMessageContaining(WORKER + " died with exit code 139")
        .hasMessageContaining("while running fn 'f'.")
        .hasMessageContaining("the call can be retried")
        .hasMessageEndingWith("Last stderr lines:\nSegmentation fault");
    assertThat(e.exitCode()).isEqualTo(139);

    WorkerCrashedException quiet =
        (WorkerCrashedException) report(1, null, null, 1).callFailure("f");
    assertThat(quiet).hasMessageNotContaining("Last stderr lines");
    assertThat(quiet.lastStderr()).isEmpty();
  }

  @Test
  void anExitBeforeTheHelloIsAStartFailureWithTheStderrTail() {
    EnvStartException e = report(2, null, null, 0, "no module for you").beforeHello();
    assertThat(e)
        .hasMessageStartingWith(
            "the worker for env 'v1' (module mod) exited with code 2 before saying hello;"
                + " its last stderr lines follow");
    assertThat(e.pythonTraceback()).isEqualTo("no module for you");
  }

  @Test
  void aSilentWorkerIsAStartFailureThatPointsAtTheStartTimeout() {
    EnvStartException e =
        ExitReport.noHelloWithin("v1", "mod", Duration.ofSeconds(5), List.of("importing..."));
    assertThat(e)
        .hasMessageContaining("did not say hello within PT5S")
        .hasMessageContaining("EnvSpec.startTimeout");
    assertThat(e.pythonTraceback()).isEqualTo("importing...");
  }
}
