package io.venvmux.internal.env;

import io.venvmux.EnvBuildException;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs installer commands so nobody thinks they hung: each output line goes to DEBUG as it comes,
 * an INFO line says "still ..." every {@link #tick}, and a failure raises {@link EnvBuildException}
 * with the command and its last {@value #TAIL_LINES} lines of output. An interrupted or timed-out
 * command is killed with its child processes.
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
    ProcessBuilder pb = new ProcessBuilder(command.args()).directory(command.workDir().toFile());
    Map<String, String> env = pb.environment();
    command.unsetEnv().forEach(env::remove);
    env.putAll(command.setEnv());
    pb.redirectErrorStream(!captureStdout);
    pb.redirectInput(ProcessBuilder.Redirect.from(nullDevice()));
    Log.LOG.debug("{}: running {}", command.activity(), command.display());
    Process process;
    try {
      process = pb.start();
    } catch (IOException e) {
      throw failure(command, "could not be started (" + e.getMessage() + ")", List.of());
    }
    onStart.accept(process.toHandle());
    Tail tail = new Tail();
    StringBuilder stdout = new StringBuilder();
    List<Thread> pumps = new ArrayList<>();
    String prefix = shortName(command);
    if (captureStdout) {
      pumps.add(pump(process.getInputStream(), line -> stdout.append(line).append('\n')));
      pumps.add(pump(process.getErrorStream(), line -> tail.add(prefix, line)));
    } else {
      pumps.add(pump(process.getInputStream(), line -> tail.add(prefix, line)));
    }
    long start = System.nanoTime();
    try {
      while (!process.waitFor(tick.toMillis(), TimeUnit.MILLISECONDS)) {
        Duration running = Duration.ofNanos(System.nanoTime() - start);
        if (running.compareTo(command.timeout()) > 0) {
          kill(process);
          joinAll(pumps);
          throw failure(
              command,
              "did not finish within " + command.timeout().toSeconds() + " s and was killed",
              tail.lines());
        }
        Log.LOG.info("still {} ({} s)", command.activity(), running.toSeconds());
      }
      joinAll(pumps);
    } catch (InterruptedException e) {
      kill(process);
      Thread.currentThread().interrupt();
      throw failure(command, "was interrupted and killed", tail.lines());
    }
    int code = process.exitValue();
    if (code != 0) {
      String signal =
          code > 128 && code < 160 && !OsPlatform.current().isWindows()
              ? " (killed by signal " + (code - 128) + ")"
              : "";
      throw failure(command, "exited with code " + code + signal, tail.lines());
    }
    return stdout.toString();
  }

  private static EnvBuildException failure(Command command, String what, List<String> tail) {
    StringBuilder msg = new StringBuilder();
    msg.append(capitalize(command.activity()))
        .append(" failed: `")
        .append(command.display())
        .append("` ")
        .append(what)
        .append('.');
    if (!tail.isEmpty()) {
      msg.append("\nLast ").append(tail.size()).append(" lines of its output:");
      tail.forEach(l -> msg.append("\n  ").append(l));
    }
    return new EnvBuildException(msg.toString(), command.args(), tail);
  }

  private static String capitalize(String s) {
    return s.isEmpty() ? s : Character.toUpperCase(s.charAt(0)) + s.substring(1);
  }

  private static String shortName(Command command) {
    String program = command.args().get(0);
    int slash = Math.max(program.lastIndexOf('/'), program.lastIndexOf('\\'));
    return program.substring(slash + 1);
  }

  private static void kill(Process process) {
    process.descendants().forEach(ProcessHandle::destroyForcibly);
    process.destroyForcibly();
    try {
      process.waitFor(10, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  private static Thread pump(InputStream in, Consumer<String> sink) {
    Thread t =
        new Thread(
            () -> {
              try (BufferedReader r =
                  new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
                for (String line; (line = r.readLine()) != null; ) {
                  sink.accept(line);
                }
              } catch (IOException e) {
                // the process went away; what was read is kept
              }
            },
            "venvmux-installer-output");
    t.setDaemon(true);
    t.start();
    return t;
  }

  private static void joinAll(List<Thread> threads) throws InterruptedException {
    for (Thread t : threads) {
      t.join(5_000);
    }
  }

  private static java.io.File nullDevice() {
    return new java.io.File(OsPlatform.current().isWindows() ? "NUL" : "/dev/null");
  }

  /** The last lines of a process's output, each also logged at DEBUG as it arrives. */
  private static final class Tail {
    private final Deque<String> lines = new ArrayDeque<>();

    synchronized void add(String prefix, String line) {
      Log.LOG.debug("[{}] {}", prefix, line);
      if (lines.size() == TAIL_LINES) {
        lines.removeFirst();
      }
      lines.addLast(line);
    }

    synchronized List<String> lines() {
      return List.copyOf(lines);
    }
  }
}
