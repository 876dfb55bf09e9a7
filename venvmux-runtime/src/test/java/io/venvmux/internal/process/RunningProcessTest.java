package io.venvmux.internal.process;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Real short-lived processes: exit codes, tails, bounded output, timeouts, stop and kill. */
class RunningProcessTest {
  @TempDir Path dir;

  private static ProcessSpec python(String code) {
    return ProcessSpec.of(List.of("python3", "-c", code));
  }

  @Test
  void exitCodeStdoutAndStderrTailAreReported() {
    ProcessResult result =
        RunningProcess.start(
                python(
                    "import sys\nprint('out')\nfor i in range(40): print('err', i, file=sys.stderr)\n"
                        + "raise SystemExit(3)"))
            .finish(Duration.ofMinutes(1));
    assertThat(result.exitCode()).isEqualTo(3);
    assertThat(result.stdout()).isEqualTo("out\n");
    assertThat(result.outputTail())
        .hasSize(ProcessSpec.DEFAULT_TAIL_LINES)
        .startsWith("err 10")
        .endsWith("err 39");
    ProcessFailedException e =
        catchThrowableOfType(result::requireSuccess, ProcessFailedException.class);
    assertThat(e.kind()).isEqualTo(ProcessFailedException.Kind.EXITED);
    assertThat(e.exitCode()).isEqualTo(3);
    assertThat(e.timedOut()).isFalse();
    assertThat(e.command()).isEqualTo(result.command());
    assertThat(e.outputTail()).isEqualTo(result.outputTail());
    assertThat(e.getMessage())
        .startsWith("`python3 -c ")
        .contains("` exited with code 3.\nLast 30 lines of its output:\n  err 10\n")
        .endsWith("  err 39");
  }

  @Test
  void environmentWorkingFolderAndListenerAreApplied() throws IOException {
    List<String> heard = new CopyOnWriteArrayList<>();
    RunningProcess p =
        RunningProcess.start(
            python(
                    "import os\nprint(os.getcwd())\nprint(os.environ.get('VMX_SET'),"
                        + " os.environ.get('VMX_UNSET'))")
                .withEnv(Map.of("VMX_SET", "yes"))
                .withoutEnv(Set.of("VMX_UNSET"))
                .withWorkDir(dir)
                .withStdout(Output.lines((pid, line) -> heard.add(pid + " " + line))));
    p.finish(Duration.ofMinutes(1)).requireSuccess();
    assertThat(heard).containsExactly(p.pid() + " " + dir.toRealPath(), p.pid() + " yes None");
  }

  @Test
  void aHugeOutputWithoutNewlineIsBoundedInTheTail() {
    // 300 MB in one line: read line by line without a bound, this alone would fill the heap.
    ProcessResult result =
        RunningProcess.start(
                python(
                        "import sys\nchunk = 'x' * (1 << 20)\n"
                            + "for _ in range(300): sys.stderr.write(chunk)\n"
                            + "sys.stderr.write('\\nlast\\n')")
                    .withStdout(Output.discard()))
            .finish(Duration.ofMinutes(5))
            .requireSuccess();
    assertThat(result.outputTail()).hasSize(2).endsWith("last");
    assertThat(result.outputTail().get(0))
        .hasSizeLessThan(Output.MAX_LINE_BYTES + 100)
        .startsWith("xxxx")
        .endsWith(" [... " + (300L * (1 << 20) - Output.MAX_LINE_BYTES) + " more bytes]");
  }

  @Test
  void aCapturedStdoutBeyondItsCapFailsTheRun() {
    ProcessFailedException e =
        catchThrowableOfType(
            () ->
                RunningProcess.start(
                        python(
                            "import sys\nchunk = 'y' * (1 << 20)\n"
                                + "for _ in range(80): sys.stdout.write(chunk)"))
                    .finish(Duration.ofMinutes(5)),
            ProcessFailedException.class);
    assertThat(e.kind()).isEqualTo(ProcessFailedException.Kind.OUTPUT_TOO_LARGE);
    assertThat(e.getMessage()).contains("wrote more than " + Output.MAX_CAPTURED_BYTES + " bytes");
  }

