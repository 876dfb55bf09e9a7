package io.venvmux.internal.worker;

import io.venvmux.CallException;
import io.venvmux.EnvStartException;
import io.venvmux.PoolClosedException;
import io.venvmux.ProtocolMismatchException;
import io.venvmux.WorkerCrashedException;
import io.venvmux.internal.VenvMuxThreads;
import io.venvmux.internal.codec.SpillFolder;
import io.venvmux.internal.process.Output;
import io.venvmux.internal.process.ProcessFailedException;
import io.venvmux.internal.process.ProcessSpec;
import io.venvmux.internal.process.ProcessTree;
import io.venvmux.internal.process.RunningProcess;
import io.venvmux.internal.wire.Hello;
import io.venvmux.internal.wire.HelloReader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Consumer;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One Python worker process speaking protocol v1 over its stdin/stdout.
 *
 * <p>A reader thread hands each line to the wire's readers (the first to {@link HelloReader}, the
 * rest through {@link PendingCalls}, which ends the call a reply names); a second thread forwards
 * stderr to the log. Writes are serialized, one flush per request. When the process exits for any
 * reason the reader reaps it, fails what was still pending with an exception that says why, and
 * tells the exit listener.
 */
public final class WorkerProcess {
  private static final Logger LOG = LoggerFactory.getLogger(WorkerProcess.class);
  private static final Logger WORKER_LOG = LoggerFactory.getLogger("io.venvmux.worker");
  private static final Duration REAP_WAIT = Duration.ofSeconds(5);
  static final int STDERR_TAIL_LINES = 50;

  /** The hello feature of a worker that reads batch frames. */
  public static final String BATCH = "batch";

  private final WorkerLaunch launch;
  private final RunningProcess process;
  private final StdinWriter stdin;
  private final PendingCalls pending;
  private final Thread readerThread;
  private final CompletableFuture<Hello> hello = new CompletableFuture<>();
  private final CompletableFuture<Integer> exit = new CompletableFuture<>();
  private final Consumer<WorkerProcess> onExit;
  private volatile @Nullable String stopReason;
  private volatile @Nullable String killReason;
  private volatile boolean exited;
  private volatile boolean everSent;
  private volatile long helloNanos;
  private volatile @Nullable Integer exitCode;
  private volatile @Nullable ExitReport exitReport;

  private WorkerProcess(
      WorkerLaunch launch, RunningProcess process, Consumer<WorkerProcess> onExit) {
    this.launch = launch;
    this.process = process;
    this.onExit = onExit;
    this.stdin = new StdinWriter(process.stdin());
    Path spill = launch.spillDir();
    this.pending =
        new PendingCalls(
            toString(),
            launch.env(),
            launch.module(),
            spill == null ? null : new SpillFolder(spill));
    this.readerThread =
        VenvMuxThreads.newDaemon(
            this::readLoop, "venvmux-" + launch.env() + "-" + process.pid() + "-stdout");
  }

  /**
   * Starts the process; returns at once. Call {@link #awaitHello()} next.
   *
   * @param onExit told once, from the reader thread, after the process exited and its pending calls
   *     were failed
   * @throws EnvStartException when the process cannot be started at all
   */
  public static WorkerProcess spawn(WorkerLaunch launch, Consumer<WorkerProcess> onExit) {
    RunningProcess p;
    try {
      p = RunningProcess.start(stderrToLog(launch));
    } catch (ProcessFailedException e) {
      throw new EnvStartException(
          "cannot start a worker for env '"
              + launch.env()
              + "' with "
              + launch.command()
              + ": "
              + e.reason(),
          "",
          e);
    }
    WorkerProcess w = new WorkerProcess(launch, p, onExit);
    w.readerThread.start();
    return w;
  }

  /**
   * stdin and stdout are the protocol's pipes; stderr goes to the {@code io.venvmux.worker} logger
   * with env and pid, at the level Python logged each line at, and its last lines are kept for
   * crash reports (each line and the tail bounded: a module that writes hundreds of MB without a
   * newline cannot stop the log).
   */
  private static ProcessSpec stderrToLog(WorkerLaunch launch) {
    StderrLevels levels = new StderrLevels();
    String env = launch.env();
    return ProcessSpec.of(launch.command())
        .withEnv(launch.environment())
        .withStdinPipe()
        .withStdout(Output.pipe())
        .withStderr(
            Output.lines(
                (pid, line) ->
                    WORKER_LOG.atLevel(levels.levelOf(line)).log("[{} pid {}] {}", env, pid, line)))
        .tailLines(STDERR_TAIL_LINES)
        .threadName("venvmux-" + env);
  }

