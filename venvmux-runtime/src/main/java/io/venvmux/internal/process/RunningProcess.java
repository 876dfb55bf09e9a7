package io.venvmux.internal.process;

import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import org.jspecify.annotations.Nullable;

/**
 * A started child process whose output is being drained (see {@link Output}). Either run it to its
 * end with {@link #finish}, or keep it running and end it with {@link #stop}, {@link #kill} and
 * {@link #reap}. Safe to use from several threads.
 */
public final class RunningProcess {
  static final boolean WINDOWS =
      System.getProperty("os.name", "").toLowerCase(Locale.ROOT).startsWith("windows");

  /** How long {@link #stop} gives a terminated process before it kills it. */
  static final Duration TERMINATE_WAIT = Duration.ofSeconds(2);

  /** How long a killed process may take to be reaped, and its streams to be read to their end. */
  static final Duration REAP_WAIT = Duration.ofSeconds(5);

  private final ProcessSpec spec;
  private final Process process;
  private final OutputTail tail;
  private final List<Drain> drains = new ArrayList<>();
  private final @Nullable Drain capture;

  private RunningProcess(ProcessSpec spec, Process process) {
    this.spec = spec;
    this.process = process;
    this.tail = new OutputTail(spec.tailLines());
    String name = spec.threadName() + "-" + process.pid();
    Drain captured = null;
    switch (spec.stdout().mode()) {
      case LINES -> drains.add(lines(process.getInputStream(), spec.stdout(), name + "-stdout"));
      case CAPTURE -> {
        captured = Drain.capture(process.getInputStream(), name + "-stdout", this::kill);
        drains.add(captured);
      }
      default -> {}
    }
    if (spec.stderr().mode() == Output.Mode.LINES) {
      drains.add(lines(process.getErrorStream(), spec.stderr(), name + "-stderr"));
    }
    this.capture = captured;
  }

  private Drain lines(InputStream in, Output output, String threadName) {
    return Drain.lines(in, tail, output.listener(), process.pid(), threadName, this::kill);
  }

  /**
   * Starts the process and the threads that drain its output; returns at once.
   *
   * @throws ProcessFailedException of kind {@code NOT_STARTED} when the program cannot be started
   */
  public static RunningProcess start(ProcessSpec spec) {
    ProcessBuilder pb = new ProcessBuilder(spec.command());
    Path workDir = spec.workDir();
    if (workDir != null) {
      pb.directory(workDir.toFile());
    }
    Map<String, String> env = pb.environment();
    spec.unsetEnv().forEach(env::remove);
    env.putAll(spec.setEnv());
    pb.redirectInput(
        spec.stdinPiped()
            ? ProcessBuilder.Redirect.PIPE
            : ProcessBuilder.Redirect.from(new File(WINDOWS ? "NUL" : "/dev/null")));
    pb.redirectOutput(redirect(spec.stdout()));
    if (spec.stderr().mode() == Output.Mode.INTO_STDOUT) {
      pb.redirectErrorStream(true);
    } else {
      pb.redirectError(redirect(spec.stderr()));
    }
    try {
      return new RunningProcess(spec, pb.start());
    } catch (IOException e) {
      throw new ProcessFailedException(
          ProcessFailedException.Kind.NOT_STARTED,
          "could not be started (" + e.getMessage() + ")",
          spec.command(),
          null,
          List.of(),
          e);
    }
  }

  private static ProcessBuilder.Redirect redirect(Output output) {
    return switch (output.mode()) {
      case INHERIT -> ProcessBuilder.Redirect.INHERIT;
      case DISCARD -> ProcessBuilder.Redirect.DISCARD;
      default -> ProcessBuilder.Redirect.PIPE;
    };
  }

  /** The process id. */
  public long pid() {
    return process.pid();
  }

  /** The process's handle, to record it or watch it from elsewhere. */
  public ProcessHandle handle() {
    return process.toHandle();
  }

  /** The program and its arguments. */
  public List<String> command() {
    return spec.command();
  }

  /**
   * The stdin pipe; closing it is the usual way to ask a child to finish.
   *
   * @throws IllegalStateException unless the spec asked for {@link ProcessSpec#withStdinPipe()}
   */
  public OutputStream stdin() {
    if (!spec.stdinPiped()) {
      throw new IllegalStateException("stdin of " + spec.display() + " is not a pipe");
    }
    return process.getOutputStream();
  }

  /**
   * The stdout pipe, for the caller to read.
   *
   * @throws IllegalStateException unless stdout is {@link Output#pipe()}
   */
  public InputStream stdout() {
    if (spec.stdout().mode() != Output.Mode.PIPE) {
      throw new IllegalStateException("stdout of " + spec.display() + " is not left to the caller");
    }
    return process.getInputStream();
  }

  /** The last lines of the streams read by lines so far, oldest first. */
  public List<String> tail() {
    return tail.lines();
  }

  /** The exit code once it exited, else null. */
  public @Nullable Integer exitCode() {
    return process.isAlive() ? null : process.exitValue();
  }