  @Test
  void aTimeoutKillsTheWholeTree() throws InterruptedException {
    RunningProcess p =
        RunningProcess.start(
            ProcessSpec.of(List.of("sh", "-c", "echo started; sleep 60 & sleep 60; wait"))
                .withStdout(Output.lines()));
    // The grandchild: a kill of the shell alone would leave it running.
    while (p.handle().descendants().count() < 2) {
      Thread.sleep(10);
    }
    List<ProcessHandle> tree = p.handle().descendants().toList();
    ProcessFailedException e =
        catchThrowableOfType(() -> p.finish(Duration.ofMillis(500)), ProcessFailedException.class);
    assertThat(e.kind()).isEqualTo(ProcessFailedException.Kind.TIMED_OUT);
    assertThat(e.timedOut()).isTrue();
    assertThat(e.exitCode()).isNull();
    assertThat(e.getMessage()).contains("did not finish within 0 s and was killed");
    assertThat(e.outputTail()).containsExactly("started");
    assertThat(p.exitCode()).isNotNull();
    for (ProcessHandle h : tree) {
      assertThat(h.onExit()).succeedsWithin(Duration.ofSeconds(10));
    }
  }

  @Test
  void stopEscalatesToAKillWhenTerminateIsIgnored() throws IOException {
    RunningProcess p =
        RunningProcess.start(
            python(
                    "import signal, sys, time\nsignal.signal(signal.SIGTERM, signal.SIG_IGN)\n"
                        + "print('ready', flush=True)\ntime.sleep(60)")
                .withStdout(Output.pipe()));
    InputStream out = p.stdout();
    assertThat(new String(out.readNBytes(6), StandardCharsets.UTF_8)).isEqualTo("ready\n");
    assertThat(p.stop(Duration.ofMillis(100))).isTrue();
    assertThat(p.exitCode()).isEqualTo(137);
  }

  @Test
  void stopLetsAProcessThatWasAskedToFinishExitByItself() throws IOException {
    RunningProcess p =
        RunningProcess.start(
            python("import sys\nsys.stdin.read()\nprint('bye', file=sys.stderr)")
                .withStdinPipe()
                .withStdout(Output.discard()));
    p.stdin().close();
    assertThat(p.stop(Duration.ofMinutes(1))).isTrue();
    assertThat(p.exitCode()).isZero();
    assertThat(p.awaitDrained(Duration.ofSeconds(10))).isTrue();
    assertThat(p.tail()).containsExactly("bye");
  }

  @Test
  void reapKillsAProcessThatDoesNotExit() {
    RunningProcess p = RunningProcess.start(python("import time; time.sleep(60)"));
    assertThat(p.reap(Duration.ofMillis(100))).isEqualTo(137);
  }

  @Test
  void aMissingProgramIsNotStarted() {
    ProcessFailedException e =
        catchThrowableOfType(
            () -> RunningProcess.start(ProcessSpec.of(List.of(dir.resolve("nope").toString()))),
            ProcessFailedException.class);
    assertThat(e.kind()).isEqualTo(ProcessFailedException.Kind.NOT_STARTED);
    assertThat(e.getCause()).isInstanceOf(IOException.class);
    assertThat(e.getMessage()).contains("could not be started (");
  }

  @Test
  void aDrainThatDiesKillsItsProcessRatherThanLeaveItBlockedOnAFullPipe() {
    RunningProcess p =
        RunningProcess.start(
            python("import sys, time\nprint('first', file=sys.stderr, flush=True)\ntime.sleep(60)")
                .withStderr(
                    Output.lines(
                        (pid, line) -> {
                          throw new OutOfMemoryError("a listener that runs out of memory");
                        })));
    assertThat(p.waitFor(Duration.ofSeconds(20))).isTrue();
    assertThat(p.reap(Duration.ofSeconds(5))).isNotZero();
  }
}
