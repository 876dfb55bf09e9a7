package io.venvmux.internal.env;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.venvmux.EnvBuildException;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The installer runner against real processes: output tail, progress lines, timeouts, interrupts.
 */
class ProcessRunnerTest {
  @TempDir Path dir;

  private Command python(String code, Duration timeout) {
    return new Command(
        List.of("python3", "-c", code),
        Map.of("VMX_TEST", "1"),
        Set.of(),
        dir,
        "running a test script",
        timeout);
  }

  @Test
  void failureCarriesTheCommandAndTheLastThirtyLines() {
    Command c =
        python(
            "import os\nfor i in range(100): print('line', i, os.environ['VMX_TEST'])\nraise SystemExit(3)",
            Duration.ofMinutes(1));
    EnvBuildException e =
        (EnvBuildException)
            org.assertj.core.api.Assertions.catchThrowable(
                () -> new ProcessRunner(Duration.ofSeconds(5)).run(c));
    assertThat(e.outputTail())
        .hasSize(ProcessRunner.TAIL_LINES)
        .endsWith("line 99 1")
        .startsWith("line 70 1");
    assertThat(e.getMessage())
        .contains("Running a test script failed: `python3 -c")
        .contains("exited with code 3")
        .contains("line 99 1")
        .doesNotContain("line 69 ");
    assertThat(e.command()).isEqualTo(c.args());
  }

  @Test
  void outputIsReturnedAndSlowCommandsSayTheyAreStillRunning() {
    PrintStream original = System.err;
    ByteArrayOutputStream captured = new ByteArrayOutputStream();
    System.setErr(new PrintStream(captured, true, StandardCharsets.UTF_8));
    String out;
    try {
      out =
          new ProcessRunner(Duration.ofMillis(200))
              .output(
                  python(
                      "import time, sys\ntime.sleep(1.2)\nprint('done')", Duration.ofMinutes(1)));
    } finally {
      System.setErr(original);
    }
    assertThat(out).isEqualTo("done\n");
    assertThat(captured.toString(StandardCharsets.UTF_8)).contains("still running a test script (");
  }

  @Test
  void timeoutKillsTheProcess() {
    long t0 = System.nanoTime();
    assertThatThrownBy(
            () ->
                new ProcessRunner(Duration.ofMillis(100))
                    .run(python("import time; time.sleep(60)", Duration.ofMillis(800))))
        .isInstanceOf(EnvBuildException.class)
        .hasMessageContaining("did not finish within");
    assertThat(Duration.ofNanos(System.nanoTime() - t0)).isLessThan(Duration.ofSeconds(30));
    assertThat(
            ProcessHandle.current()
                .children()
                .filter(
                    p ->
                        p.info()
                            .arguments()
                            .map(a -> List.of(a).contains("import time; time.sleep(60)"))
                            .orElse(false)))
        .isEmpty();
  }

  @Test
  void interruptKillsTheProcessAndKeepsTheFlag() throws Exception {
    AtomicReference<Boolean> flag = new AtomicReference<>();
    AtomicReference<Thread> worker = new AtomicReference<>();
    CompletableFuture<Throwable> result =
        CompletableFuture.supplyAsync(
            () -> {
              worker.set(Thread.currentThread());
              try {
                new ProcessRunner(Duration.ofSeconds(5))
                    .run(python("import time; time.sleep(60)", Duration.ofMinutes(5)));
                return null;
              } catch (EnvBuildException e) {
                flag.set(Thread.interrupted());
                return e;
              }
            });
    while (ProcessHandle.current()
        .children()
        .noneMatch(
            p ->
                p.info()
                    .arguments()
                    .map(a -> List.of(a).contains("import time; time.sleep(60)"))
                    .orElse(false))) {
      Thread.sleep(10);
    }
    worker.get().interrupt();
    assertThat(result.get(30, TimeUnit.SECONDS)).hasMessageContaining("was interrupted and killed");
    assertThat(flag.get()).isTrue();
  }

  @Test
  void missingProgramIsAClearError() {
    Command c =
        new Command(
            List.of(dir.resolve("no-such-uv").toString(), "venv"),
            Map.of(),
            Set.of(),
            dir,
            "creating the venv",
            Duration.ofSeconds(5));
    assertThatThrownBy(() -> new ProcessRunner(Duration.ofSeconds(5)).run(c))
        .isInstanceOf(EnvBuildException.class)
        .hasMessageContaining("could not be started");
  }
}
