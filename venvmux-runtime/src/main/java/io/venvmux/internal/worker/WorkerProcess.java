package io.venvmux.internal.worker;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.util.TokenBuffer;
import io.venvmux.CallException;
import io.venvmux.EnvStartException;
import io.venvmux.InvalidJsonException;
import io.venvmux.PoolClosedException;
import io.venvmux.ProtocolMismatchException;
import io.venvmux.WorkerCrashedException;
import io.venvmux.internal.codec.NaturalValues;
import io.venvmux.internal.wire.Hello;
import io.venvmux.internal.wire.RawResult;
import io.venvmux.internal.wire.ReplyParsers;
import io.venvmux.internal.wire.WireErrors;
import io.venvmux.internal.wire.WireTrees;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Consumer;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One Python worker process speaking protocol v1 over its stdin/stdout.
 *
 * <p>A reader thread parses reply lines and ends pending calls by id; a second thread forwards
 * stderr to the log. Writes are serialized, one flush per request. When the process exits for any
 * reason the reader reaps it, fails what was still pending with an exception that says why, and
 * tells the exit listener.
 */
public final class WorkerProcess {
  private static final Logger LOG = LoggerFactory.getLogger(WorkerProcess.class);
  private static final Duration REAP_WAIT = Duration.ofSeconds(5);

  private final WorkerLaunch launch;
  private final Process process;
  private final OutputStream stdin;
  private final ReentrantLock writeLock = new ReentrantLock();

  /** Guarded by writeLock. */
  private boolean stdinClosed;

  private final Map<Long, PendingCall> pending = new ConcurrentHashMap<>();
  private final StderrPump stderr;
  private final Thread stderrThread;
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

  private WorkerProcess(WorkerLaunch launch, Process process, Consumer<WorkerProcess> onExit) {
    this.launch = launch;
    this.process = process;
    this.onExit = onExit;
    this.stdin = process.getOutputStream();
    String name = "venvmux-" + launch.env() + "-" + process.pid();
    this.stderr = new StderrPump(process.getErrorStream(), launch.env(), process.pid());
    this.stderrThread = new Thread(stderr, name + "-stderr");
    this.stderrThread.setDaemon(true);
    this.readerThread = new Thread(this::readLoop, name + "-stdout");
    this.readerThread.setDaemon(true);
  }

