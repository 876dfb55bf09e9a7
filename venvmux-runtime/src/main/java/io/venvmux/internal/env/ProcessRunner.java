package io.venvmux.internal.env;

import io.venvmux.EnvBuildException;
import io.venvmux.internal.process.Output;
import io.venvmux.internal.process.ProcessFailedException;
import io.venvmux.internal.process.ProcessSpec;
import io.venvmux.internal.process.RunningProcess;
import java.time.Duration;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs installer commands so nobody thinks they hung: each output line goes to DEBUG as it comes,
 * an INFO line says "still ..." every {@link #tick}, and a failure raises {@link EnvBuildException}
 * with the command and its last {@value #TAIL_LINES} lines of output. An interrupted or timed-out
 * command is killed with its child processes. Starting, draining and killing are {@link
 * RunningProcess}'s job.
 */
final class ProcessRunner {
  static final int TAIL_LINES = 30;

  /** Looked up on first use: a pool starts its workers while logging still initializes. */
  private static final class Log {
    static final Logger LOG = LoggerFactory.getLogger(ProcessRunner.class);
  }

  private final Duration tick;
  private final Consumer<ProcessHandle> onStart;

  ProcessRunner(Duration tick) {
    this(tick, p -> {});
  }

  private ProcessRunner(Duration tick, Consumer<ProcessHandle> onStart) {
    this.tick = tick;
    this.onStart = onStart;
  }

  /** The same runner, also telling {@code onStart} about every process it starts. */
  ProcessRunner reportingStarts(Consumer<ProcessHandle> onStart) {
    return new ProcessRunner(tick, onStart);
  }

  /** Runs the command, its stdout and stderr merged into the log. */
  void run(Command command) {
    execute(command, false);
  }

  /** Runs the command and returns its stdout; stderr goes to the log. */
  String output(Command command) {
    return execute(command, true);
  }

  private String execute(Command command, boolean captureStdout) {
    String prefix = shortName(command);
    Output logged = Output.lines((pid, line) -> Log.LOG.debug("[{}] {}", prefix, line));
    ProcessSpec spec =
        ProcessSpec.of(command.args())
            .withWorkDir(command.workDir())
            .withoutEnv(command.unsetEnv())
            .withEnv(command.setEnv())
            .withStdout(captureStdout ? Output.capture() : logged)
            .withStderr(captureStdout ? logged : Output.intoStdout())
            .tailLines(TAIL_LINES)
            .threadName("venvmux-installer");
    Log.LOG.debug("{}: running {}", command.activity(), command.display());
    try {
      RunningProcess process = RunningProcess.start(spec);
      onStart.accept(process.handle());
      return process
          .finish(
              command.timeout(),
              tick,
              running -> Log.LOG.info("still {} ({} s)", command.activity(), running.toSeconds()))
          .requireSuccess()
          .stdout();
    } catch (ProcessFailedException e) {
      throw new EnvBuildException(
          capitalize(command.activity()) + " failed: " + e.getMessage(),
          command.args(),
          e.outputTail());
    }
  }

  private static String capitalize(String s) {
    return s.isEmpty() ? s : Character.toUpperCase(s.charAt(0)) + s.substring(1);
  }

  private static String shortName(Command command) {
    String program = command.args().get(0);
    int slash = Math.max(program.lastIndexOf('/'), program.lastIndexOf('\\'));
    return program.substring(slash + 1);
  }
}
