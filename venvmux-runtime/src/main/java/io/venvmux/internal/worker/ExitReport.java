package io.venvmux.internal.worker;

import io.venvmux.CallException;
import io.venvmux.EnvStartException;
import io.venvmux.PoolClosedException;
import io.venvmux.WorkerCrashedException;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.slf4j.event.Level;

/**
 * Why a worker process ended and what to say about it: the log line and its level, and the
 * exceptions that end the calls and the start it still owed.
 *
 * <p>A worker stopped or killed on purpose (pool close, stopEnv, reload, scale-down, a call's
 * timeout) is no news: it logs at DEBUG, or at INFO when the kill cost calls it was running. Only
 * an exit nobody asked for is a WARN.
 *
 * @param worker names the worker, e.g. {@code worker pid 42 of env 'v1'}
 * @param env the env it served
 * @param module the module it served
 * @param code its exit code; null when it could not be reaped
 * @param stopReason why it was stopped, if it was
 * @param killReason why it was killed, if it was
 * @param lostCalls how many calls it still held when it ended
 * @param stderrTail the last lines of its stderr
 */
record ExitReport(
    String worker,
    String env,
    String module,
    @Nullable Integer code,
    @Nullable String stopReason,
    @Nullable String killReason,
    int lostCalls,
    List<String> stderrTail) {
  private static final boolean POSIX =
      !System.getProperty("os.name", "").toLowerCase(Locale.ROOT).startsWith("windows");
  private static final Map<Integer, String> SIGNALS =
      Map.of(
          1, "SIGHUP", 2, "SIGINT", 3, "SIGQUIT", 4, "SIGILL", 6, "SIGABRT", 7, "SIGBUS", 8,
          "SIGFPE", 9, "SIGKILL", 11, "SIGSEGV", 15, "SIGTERM");

  ExitReport {
    stderrTail = List.copyOf(stderrTail);
  }

  /** The level of the exit's log line: only an exit nobody asked for is a warning. */
  Level logLevel() {
    if (stopReason != null || (killReason != null && lostCalls == 0)) {
      return Level.DEBUG;
    }
    return killReason != null ? Level.INFO : Level.WARN;
  }

  /** The exit's log line. */
  String logLine() {
    if (stopReason != null) {
      return worker + " stopped (" + stopReason + ") with code " + code;
    }
    if (killReason != null) {
      return worker + " was killed (" + killReason + ") with code " + code + lost();
    }
    return worker + " exited with code " + code + signal(code) + lost();
  }

  private String lost() {
    return lostCalls == 0 ? "" : "; " + lostCalls + " call(s) were still running on it";
  }

  /** The exception that ends a call the worker still held. */
  CallException callFailure(String fn) {
    if (stopReason != null && killReason == null) {
      return new PoolClosedException(
          worker + " was stopped (" + stopReason + ") before fn '" + fn + "' finished");
    }
    String what =
        killReason != null
            ? worker
                + " was killed because "
                + killReason
                + "; fn '"
                + fn
                + "' was running on the same worker and was lost."
            : worker
                + " died with exit code "
                + code
                + signal(code)
                + " while running fn '"
                + fn
                + "'.";
    return new WorkerCrashedException(
        what
            + " A replacement worker is started; the call can be retried."
            + (stderrTail.isEmpty() ? "" : " Last stderr lines:\n" + String.join("\n", stderrTail)),
        code,
        stderrTail);
  }

  /** The start failure of a worker that exited before its hello. */
  EnvStartException beforeHello() {
    return new EnvStartException(
        "the worker for env '"
            + env
            + "' (module "
            + module
            + ") exited with code "
            + code
            + signal(code)
            + " before saying hello; its last stderr lines follow",
        String.join("\n", stderrTail));
  }

  /** The start failure of a worker killed because it stayed silent. */
  static EnvStartException noHelloWithin(
      String env, String module, Duration timeout, List<String> stderrTail) {
    return new EnvStartException(
        "the worker for env '"
            + env
            + "' (module "
            + module
            + ") did not say hello within "
            + timeout
            + "; raise EnvSpec.startTimeout if its imports are slow",
        String.join("\n", stderrTail));
  }

  /**
   * How an exit code tells of a signal on POSIX (128 + its number), e.g. {@code " (killed by signal
   * 9, SIGKILL)"}; empty for other codes.
   */
  static String signal(@Nullable Integer code) {
    if (!POSIX || code == null || code <= 128 || code >= 160) {
      return "";
    }
    int n = code - 128;
    String name = SIGNALS.get(n);
    return " (killed by signal " + n + (name != null ? ", " + name : "") + ")";
  }
}