  /**
   * Waits for the hello (at most the launch's start timeout) and checks its protocol.
   *
   * @throws EnvStartException the module failed to import (with its traceback), the process exited
   *     first (with its stderr tail), or it said nothing in time
   * @throws ProtocolMismatchException the worker speaks another protocol
   */
  public Hello awaitHello() {
    try {
      return hello.get(launch.startTimeout().toNanos(), TimeUnit.NANOSECONDS);
    } catch (TimeoutException e) {
      kill("it did not say hello within " + launch.startTimeout());
      awaitExit(REAP_WAIT);
      throw ExitReport.noHelloWithin(
          launch.env(), launch.module(), launch.startTimeout(), process.tail());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      kill("the thread starting it was interrupted");
      throw new EnvStartException(
          "interrupted while starting a worker for env '" + launch.env() + "'", "");
    } catch (ExecutionException e) {
      // A failed import exits by itself (code 3); anything else gets stdin closed, then is killed.
      stdin.close(Duration.ofSeconds(1));
      if (!awaitExit(Duration.ofSeconds(2))) {
        process.kill();
        awaitExit(REAP_WAIT);
      }
      throw (CallException) e.getCause();
    }
  }

  /** The hello, once received. */
  public Hello hello() {
    return hello.getNow(null);
  }

  /** The process id. */
  public long pid() {
    return process.pid();
  }

  /** The env this worker serves. */
  public String env() {
    return launch.env();
  }

  /** Whether the process exited and was reaped. */
  public boolean exited() {
    return exited;
  }

  /**
   * True when the worker exited on its own soon after its hello, before it was sent any call: it is
   * failing to start (a crash in a thread its module started, say), and replacing it at once would
   * loop.
   */
  public boolean diedStarting(Duration within) {
    return exited
        && killReason == null
        && stopReason == null
        && !everSent
        && helloNanos != 0
        && System.nanoTime() - helloNanos < within.toNanos();
  }

  /** The exit code once reaped, else null. */
  public @Nullable Integer exitCode() {
    return exitCode;
  }

  /** The last lines of the worker's stderr. */
  public List<String> stderrTail() {
    return process.tail();
  }

  /**
   * Sends a call. Returns false, without touching the call, when the worker had already exited or
   * its stdin was closed (it is stopping); if the worker dies after this, the call fails with
   * {@link WorkerCrashedException}.
   */
  public boolean send(PendingCall call) {
    return sendAll(List.of(call)).isEmpty();
  }

  /**
   * Sends calls as one frame: one write, and for a worker that names the {@value #BATCH} feature a
   * header that tells it how many request lines follow (it then answers them with one write too).
   * Returns the calls it did not send, untouched, when the worker had already exited or its stdin
   * was closed (it is stopping); if the worker dies after this, each sent call fails with {@link
   * WorkerCrashedException} (or goes elsewhere if it never started).
   */
  public List<PendingCall> sendAll(List<? extends PendingCall> calls) {
    List<PendingCall> live = new ArrayList<>(calls.size());
    for (PendingCall call : calls) {
      pending.add(call);
      if (call.isDone()) {
        pending.take(call.id());
      } else {
        live.add(call);
      }
    }
    if (live.isEmpty()) {
      return List.of();
    }
    if (exited) {
      return takeBack(live);
    }
    try {
      if (!stdin.write(frame(live))) {
        // Stopping (reload, scale-down): it will take no more calls, so the calls go elsewhere.
        return takeBack(live);
      }
      if (!everSent) {
        everSent = true; // written once: no volatile write per call
      }
    } catch (IOException e) {
      // The pipe broke: the process is dying; the reader will reap it and fail the calls.
      LOG.debug("write to {} failed: {}", this, e.toString());
      ExitReport report = exitReport;
      if (report != null) {
        for (PendingCall call : live) {
          if (pending.take(call.id()) != null) {
            call.fail(report.callFailure(call.fn()));
          }
        }
      }
    }
    return List.of();
  }

  /** The lines of one frame: a batch header first when there are several and the worker can. */
  private List<byte[]> frame(List<PendingCall> calls) {
    int n = calls.size();
    boolean header = n > 1 && batches();
    List<byte[]> lines = new ArrayList<>(n + 1);
    if (header) {
      lines.add(("{\"batch\":" + n + "}\n").getBytes(StandardCharsets.US_ASCII));
    }
    for (PendingCall call : calls) {
      lines.add(call.line());
    }
    return lines;
  }