  /**
   * Waits until it exits, at most {@code timeout}; true once it exited. An interrupt ends the wait
   * early, keeping the thread's interrupt flag.
   */
  public boolean waitFor(Duration timeout) {
    try {
      return process.waitFor(timeout.toNanos(), TimeUnit.NANOSECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return !process.isAlive();
    }
  }

  /** Waits for it to exit and its drained streams to be read to their end; see the other form. */
  public ProcessResult finish(Duration timeout) {
    return finish(timeout, timeout, running -> {});
  }

  /**
   * Waits for it to exit and its drained streams to be read to their end; a non-zero exit code is
   * returned, not thrown (see {@link ProcessResult#requireSuccess()}).
   *
   * @param timeout how long it may run, counted from this call; then it is killed with its
   *     descendants
   * @param tick how often {@code stillRunning} hears how long it has been running
   * @throws ProcessFailedException of kind {@code TIMED_OUT}; {@code INTERRUPTED} (it was killed,
   *     the interrupt flag is kept); {@code OUTPUT_TOO_LARGE}
   */
  public ProcessResult finish(Duration timeout, Duration tick, Consumer<Duration> stillRunning) {
    long start = System.nanoTime();
    long deadline = start + timeout.toNanos();
    try {
      while (!process.waitFor(
          Math.min(tick.toNanos(), deadline - System.nanoTime()), TimeUnit.NANOSECONDS)) {
        long now = System.nanoTime();
        if (now - deadline >= 0) {
          killAndReap();
          throw failure(
              ProcessFailedException.Kind.TIMED_OUT,
              "did not finish within " + timeout.toSeconds() + " s and was killed",
              null);
        }
        stillRunning.accept(Duration.ofNanos(now - start));
      }
      joinDrains(System.nanoTime() + REAP_WAIT.toNanos());
    } catch (InterruptedException e) {
      killAndReap();
      Thread.currentThread().interrupt();
      throw failure(ProcessFailedException.Kind.INTERRUPTED, "was interrupted and killed", null);
    }
    int code = process.exitValue();
    Drain captured = capture;
    if (captured != null && captured.overflowed()) {
      throw failure(
          ProcessFailedException.Kind.OUTPUT_TOO_LARGE,
          "wrote more than " + Output.MAX_CAPTURED_BYTES + " bytes to stdout",
          code);
    }
    return new ProcessResult(
        spec.command(), code, captured == null ? "" : captured.text(), tail.lines());
  }

  private ProcessFailedException failure(
      ProcessFailedException.Kind kind, String reason, @Nullable Integer code) {
    return new ProcessFailedException(kind, reason, spec.command(), code, tail.lines(), null);
  }

  /** Kills it with its descendants and waits a little for it to go and its output to end. */
  private void killAndReap() {
    kill();
    long deadline = System.nanoTime() + REAP_WAIT.toNanos();
    try {
      process.waitFor(REAP_WAIT.toNanos(), TimeUnit.NANOSECONDS);
      joinDrains(deadline);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  private boolean joinDrains(long deadline) throws InterruptedException {
    boolean all = true;
    for (Drain d : drains) {
      all &= d.join(deadline);
    }
    return all;
  }

  /**
   * Waits at most {@code timeout} for the drained streams to be read to their end (after the
   * process exited, so its last lines are in {@link #tail()}); true when they were.
   */
  public boolean awaitDrained(Duration timeout) {
    try {
      return joinDrains(System.nanoTime() + timeout.toNanos());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return false;
    }
  }

  /** Kills it and its descendants at once, without waiting; see {@link #reap}. */
  public void kill() {
    ProcessTree.kill(process.toHandle());
  }

  /**
   * Ends it, the caller having asked it to finish (closed its stdin, say): waits up to {@code
   * grace} for it to exit, then terminates it (SIGTERM), then after 2 s kills it; a process that
   * had to be terminated loses its descendants too. An interrupt skips to the kill and keeps the
   * flag. Returns whether it exited (false only when even a kill did not end it in time).
   */
  public boolean stop(Duration grace) {
    if (waitFor(grace)) {
      return true;
    }
    List<ProcessHandle> below = process.descendants().toList();
    process.destroy();
    boolean exited = waitFor(TERMINATE_WAIT);
    if (!exited) {
      kill();
      exited = waitFor(REAP_WAIT);
    }
    below.forEach(ProcessTree::kill);
    return exited;
  }

  /**
   * Waits up to {@code wait} for it to exit; one that lives on (it closed its output but hangs) is
   * killed with its descendants and waited for. Returns the exit code, or null when interrupted (it
   * is killed then, and the interrupt flag kept).
   */
  public @Nullable Integer reap(Duration wait) {
    try {
      if (!process.waitFor(wait.toNanos(), TimeUnit.NANOSECONDS)) {
        kill();
        process.waitFor();
      }
      return process.exitValue();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      kill();
      return null;
    }
  }

  @Override
  public String toString() {
    return "pid " + pid() + ": " + spec.display();
  }
}