  /**
   * Starts the process; returns at once. Call {@link #awaitHello()} next.
   *
   * @param onExit told once, from the reader thread, after the process exited and its pending calls
   *     were failed
   * @throws EnvStartException when the process cannot be started at all
   */
  public static WorkerProcess spawn(WorkerLaunch launch, Consumer<WorkerProcess> onExit) {
    ProcessBuilder pb = new ProcessBuilder(launch.command());
    pb.environment().putAll(launch.environment());
    Process p;
    try {
      p = pb.start();
    } catch (IOException e) {
      throw new EnvStartException(
          "cannot start a worker for env '"
              + launch.env()
              + "' with "
              + launch.command()
              + ": "
              + e.getMessage(),
          "",
          e);
    }
    WorkerProcess w = new WorkerProcess(launch, p, onExit);
    w.stderrThread.start();
    w.readerThread.start();
    return w;
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
      throw new EnvStartException(
          "the worker for env '"
              + launch.env()
              + "' (module "
              + launch.module()
              + ") did not say hello within "
              + launch.startTimeout()
              + "; raise EnvSpec.startTimeout if its imports are slow",
          String.join("\n", stderr.tail()));
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      kill("the thread starting it was interrupted");
      throw new EnvStartException(
          "interrupted while starting a worker for env '" + launch.env() + "'", "");
    } catch (ExecutionException e) {
      // A failed import exits by itself (code 3); anything else gets stdin closed, then is killed.
      closeStdin(Duration.ofSeconds(1));
      if (!awaitExit(Duration.ofSeconds(2))) {
        process.destroyForcibly();
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
    return stderr.tail();
  }

  /**
   * Sends a call. Returns false, without touching the call, when the worker had already exited or
   * its stdin was closed (it is stopping); if the worker dies after this, the call fails with
   * {@link WorkerCrashedException}.
   */
  public boolean send(PendingCall call) {
    pending.put(call.id(), call);
    if (call.isDone()) {
      takePending(call.id());
      return true;
    }
    if (exited) {
      return takePending(call.id()) == null;
    }
    try {
      writeLock.lock();
      try {
        if (stdinClosed) {
          // Stopping (reload, scale-down): it will take no more calls, so the call goes elsewhere.
          return takePending(call.id()) == null;
        }
        stdin.write(call.line());
        stdin.flush();
      } finally {
        writeLock.unlock();
      }
      if (!everSent) {
        everSent = true;
      }
    } catch (IOException e) {
      // The pipe broke: the process is dying; the reader will reap it and fail the call.
      LOG.debug("write to worker {} of env '{}' failed: {}", pid(), launch.env(), e.toString());
      if (exited && takePending(call.id()) != null) {
        failPending(call, exitValueOrNull());
      }
    }
    return true;
  }

  /** Forgets a call that ended on the Java side (timeout, error); its reply will be dropped. */
  public void forget(PendingCall call) {
    pending.remove(call.id());
  }

  /** Removes a call this worker no longer holds, telling it so. */
  private @Nullable PendingCall takePending(long id) {
    PendingCall call = pending.remove(id);
    if (call != null) {
      call.released();
    }
    return call;
  }

  /** Kills the process at once; its pending calls fail with a message that gives the reason. */
  public void kill(String reason) {
    if (killReason == null) {
      killReason = reason;
    }
    process.destroyForcibly();
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
    closeStdin(grace);
    if (!awaitExit(Duration.ofNanos(Math.max(0, deadline - System.nanoTime())))) {
      process.destroy();
      if (!awaitExit(Duration.ofSeconds(2))) {
        process.destroyForcibly();
        awaitExit(REAP_WAIT);
      }
    }
  }

  /**
   * Closes stdin, the worker's signal to finish. A write blocked on a full pipe (a worker that no
   * longer reads) holds the lock; then this gives up after {@code wait} and the caller escalates.
   */
  private void closeStdin(Duration wait) {
    try {
      if (!writeLock.tryLock(wait.toNanos(), TimeUnit.NANOSECONDS)) {
        return;
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return;
    }
    try {
      stdinClosed = true;
      stdin.close();
    } catch (IOException e) {
      // Already closed or broken: the process is on its way out either way.
    } finally {
      writeLock.unlock();
    }
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
    LineReader lines = new LineReader(process.getInputStream());
    try {
      if (lines.next()) {
        onFirstLine(lines.bytes(), lines.length());
        while (lines.next()) {
          onReply(lines.bytes(), lines.length());
        }
      }
    } catch (IOException e) {
      LOG.debug(
          "reading from worker {} of env '{}' stopped: {}", pid(), launch.env(), e.toString());
    } catch (RuntimeException | Error e) {
      LOG.error(
          "the reader of worker {} of env '{}' failed; killing the worker", pid(), launch.env(), e);
      kill("its reply reader failed: " + e);
    } finally {
      onEndOfOutput();
    }
  }

  private void onFirstLine(byte[] buf, int len) {
    JsonNode line;
    try {
      // Read without the wire's mapper: the first call must not wait for it to be built.
      line = WireTrees.read(buf, len);
    } catch (IOException e) {
      hello.completeExceptionally(
          new EnvStartException(
              "the worker for env '"
                  + launch.env()
                  + "' wrote something other than a hello: "
                  + new String(buf, 0, Math.min(len, 500), StandardCharsets.UTF_8),
              ""));
      return;
    }
    String type = line.path("type").asText("");
    if ("fatal".equals(type)) {
      JsonNode err = line.path("error");
      hello.completeExceptionally(
          new EnvStartException(
              "module '"
                  + launch.module()
                  + "' failed to import in env '"
                  + launch.env()
                  + "': "
                  + err.path("type").asText("Error")
                  + ": "
                  + err.path("message").asText(""),
              err.path("traceback").asText("")));
      return;
    }
    int protocol = line.path("protocol").asInt(-1);
    if (!"hello".equals(type) || protocol != Hello.PROTOCOL) {
      hello.completeExceptionally(
          new ProtocolMismatchException(
              "the worker for env '"
                  + launch.env()
                  + "' speaks protocol "
                  + line.path("protocol")
                  + " but this venvmux runtime speaks protocol "
                  + Hello.PROTOCOL
                  + "; the venvmux_worker package on its PYTHONPATH comes from another venvmux version"));
      return;
    }
    Map<String, String> functions = new LinkedHashMap<>();
    line.path("functions")
        .properties()
        .forEach(f -> functions.put(f.getKey(), f.getValue().asText()));
    helloNanos = System.nanoTime();
    hello.complete(
        new Hello(
            protocol,
            line.path("pid").asLong(process.pid()),
            line.path("python").asText(""),
            line.path("module").asText(launch.module()),
            line.path("serializer").asText(""),
            functions));
  }

  private void onReply(byte[] buf, int len) {
    long id = -1;
    PendingCall call = null;
    boolean ok = false;
    RawResult result = null;
    String resultFile = null;
    JsonNode error = null;
    try (JsonParser p = ReplyParsers.open(buf, 0, len)) {
      if (p.nextToken() != JsonToken.START_OBJECT) {
        throw new IOException("not a JSON object");
      }
      while (p.nextToken() == JsonToken.FIELD_NAME) {
        String field = p.currentName();
        p.nextToken();
        switch (field) {
          case "id":
            if (p.currentToken() == JsonToken.VALUE_NUMBER_INT) {
              id = p.getLongValue();
              call = pending.get(id);
            }
            break;
          case "ok":
            ok = p.currentToken() == JsonToken.VALUE_TRUE;
            break;
          case "result":
            if (call != null && call.untyped()) {
              result = RawResult.ofValue(NaturalValues.read(p));
            } else {
              TokenBuffer tb = new TokenBuffer(p, null);
              tb.copyCurrentStructure(p);
              result = RawResult.ofTokens(tb);
            }
            break;
          case "result_file":
            resultFile = p.getValueAsString();
            break;
          case "error":
            error = WireTrees.read(p);
            break;
          default:
            p.skipChildren();
        }
      }
    } catch (IOException | RuntimeException e) {
      // Fails only this call: the worker and its other calls are fine.
      unreadableReply(id, resultFile, e, buf, len);
      return;
    }
    call = id < 0 ? null : takePending(id);
    if (call == null) {
      deleteQuietly(resultFile);
      if (id < 0) {
        LOG.warn(
            "worker {} of env '{}' replied to no call: {}",
            pid(),
            launch.env(),
            new String(buf, 0, Math.min(len, 500), StandardCharsets.UTF_8));
      }
      return;
    }
    try {
      if (!ok) {
        call.fail(WireErrors.toException(error, call.fn(), launch.env(), launch.module()));
      } else if (resultFile != null) {
        call.succeed(readResultFile(call, resultFile));
      } else {
        call.succeed(result != null ? result : RawResult.ofValue(null));
      }
    } catch (RuntimeException e) {
      LOG.error(
          "ending fn '{}' of worker {} of env '{}' failed", call.fn(), pid(), launch.env(), e);
      call.fail(
          new InvalidJsonException(
              "the reply of fn '"
                  + call.fn()
                  + "' in env '"
                  + launch.env()
                  + "' could not be handled: "
                  + e,
              e));
    }
  }

  /**
   * A reply line the parser refuses (a number or string beyond its limits, a malformed bytes
   * value): the call it names fails with {@link InvalidJsonException}; a line naming no call is
   * logged.
   */
  private void unreadableReply(
      long id, @Nullable String resultFile, Exception e, byte[] buf, int len) {
    deleteQuietly(resultFile);
    PendingCall call = id < 0 ? null : takePending(id);
    String head = new String(buf, 0, Math.min(len, 500), StandardCharsets.UTF_8);
    if (call == null) {
      LOG.warn(
          "worker {} of env '{}' wrote a line that is not a reply, ignored ({}): {}",
          pid(),
          launch.env(),
          e.getMessage(),
          head);
      return;
    }
    LOG.warn(
        "worker {} of env '{}' sent a reply to fn '{}' that cannot be read: {}",
        pid(),
        launch.env(),
        call.fn(),
        e.getMessage());
    call.fail(
        new InvalidJsonException(
            "the result of fn '"
                + call.fn()
                + "' in env '"
                + launch.env()
                + "' cannot be read: "
                + e.getMessage()
                + ". Return such a value in a form JSON carries within the"
                + " parser's limits: a very long int as a string (str(n)), a huge text or bytes value in smaller parts,"
                + " bytes as real Python bytes",
            e));
  }

  private RawResult readResultFile(PendingCall call, String file) {
    Path path = Path.of(file);
    try {
      return RawResult.ofJson(Files.readAllBytes(path));
    } catch (IOException e) {
      call.fail(
          new InvalidJsonException(
              "cannot read the result of fn '"
                  + call.fn()
                  + "' in env '"
                  + launch.env()
                  + "' from "
                  + file
                  + ": "
                  + e,
              e));
      return RawResult.ofValue(null);
    } finally {
      deleteQuietly(file);
    }
  }

  private static void deleteQuietly(@Nullable String file) {
    if (file != null) {
      try {
        Files.deleteIfExists(Path.of(file));
      } catch (IOException e) {
        LOG.warn("cannot delete spill file {}: {}", file, e.toString());
      }
    }
  }

  private void onEndOfOutput() {
    Integer code = reap();
    exitCode = code;
    try {
      stderrThread.join(2000);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    exited = true;
    if (!hello.isDone()) {
      hello.completeExceptionally(
          new EnvStartException(
              "the worker for env '"
                  + launch.env()
                  + "' (module "
                  + launch.module()
                  + ") exited with code "
                  + code
                  + " before saying hello; its last stderr lines follow",
              String.join("\n", stderr.tail())));
    }
    for (PendingCall call : pending.values()) {
      failPending(call, code);
    }
    exit.complete(code);
    if (stopReason == null) {
      LOG.warn(
          "worker {} of env '{}' exited with code {}{}",
          pid(),
          launch.env(),
          code,
          killReason != null ? " (killed: " + killReason + ")" : "");
    } else {
      LOG.debug("worker {} of env '{}' stopped with code {}", pid(), launch.env(), code);
    }
    try {
      onExit.accept(this);
    } catch (RuntimeException e) {
      LOG.error("exit handling of worker {} of env '{}' failed", pid(), launch.env(), e);
    }
  }

  private @Nullable Integer reap() {
    try {
      if (!process.waitFor(REAP_WAIT.toMillis(), TimeUnit.MILLISECONDS)) {
        // It closed stdout but lives on: it can no longer answer, so it must go.
        process.destroyForcibly();
        process.waitFor();
      }
      return process.exitValue();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      process.destroyForcibly();
      return null;
    }
  }

  private @Nullable Integer exitValueOrNull() {
    return process.isAlive() ? null : process.exitValue();
  }

  private void failPending(PendingCall call, @Nullable Integer code) {
    takePending(call.id());
    call.fail(exitFailure(call, code));
  }

  private CallException exitFailure(PendingCall call, @Nullable Integer code) {
    String who = "worker pid " + pid() + " of env '" + launch.env() + "'";
    String stop = stopReason;
    if (stop != null && killReason == null) {
      return new PoolClosedException(
          who + " was stopped (" + stop + ") before fn '" + call.fn() + "' finished");
    }
    List<String> tail = stderr.tail();
    String signal = code != null && code > 128 ? " (killed by signal " + (code - 128) + ")" : "";
    String kill = killReason;
    String what =
        kill != null
            ? who
                + " was killed because "
                + kill
                + "; fn '"
                + call.fn()
                + "' was running on the same worker and was lost."
            : who
                + " died with exit code "
                + code
                + signal
                + " while running fn '"
                + call.fn()
                + "'.";
    return new WorkerCrashedException(
        what
            + " A replacement worker is started; the call can be retried."
            + (tail.isEmpty() ? "" : " Last stderr lines:\n" + String.join("\n", tail)),
        code,
        tail);
  }

  @Override
  public String toString() {
    return "worker pid " + pid() + " of env '" + launch.env() + "'";
  }
}