  private boolean batches() {
    Hello h = hello();
    return h != null && h.supports(BATCH);
  }

  /** The calls still held are taken back unsent; those failed meanwhile (by the exit) are not. */
  private List<PendingCall> takeBack(List<PendingCall> calls) {
    List<PendingCall> back = new ArrayList<>();
    for (PendingCall call : calls) {
      if (pending.take(call.id()) != null) {
        back.add(call);
      }
    }
    return back;
  }

  /**
   * Writes a control line (a stream's credit or cancel); dropped when stdin is closed or broken:
   * the worker is stopping, and ends its streams itself.
   */
  public void sendControl(byte[] line) {
    try {
      stdin.write(line);
    } catch (IOException e) {
      LOG.debug("control write to {} failed: {}", this, e.toString());
    }
  }

  /** Forgets a call that ended on the Java side (timeout, error); its reply will be dropped. */
  public void forget(PendingCall call) {
    pending.forget(call);
  }

  /**
   * Kills the process and the processes it started at once; its pending calls fail with a message
   * that gives the reason.
   */
  public void kill(String reason) {
    if (killReason == null) {
      killReason = reason;
    }
    process.kill();
  }

  /**
   * Stops the worker gracefully and waits until it is reaped: closes stdin so it finishes its
   * in-flight calls and exits, then after {@code grace} terminates it, then kills it. Calls still
   * pending at the end fail with {@link PoolClosedException} naming {@code reason}.
   */
  public void stop(Duration grace, String reason) {
    if (stopReason == null) {
      stopReason = reason;
    }
    long deadline = System.nanoTime() + grace.toNanos();
    // Listed while the worker lives: once it exits, what it started no longer counts as its own.
    List<ProcessHandle> started = process.handle().descendants().toList();
    stdin.close(grace);
    process.stop(Duration.ofNanos(Math.max(0, deadline - System.nanoTime())));
    started.forEach(ProcessTree::kill);
    awaitExit(REAP_WAIT);
  }

  /** Waits until the process exited and the reader finished its bookkeeping. */
  public boolean awaitExit(Duration timeout) {
    try {
      exit.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
      readerThread.join(timeout.toMillis());
      return true;
    } catch (TimeoutException e) {
      return false;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return exited;
    } catch (ExecutionException e) {
      return true;
    }
  }

  private void readLoop() {
    LineReader lines = new LineReader(process.stdout(), launch.maxLineBytes());
    try {
      if (lines.next()) {
        onFirstLine(lines.bytes(), lines.length());
        while (lines.next()) {
          if (lines.oversized()) {
            pending.onOversized(lines.bytes(), lines.length(), lines.fullLength());
          } else {
            pending.onReply(lines.bytes(), lines.length());
          }
        }
      }
    } catch (IOException e) {
      LOG.debug("reading from {} stopped: {}", this, e.toString());
    } catch (RuntimeException | Error e) {
      LOG.error("the reader of {} failed; killing the worker", this, e);
      kill("its reply reader failed: " + e);
    } finally {
      onEndOfOutput();
    }
  }

  private void onFirstLine(byte[] buf, int len) {
    try {
      Hello h = HelloReader.read(buf, len, launch.env(), launch.module(), process.pid());
      helloNanos = System.nanoTime();
      hello.complete(h);
    } catch (CallException e) {
      hello.completeExceptionally(e);
    }
  }

  private void onEndOfOutput() {
    Integer code = process.reap(REAP_WAIT);
    exitCode = code;
    process.awaitDrained(Duration.ofSeconds(2));
    ExitReport report =
        new ExitReport(
            toString(),
            launch.env(),
            launch.module(),
            code,
            stopReason,
            killReason,
            pending.size(),
            process.tail());
    exitReport = report;
    exited = true;
    if (!hello.isDone()) {
      hello.completeExceptionally(report.beforeHello());
    }
    pending.failAll(report);
    exit.complete(code);
    LOG.atLevel(report.logLevel()).log(report.logLine());
    try {
      onExit.accept(this);
    } catch (RuntimeException e) {
      LOG.error("exit handling of {} failed", this, e);
    }
  }

  @Override
  public String toString() {
    return "worker pid " + pid() + " of env '" + launch.env() + "'";
  }
}
